using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Clinical;

public sealed class IntakeApiTests
{
    private static async Task<HealthCondition> ConditionsOf(TestApp app, Guid personId) =>
        await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Profiles.IgnoreQueryFilters()
            .Where(p => p.PersonId == personId).Select(p => p.Conditions).SingleAsync());

    private static async Task<(TestApp App, SciaticaRelief.Data.Accounts.ReliefUser Client, HttpClient ClientApi, HttpClient TherapistApi, Guid IntakeId)> WrittenAsync(
        HealthCondition clientConditions = HealthCondition.None)
    {
        var app = TestApp.Create();
        var client = await app.CreatePersonAsync(conditions: clientConditions);
        var therapist = await app.CreateTherapistAsync(name: "Sam Therapist");
        await ClinicalTestData.GrantAsync(app, client.Id, therapist.Id, Core.Sharing.GrantScope.None);
        var therapistApi = await app.ApiClientAsync(therapist);
        var created = await therapistApi.PostJsonAsync($"/api/v1/clients/{client.Id}/intakes", ClinicalTestData.Intake());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = Guid.Parse((string)(await created.ReadAsync())["id"]!);
        return (app, client, await app.ApiClientAsync(client), therapistApi, id);
    }

    [Fact]
    public async Task Confirm_WrittenIntake_AddsItsConditionsToTheProfileOnceAndKeepsTheOthers()
    {
        var (app, client, clientApi, _, id) = await WrittenAsync(HealthCondition.ReducedSensation);
        await using var _app = app;
        using var _c = clientApi;

        var pending = await (await clientApi.GetAsync($"/api/v1/intakes/{id}")).ReadAsync();
        var confirmed = await clientApi.PostAsync($"/api/v1/intakes/{id}/confirm", null);

        Assert.Equal("pending", (string)pending["status"]!);
        Assert.Equal("Sam Therapist", (string)pending["therapistName"]!);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var body = await confirmed.ReadAsync();
        Assert.Equal("confirmed", (string)body["status"]!);
        Assert.Equal(TestApp.Start, (DateTimeOffset)body["decidedAt"]!);
        Assert.Equal(HealthCondition.ReducedSensation | HealthCondition.Osteoporosis | HealthCondition.LongTermSteroids, await ConditionsOf(app, client.Id));
    }

    [Fact]
    public async Task Decline_WrittenIntake_LeavesTheProfileAsItWas()
    {
        var (app, client, clientApi, _, id) = await WrittenAsync(HealthCondition.Pregnancy);
        await using var _app = app;
        using var _c = clientApi;

        var declined = await clientApi.PostAsync($"/api/v1/intakes/{id}/decline", null);

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("declined", (string)(await declined.ReadAsync())["status"]!);
        Assert.Equal(HealthCondition.Pregnancy, await ConditionsOf(app, client.Id));
    }

    [Theory]
    [InlineData("confirm", "confirm")]
    [InlineData("confirm", "decline")]
    [InlineData("decline", "confirm")]
    public async Task Decide_Twice_Returns409AndChangesNothing(string first, string second)
    {
        var (app, client, clientApi, _, id) = await WrittenAsync();
        await using var _app = app;
        using var _c = clientApi;
        Assert.Equal(HttpStatusCode.OK, (await clientApi.PostAsync($"/api/v1/intakes/{id}/{first}", null)).StatusCode);
        var conditions = await ConditionsOf(app, client.Id);
        app.Clock.Advance(TimeSpan.FromHours(1));

        var again = await clientApi.PostAsync($"/api/v1/intakes/{id}/{second}", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.ReadAsync();
        Assert.Contains("Nothing was changed", (string)problem["detail"]!, StringComparison.Ordinal);
        var now = await (await clientApi.GetAsync($"/api/v1/intakes/{id}")).ReadAsync();
        Assert.Equal(first == "confirm" ? "confirmed" : "declined", (string)now["status"]!);
        Assert.Equal(TestApp.Start, (DateTimeOffset)now["decidedAt"]!);
        Assert.Equal(conditions, await ConditionsOf(app, client.Id));
    }

    [Fact]
    public async Task List_Intakes_PendingFirstThenNewest()
    {
        var (app, client, clientApi, therapistApi, first) = await WrittenAsync();
        await using var _app = app;
        using var _c = clientApi;
        app.Clock.Advance(TimeSpan.FromDays(1));
        var second = Guid.Parse((string)(await (await therapistApi.PostJsonAsync($"/api/v1/clients/{client.Id}/intakes", ClinicalTestData.Intake("second"))).ReadAsync())["id"]!);
        Assert.Equal(HttpStatusCode.OK, (await clientApi.PostAsync($"/api/v1/intakes/{second}/decline", null)).StatusCode);

        var list = (await (await clientApi.GetAsync("/api/v1/intakes")).ReadAsync()).AsArray();

        Assert.Equal([first, second], list.Select(i => Guid.Parse((string)i!["id"]!)));
        Assert.Equal("pending", (string)list[0]!["status"]!);
    }

    [Fact]
    public async Task Create_ByTherapist_IsInTheClientsAuditLogAndTheTherapistsList()
    {
        var (app, client, clientApi, therapistApi, id) = await WrittenAsync();
        await using var _app = app;
        using var _c = clientApi;

        var mine = (await (await therapistApi.GetAsync($"/api/v1/clients/{client.Id}/intakes")).ReadAsync()).AsArray();
        var resources = await app.InScopeAsync(async sp => (await sp.GetRequiredService<Web.Sharing.AuditLog>().ReadAsync(client.Id)).Events
            .Select(e => $"{e.Action} {e.Resource} {e.Outcome}").ToList());

        Assert.Equal(id, Guid.Parse((string)Assert.Single(mine)!["id"]!));
        Assert.Contains($"create intake/{id} allowed", resources);
    }

    [Fact]
    public async Task Create_WithoutConsentAnswered_Returns400AndSavesNothing()
    {
        var (app, client, clientApi, therapistApi, _) = await WrittenAsync();
        await using var _app = app;
        using var _c = clientApi;

        var response = await therapistApi.PostJsonAsync($"/api/v1/clients/{client.Id}/intakes", ClinicalTestData.Intake(consent: null));
        var tooLong = await therapistApi.PostJsonAsync($"/api/v1/clients/{client.Id}/intakes", ClinicalTestData.Intake(history: new string('x', 4001)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadAsync())["errors"]!["consentToTreatment"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.NotNull((await tooLong.ReadAsync())["errors"]!["history"]);
        Assert.Single((await (await clientApi.GetAsync("/api/v1/intakes")).ReadAsync()).AsArray());
    }

    [Fact]
    public async Task Create_WithoutAGrant_Or_RevokedGrant_Returns404AndSavesNothing()
    {
        var (app, client, clientApi, therapistApi, _) = await WrittenAsync();
        await using var _app = app;
        using var _c = clientApi;
        var stranger = await app.CreateTherapistAsync(name: "No Grant");
        using var strangerApi = await app.ApiClientAsync(stranger);

        var noGrant = await strangerApi.PostJsonAsync($"/api/v1/clients/{client.Id}/intakes", ClinicalTestData.Intake());
        var noGrantList = await strangerApi.GetAsync($"/api/v1/clients/{client.Id}/intakes");
        await ClinicalTestData.RevokeAsync(app, client.Id, (await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Grants.IgnoreQueryFilters()
            .Where(g => g.PersonId == client.Id).Select(g => g.TherapistId).SingleAsync())));
        var revoked = await therapistApi.PostJsonAsync($"/api/v1/clients/{client.Id}/intakes", ClinicalTestData.Intake());
        var revokedList = await therapistApi.GetAsync($"/api/v1/clients/{client.Id}/intakes");

        Assert.Equal(HttpStatusCode.NotFound, noGrant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noGrantList.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revokedList.StatusCode);
        Assert.Single((await (await clientApi.GetAsync("/api/v1/intakes")).ReadAsync()).AsArray());
    }

    [Fact]
    public async Task AnotherPerson_GetsNotFound_AndCannotDecide()
    {
        var (app, client, clientApi, _, id) = await WrittenAsync();
        await using var _app = app;
        using var _c = clientApi;
        using var otherApi = await app.ApiClientAsync(await app.CreatePersonAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/intakes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PostAsync($"/api/v1/intakes/{id}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PostAsync($"/api/v1/intakes/{id}/decline", null)).StatusCode);
        Assert.Empty((await (await otherApi.GetAsync("/api/v1/intakes")).ReadAsync()).AsArray());
        Assert.Equal("pending", (string)(await (await clientApi.GetAsync($"/api/v1/intakes/{id}")).ReadAsync())["status"]!);
    }

    [Fact]
    public async Task PersonOnTherapistEndpoints_AndTherapistOnPersonEndpoints_AreRefused()
    {
        var (app, client, clientApi, therapistApi, id) = await WrittenAsync();
        await using var _app = app;
        using var _c = clientApi;

        Assert.Equal(HttpStatusCode.Forbidden, (await clientApi.PostJsonAsync($"/api/v1/clients/{client.Id}/intakes", ClinicalTestData.Intake())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await therapistApi.PostAsync($"/api/v1/intakes/{id}/confirm", null)).StatusCode);
        Assert.Equal("pending", (string)(await (await clientApi.GetAsync($"/api/v1/intakes/{id}")).ReadAsync())["status"]!);
    }
}

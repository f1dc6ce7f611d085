using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Plans;

/// <summary>A Therapist's home-care plan for a client: only through a live Grant with the Plan scope.</summary>
public sealed class ClientPlanTests
{
    internal static async Task<Guid> GrantAsync(TestApp app, ReliefUser person, ReliefUser therapist, GrantScope scopes)
    {
        var grant = new Grant
        {
            PersonId = person.Id, Id = Guid.CreateVersion7(), TherapistId = therapist.Id, Scopes = scopes, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
        };
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            db.Grants.Add(grant);
            return await db.SaveChangesAsync();
        });
        return grant.Id;
    }

    internal static Task<int> RevokeAsync(TestApp app, Guid grantId) => app.InScopeAsync(sp =>
        sp.GetRequiredService<ReliefDbContext>().Grants.IgnoreQueryFilters().Where(g => g.Id == grantId)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAtUtc, DateTime.UnixEpoch)));

    internal static object AcupressureRoutine(params string[] points) => new
    {
        kind = "home-routine",
        modalityId = "self-acupressure",
        points = points.Length == 0 ? ["gb30", "bl40"] : points,
        recurrence = "daily",
        timeOfDay = "08:00",
        durationMinutes = 10,
        instructions = "Hold each point for a minute, firm but not painful.",
    };

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Assign_WithAPlanGrant_ThePersonSeesItInThePlanAndTheFeed_AndItIsAudited(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync(name: "Sam Lee");
        await GrantAsync(app, person, therapist, GrantScope.Plan);
        using var personApi = await app.ApiClientAsync(person);
        using var therapistApi = await app.ApiClientAsync(therapist);

        var created = await therapistApi.PostJsonAsync($"/api/v1/clients/{person.Id}/plan/items", AcupressureRoutine());
        var ear = await therapistApi.PostJsonAsync($"/api/v1/clients/{person.Id}/plan/items", new
        {
            kind = "ear-seed-presses", points = new[] { "shen-men" }, recurrence = "weekly", days = new[] { "monday", "thursday" }, timeOfDay = "12:00",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ear.StatusCode);
        var body = await created.ReadAsync();
        Assert.Equal("Sam Lee", (string)body["assignedBy"]!["name"]!);
        var mine = (await (await personApi.GetAsync("/api/v1/plan/items")).ReadAsync()).AsArray();
        Assert.Equal(2, mine.Count);
        var routine = mine.Single(i => (string)i!["kind"]! == "home-routine")!;
        Assert.Equal(["gb30", "bl40"], routine["points"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("Hold each point for a minute, firm but not painful.", (string)routine["instructions"]!);
        var token = await (await personApi.PostAsync("/api/v1/plan/feed-token", null)).ReadAsync();
        using var calendarApp = app.CreateClient();
        var feed = Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(new Uri((string)token["url"]!).AbsolutePath))!;
        Assert.Equal(2, feed.Events.Count);
        var adherence = await (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/plan/adherence")).ReadAsync();
        Assert.Equal(2, adherence["items"]!.AsArray().Count);
        var (events, broken) = await app.InScopeAsync(sp => sp.GetRequiredService<SciaticaRelief.Web.Sharing.AuditLog>().ReadAsync(person.Id));
        Assert.Null(broken);
        Assert.Contains(events, e => e.Action == "create" && e.Resource == $"plan-item/{body["id"]}" && e.Outcome == "allowed");
        Assert.Contains(events, e => e.Action == "read" && e.Resource == "plan-adherence");
    }

    [Fact]
    public async Task Assign_WithoutThePlanScope_Is404_AndNothingIsSaved()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync();
        await GrantAsync(app, person, therapist, GrantScope.Journal | GrantScope.Treatments);
        using var therapistApi = await app.ApiClientAsync(therapist);
        using var personApi = await app.ApiClientAsync(person);

        var post = await therapistApi.PostJsonAsync($"/api/v1/clients/{person.Id}/plan/items", AcupressureRoutine());
        var list = await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/plan/items");

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Empty((await (await personApi.GetAsync("/api/v1/plan/items")).ReadAsync()).AsArray());
        var (events, _) = await app.InScopeAsync(sp => sp.GetRequiredService<SciaticaRelief.Web.Sharing.AuditLog>().ReadAsync(person.Id));
        Assert.All(events, e => Assert.Equal("denied", e.Outcome));
    }

    [Fact]
    public async Task EveryClientPlanEndpoint_RevokedAMomentAgo_Is404_NoGrantIs404_APersonIs403()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync();
        var stranger = await app.CreateTherapistAsync();
        var grant = await GrantAsync(app, person, therapist, GrantScope.Plan);
        using var therapistApi = await app.ApiClientAsync(therapist);
        using var strangerApi = await app.ApiClientAsync(stranger);
        using var personApi = await app.ApiClientAsync(person);
        var itemId = (string)(await (await therapistApi.PostJsonAsync($"/api/v1/clients/{person.Id}/plan/items", AcupressureRoutine())).ReadAsync())["id"]!;
        await RevokeAsync(app, grant);
        var requests = new Func<HttpClient, Task<HttpResponseMessage>>[]
        {
            c => c.GetAsync($"/api/v1/clients/{person.Id}/plan/items"),
            c => c.PostJsonAsync($"/api/v1/clients/{person.Id}/plan/items", AcupressureRoutine()),
            c => c.DeleteAsync($"/api/v1/clients/{person.Id}/plan/items/{itemId}"),
            c => c.GetAsync($"/api/v1/clients/{person.Id}/plan/adherence"),
        };

        foreach (var send in requests)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await send(therapistApi)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await send(strangerApi)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await send(personApi)).StatusCode);
        }
        Assert.Single((await (await personApi.GetAsync("/api/v1/plan/items")).ReadAsync()).AsArray());
    }

    public static TheoryData<string, string, string> BadAssignments { get; } = new()
    {
        { """{"kind":"home-routine","modalityId":"self-acupressure","points":["shen-men"],"recurrence":"daily","timeOfDay":"08:00"}""", "points", "an ear point is not an acupressure point" },
        { """{"kind":"home-routine","modalityId":"self-acupressure","points":["nowhere"],"recurrence":"daily","timeOfDay":"08:00"}""", "points", "not on the chart" },
        { """{"kind":"home-routine","modalityId":"self-acupressure","recurrence":"daily","timeOfDay":"08:00"}""", "points", "acupressure needs points" },
        { """{"kind":"home-routine","modalityId":"heat","points":["gb30"],"recurrence":"daily","timeOfDay":"08:00"}""", "points", "heat takes no points" },
        { """{"kind":"ear-seed-presses","points":["gb30"],"recurrence":"daily","timeOfDay":"08:00"}""", "points", "a body point is not an ear point" },
        { """{"kind":"massage-appointment","recurrence":"daily","timeOfDay":"08:00"}""", "kind", "a Therapist assigns home care only" },
        { """{"kind":"home-routine","modalityId":"heat","recurrence":"none","timeOfDay":"08:00"}""", "recurrence", "daily or weekly" },
    };

    [Theory]
    [MemberData(nameof(BadAssignments))]
    public async Task Assign_Bad_Returns400NamingTheField(string json, string field, string why)
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync();
        await GrantAsync(app, person, therapist, GrantScope.Plan);
        using var therapistApi = await app.ApiClientAsync(therapist);

        var response = await therapistApi.PostAsync($"/api/v1/clients/{person.Id}/plan/items", Json.Raw(json));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.True((await response.ReadAsync())["errors"]![field] is not null, why);
    }

    [Fact]
    public async Task Delete_OnlyItemsThisTherapistAssigned()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync();
        await GrantAsync(app, person, therapist, GrantScope.Plan);
        using var therapistApi = await app.ApiClientAsync(therapist);
        using var personApi = await app.ApiClientAsync(person);
        var own = (string)(await (await personApi.PostJsonAsync("/api/v1/plan/items", PlanApiTests.DailyCheckIn())).ReadAsync())["id"]!;
        var assigned = (string)(await (await therapistApi.PostJsonAsync($"/api/v1/clients/{person.Id}/plan/items", AcupressureRoutine())).ReadAsync())["id"]!;

        var theirs = await therapistApi.DeleteAsync($"/api/v1/clients/{person.Id}/plan/items/{own}");
        var mine = await therapistApi.DeleteAsync($"/api/v1/clients/{person.Id}/plan/items/{assigned}");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, mine.StatusCode);
        Assert.Equal(own, (string)Assert.Single((await (await personApi.GetAsync("/api/v1/plan/items")).ReadAsync()).AsArray())!["id"]!);
    }

    [Fact]
    public async Task HomeCarePage_WithAGrant_AssignsThroughTheForm_WithoutOne404()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync(name: "Sam Lee");
        var stranger = await app.CreateTherapistAsync();
        await GrantAsync(app, person, therapist, GrantScope.Plan);
        using var browser = await app.SignedInBrowserAsync(therapist);
        using var strangerBrowser = await app.SignedInBrowserAsync(stranger);
        using var personBrowser = await app.SignedInBrowserAsync(person);
        var url = $"/clients/{person.Id}/home-care";

        var response = await browser.SubmitFormAsync(url, "assign", new()
        {
            ["kind"] = "ear-seed-presses", ["recurrence"] = "Daily", ["timeOfDay"] = "12:30", ["durationMinutes"] = "5", ["instructions"] = "Press each seed 30 times.",
        }, [new("earPoint", "shen-men"), new("earPoint", "sciatic-nerve")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Press each seed 30 times.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerBrowser.GetAsync(url)).StatusCode);
        var plan = await personBrowser.GetPageAsync("/plan");
        Assert.Contains("from Sam Lee", plan, StringComparison.Ordinal);
        Assert.Contains("Press each seed 30 times.", plan, StringComparison.Ordinal);

        var at = page.IndexOf("value=\"remove-", StringComparison.Ordinal) + "value=\"".Length;
        var removed = await browser.SubmitFormAsync(url, page[at..page.IndexOf('"', at)], new());
        Assert.Contains("Removed from the client", await removed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Press each seed 30 times.", await personBrowser.GetPageAsync("/plan"), StringComparison.Ordinal);
        var (events, broken) = await app.InScopeAsync(sp => sp.GetRequiredService<SciaticaRelief.Web.Sharing.AuditLog>().ReadAsync(person.Id));
        Assert.Null(broken);
        Assert.Contains(events, e => e.Action == "delete" && e.Resource.StartsWith("plan-item/", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Outcome == "denied");
    }
}

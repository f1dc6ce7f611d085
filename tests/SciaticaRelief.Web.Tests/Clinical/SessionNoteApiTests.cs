using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Clinical;

public sealed class SessionNoteApiTests
{
    private sealed record Setup(TestApp App, SciaticaRelief.Data.Accounts.ReliefUser Client, SciaticaRelief.Data.Accounts.ReliefUser Therapist, HttpClient Api) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Api.Dispose();
            await App.DisposeAsync();
        }
    }

    private static async Task<Setup> SetUpAsync(TestApp? app = null)
    {
        app ??= TestApp.Create();
        var client = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync(name: "Sam Therapist");
        await ClinicalTestData.GrantAsync(app, client.Id, therapist.Id, Core.Sharing.GrantScope.None);
        return new Setup(app, client, therapist, await app.ApiClientAsync(therapist));
    }

    private static async Task<JsonNode> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync();
    }

    private static Dictionary<string, object?> Amendment(string reason, string subjective) =>
        new(ClinicalTestData.Note(subjective: subjective)) { ["reason"] = reason };

    /// <summary>Every column of a note's row as the database stores it, for a byte-for-byte comparison.</summary>
    private static async Task<string> RawRowAsync(TestApp app, Guid id) => await app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ReliefDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM \"SessionNotes\" WHERE \"Id\" = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = db.Database.IsNpgsql() ? id : id.ToString().ToUpperInvariant();
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The note's row is gone.");
        var fields = new List<string>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            fields.Add(reader.GetName(i) + "=" + (value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, CultureInfo.InvariantCulture)));
        }
        return string.Join("\n", fields);
    });

    [Fact]
    public async Task Create_Note_IsSignedListedAndReadBack()
    {
        await using var s = await SetUpAsync();

        var note = await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note()));
        var id = Guid.Parse((string)note["id"]!);
        var read = await (await s.Api.GetAsync($"/api/v1/notes/{id}")).ReadAsync();
        var list = (await (await s.Api.GetAsync($"/api/v1/notes?clientId={s.Client.Id}")).ReadAsync()).AsArray();

        Assert.Equal("Sam Therapist", (string)note["signedBy"]!);
        Assert.Equal(TestApp.Start, (DateTimeOffset)note["signedAt"]!);
        Assert.Equal(["buttock", "thigh"], note["areas"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("better", (string)note["clientResponse"]!);
        Assert.Equal(id, Guid.Parse((string)read["original"]!["id"]!));
        Assert.Empty(read["amendments"]!.AsArray());
        Assert.Equal(s.Client.Email, (string)read["clientName"]!);
        Assert.Equal(id, Guid.Parse((string)Assert.Single(list)!["id"]!));
    }

    [Fact]
    public async Task Create_IsInTheClientsAuditLog()
    {
        await using var s = await SetUpAsync();

        var id = (string)(await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note())))["id"]!;
        var events = await s.App.InScopeAsync(async sp => (await sp.GetRequiredService<Web.Sharing.AuditLog>().ReadAsync(s.Client.Id)));

        Assert.Contains(events.Events, e => e.Action == "create" && e.Resource == $"session-note/{id}" && e.Outcome == "allowed" && e.ActorName == "Sam Therapist");
        Assert.Null(events.BrokenAt);
    }

    [Fact]
    public async Task Create_WithSameIdempotencyKey_ReplaysTheSameNote()
    {
        await using var s = await SetUpAsync();

        var first = await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note(), "key-1"));
        var again = await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note(), "key-1"));
        var different = await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note(subjective: "other"), "key-1");

        Assert.Equal((string)first["id"]!, (string)again["id"]!);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Single((await (await s.Api.GetAsync("/api/v1/notes")).ReadAsync()).AsArray());
    }

    [Fact]
    public async Task Amend_Note_AddsANewSignedNoteAndLeavesTheOriginalRowByteForByte()
    {
        await using var s = await SetUpAsync();
        var id = Guid.Parse((string)(await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note())))["id"]!);
        var before = await RawRowAsync(s.App, id);
        s.App.Clock.Advance(TimeSpan.FromHours(2));

        var first = await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/notes/{id}/amendments", Amendment("Wrong leg", "Pain down the right leg after sitting.")));
        s.App.Clock.Advance(TimeSpan.FromHours(1));
        // Amending the amendment amends the original's chain.
        var second = await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/notes/{first["id"]}/amendments", Amendment("Added duration", "Right leg, 2 hours of sitting.")));
        var chain = await (await s.Api.GetAsync($"/api/v1/notes/{second["id"]}")).ReadAsync();

        Assert.Equal(id, Guid.Parse((string)first["amendsId"]!));
        Assert.Equal(id, Guid.Parse((string)second["amendsId"]!));
        Assert.Equal("Wrong leg", (string)first["amendmentReason"]!);
        Assert.Equal(TestApp.Start.AddHours(2), (DateTimeOffset)first["signedAt"]!);
        Assert.Equal(before, await RawRowAsync(s.App, id));
        Assert.Equal("Pain down the left leg after sitting.", (string)chain["original"]!["subjective"]!);
        Assert.Equal(["Wrong leg", "Added duration"], chain["amendments"]!.AsArray().Select(a => (string)a!["amendmentReason"]!));
        Assert.Equal("Right leg, 2 hours of sitting.", (string)chain["current"]!["subjective"]!);
        Assert.Single((await (await s.Api.GetAsync("/api/v1/notes")).ReadAsync()).AsArray());
    }

    [Fact]
    public async Task Amend_WithoutReason_Returns400AndAddsNothing()
    {
        await using var s = await SetUpAsync();
        var id = (string)(await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note())))["id"]!;

        var response = await s.Api.PostJsonAsync($"/api/v1/notes/{id}/amendments", ClinicalTestData.Note());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadAsync())["errors"]!["reason"]);
        Assert.Empty((await (await s.Api.GetAsync($"/api/v1/notes/{id}")).ReadAsync())["amendments"]!.AsArray());
    }

    [Fact]
    public async Task AnotherTherapist_GetsNotFound_OnReadAndAmend_AndNothingChanges()
    {
        await using var s = await SetUpAsync();
        var id = Guid.Parse((string)(await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note())))["id"]!);
        var before = await RawRowAsync(s.App, id);
        // Even with a live grant from the same client, another Therapist's note is not theirs.
        var other = await s.App.CreateTherapistAsync(name: "Other Therapist");
        await ClinicalTestData.GrantAsync(s.App, s.Client.Id, other.Id);
        using var otherApi = await s.App.ApiClientAsync(other);

        var read = await otherApi.GetAsync($"/api/v1/notes/{id}");
        var amend = await otherApi.PostJsonAsync($"/api/v1/notes/{id}/amendments", Amendment("mine now", "overwritten"));
        var list = await (await otherApi.GetAsync($"/api/v1/notes?clientId={s.Client.Id}")).ReadAsync();

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, amend.StatusCode);
        Assert.DoesNotContain("left leg", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(list.AsArray());
        Assert.Equal(before, await RawRowAsync(s.App, id));
        Assert.Empty((await (await s.Api.GetAsync($"/api/v1/notes/{id}")).ReadAsync())["amendments"]!.AsArray());
    }

    [Fact]
    public async Task AfterRevocation_NotesStayReadable_ButANewNoteOrAnAmendmentIs404_AndTheAmendmentIsAuditedDenied()
    {
        // The issue: a Therapist whose grant was revoked could still write amendments (201, audited "allowed").
        // An amendment writes to the client's record: it goes through the one gate like a new note (ADR 7, 10).
        await using var s = await SetUpAsync();
        var id = Guid.Parse((string)(await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note())))["id"]!);
        await ClinicalTestData.RevokeAsync(s.App, s.Client.Id, s.Therapist.Id);

        var read = await s.Api.GetAsync($"/api/v1/notes/{id}");
        var list = await (await s.Api.GetAsync("/api/v1/notes")).ReadAsync();
        var created = await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note(subjective: "after revocation"));
        var amended = await s.Api.PostJsonAsync($"/api/v1/notes/{id}/amendments", Amendment("Typo", "Pain down the left leg after long sitting."));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Single(list.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, amended.StatusCode);
        Assert.DoesNotContain("long sitting", await amended.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notes = await s.App.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().SessionNotes.IgnoreQueryFilters().CountAsync());
        Assert.Equal(1, notes);
        using var clientApi = await s.App.ApiClientAsync(s.Client);
        var audit = (await (await clientApi.GetAsync("/api/v1/sharing/audit")).ReadAsync())["items"]!.AsArray();
        var newest = audit[0]!;
        Assert.Equal(("create", $"session-note/{id}", "denied"), ((string)newest["action"]!, (string)newest["resource"]!, (string)newest["outcome"]!));
        Assert.DoesNotContain(audit, e => (string)e!["outcome"]! == "allowed" && ((string)e["resource"]!).StartsWith("session-note/", StringComparison.Ordinal)
            && (string)e["resource"]! != $"session-note/{id}");
    }

    [Fact]
    public async Task Amend_WithALiveGrant_IsAllowedAndAudited()
    {
        await using var s = await SetUpAsync();
        var id = Guid.Parse((string)(await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note())))["id"]!);

        var amendment = await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/notes/{id}/amendments", Amendment("Typo", "Pain down the left leg after long sitting.")));

        using var clientApi = await s.App.ApiClientAsync(s.Client);
        var audit = (await (await clientApi.GetAsync("/api/v1/sharing/audit")).ReadAsync())["items"]!.AsArray();
        Assert.Equal($"create session-note/{amendment["id"]} allowed", $"{audit[0]!["action"]} {audit[0]!["resource"]} {audit[0]!["outcome"]}");
        Assert.Equal($"create session-note/{id} allowed", $"{audit[1]!["action"]} {audit[1]!["resource"]} {audit[1]!["outcome"]}");
    }

    [Fact]
    public async Task Note_TechniqueConflictingWithTheClientsConditions_IsKept_WithTheWarningReasonAndSourceStored()
    {
        // The issue: a note that records a technique the client's conditions rule out is kept, with the warning shown and stored.
        await using var app = TestApp.Create();
        var client = await app.CreatePersonAsync(conditions: Core.Profiles.HealthCondition.AnticoagulantsOrBleedingDisorder);
        var therapist = await app.CreateTherapistAsync();
        await ClinicalTestData.GrantAsync(app, client.Id, therapist.Id, Core.Sharing.GrantScope.None);
        using var api = await app.ApiClientAsync(therapist);
        var body = ClinicalTestData.Note();
        body["techniques"] = new[] { "deep-tissue-massage", "swedish-massage" };

        var note = await CreatedAsync(await api.PostJsonAsync($"/api/v1/clients/{client.Id}/notes", body));

        var warnings = note["safetyWarnings"]!.AsArray();
        var deep = Assert.Single(warnings, w => (string)w!["ruleId"]! == "CONTRA:deep-tissue-massage:anticoagulants-or-bleeding-disorder")!;
        Assert.Equal("warning", (string)deep["level"]!);
        Assert.Contains("not advised", (string)deep["message"]!, StringComparison.Ordinal);
        Assert.Contains("bleeding into the muscle", (string)deep["message"]!, StringComparison.Ordinal);
        Assert.Contains("Batavia", (string)deep["source"]!, StringComparison.Ordinal);
        Assert.Contains(warnings, w => (string)w!["ruleId"]! == "CONTRA:swedish-massage:anticoagulants-or-bleeding-disorder" && (string)w["level"]! == "caution");
        var id = Guid.Parse((string)note["id"]!);
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().SessionNotes.IgnoreQueryFilters().AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal(warnings.Select(w => (string)w!["ruleId"]!), stored.SafetyWarnings.Select(w => w.RuleId));
        Assert.Equal((string)deep["message"]!, stored.SafetyWarnings[0].Message);
        var read = await (await api.GetAsync($"/api/v1/notes/{id}")).ReadAsync();
        Assert.Equal(warnings.ToJsonString(), read["original"]!["safetyWarnings"]!.ToJsonString());
    }

    [Fact]
    public async Task Note_KeepsTheWarningsOfWhenItWasSigned_AndAnAmendmentHasThoseOfItsOwnTime()
    {
        // What applied then stays with the note; an amendment is signed later, against the conditions then.
        await using var s = await SetUpAsync();
        var body = ClinicalTestData.Note();
        body["techniques"] = new[] { "deep-tissue-massage" };
        var id = Guid.Parse((string)(await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", body)))["id"]!);
        await s.App.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Profiles.IgnoreQueryFilters().Where(p => p.PersonId == s.Client.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Conditions, Core.Profiles.HealthCondition.Osteoporosis)));

        var amendment = await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/notes/{id}/amendments", new Dictionary<string, object?>(body) { ["reason"] = "Added pressure" }));
        var chain = await (await s.Api.GetAsync($"/api/v1/notes/{id}")).ReadAsync();

        Assert.Empty(chain["original"]!["safetyWarnings"]!.AsArray());
        Assert.Contains(amendment["safetyWarnings"]!.AsArray(), w => (string)w!["ruleId"]! == "CONTRA:deep-tissue-massage:osteoporosis" && (string)w["level"]! == "warning");
    }

    public static TheoryData<string, object, string> BadNotes => new()
    {
        { "a session tomorrow has not happened", new Dictionary<string, object?>(ClinicalTestData.Note()) { ["sessionDate"] = "2026-11-26" }, "sessionDate" },
        { "more than a year back is too late to write up", new Dictionary<string, object?>(ClinicalTestData.Note()) { ["sessionDate"] = "2025-11-24" }, "sessionDate" },
        { "pressure is 1-5", new Dictionary<string, object?>(ClinicalTestData.Note()) { ["pressure"] = 6 }, "pressure" },
        { "pain is 0-10", new Dictionary<string, object?>(ClinicalTestData.Note()) { ["painAfter"] = 11 }, "painAfter" },
        { "an area not on the body map", new Dictionary<string, object?>(ClinicalTestData.Note()) { ["areas"] = new[] { "neck" } }, "areas" },
        { "heat is a home modality, not a therapist's technique", new Dictionary<string, object?>(ClinicalTestData.Note()) { ["techniques"] = new[] { "heat" } }, "techniques" },
        { "a section longer than its column", new Dictionary<string, object?>(ClinicalTestData.Note()) { ["plan"] = new string('p', 4001) }, "plan" },
    };

    [Theory]
    [MemberData(nameof(BadNotes))]
    public async Task Create_InvalidNote_Returns400WithTheFieldAndSavesNothing(string why, object body, string field)
    {
        await using var s = await SetUpAsync();

        var response = await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.True((await response.ReadAsync())["errors"]![field] is not null, why);
        Assert.Empty((await (await s.Api.GetAsync("/api/v1/notes")).ReadAsync()).AsArray());
    }

    [Fact]
    public async Task NoteEndpoints_RefuseAPersonAndAnonymous()
    {
        await using var s = await SetUpAsync();
        using var person = await s.App.ApiClientAsync(s.Client);
        using var anonymous = s.App.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/api/v1/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/notes")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CreateAndAmend_OnEveryDatabase_KeepsTheOriginal(string provider)
    {
        await using var s = await SetUpAsync(await TestApp.CreateAsync(provider));
        var id = Guid.Parse((string)(await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note())))["id"]!);
        var before = await RawRowAsync(s.App, id);

        await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/notes/{id}/amendments", Amendment("Wrong leg", "Right leg.")));
        var chain = await (await s.Api.GetAsync($"/api/v1/notes/{id}")).ReadAsync();

        Assert.Equal(before, await RawRowAsync(s.App, id));
        Assert.Equal("Right leg.", (string)chain["current"]!["subjective"]!);
        Assert.Equal(["myofascial-release", "swedish-massage"], chain["original"]!["techniques"]!.AsArray().Select(t => (string)t!).Order());
    }
    [Fact]
    public async Task NoteAndIntakeText_NeverReachTheApplicationLog()
    {
        await using var s = await SetUpAsync();
        const string canary = "canary-4f1d-private";

        var id = (string)(await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/notes", ClinicalTestData.Note(subjective: canary))))["id"]!;
        await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/notes/{id}/amendments", Amendment(canary, canary)));
        await CreatedAsync(await s.Api.PostJsonAsync($"/api/v1/clients/{s.Client.Id}/intakes", ClinicalTestData.Intake(history: canary)));
        await s.Api.GetAsync($"/api/v1/notes/{id}");

        Assert.NotEmpty(s.App.Logs);
        Assert.DoesNotContain(s.App.Logs, line => line.Contains(canary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApi_DocumentsTheClinicalEndpoints()
    {
        await using var app = TestApp.Create();
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/v1/clients/{clientId}/intakes", "/api/v1/clients/{clientId}/notes", "/api/v1/notes", "/api/v1/notes/{id}/amendments",
                     "/api/v1/intakes", "/api/v1/intakes/{id}/confirm", "/api/v1/intakes/{id}/decline" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
        Assert.Contains("\"no-change\"", document, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Therapist_WithALiveGrant_CannotWriteTheClientsJournalOrTreatments()
    {
        await using var s = await SetUpAsync();
        using var person = await s.App.ApiClientAsync(s.Client);

        var journal = await s.Api.PostJsonAsync("/api/v1/journal", Json.CheckIn(notes: "written by the therapist"));
        var treatment = await s.Api.PostJsonAsync("/api/v1/treatments", new { modalityId = "swedish-massage" });

        Assert.Equal(HttpStatusCode.Forbidden, journal.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, treatment.StatusCode);
        Assert.Equal(0, (int)(await (await person.GetAsync("/api/v1/journal")).ReadAsync())["total"]!);
        Assert.Equal(0, (int)(await (await person.GetAsync("/api/v1/treatments")).ReadAsync())["total"]!);
    }
}

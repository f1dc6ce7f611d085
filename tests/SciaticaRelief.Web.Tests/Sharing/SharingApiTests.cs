using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Sharing;

public sealed class SharingApiTests
{
    internal const string Canary = "client canary note 7f3a";

    [Fact]
    public async Task InviteJoinBrief_RedFlagsFirst_AndTheGrantIsInTheAuditLog()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync(name: "Robin Hands");
        using var personApi = await app.ApiClientAsync(person);
        using var therapistApi = await app.ApiClientAsync(therapist);
        Assert.Equal(HttpStatusCode.Created, (await personApi.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 6, notes: Canary))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await personApi.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 8, redFlags: new() { ["saddle-numbness"] = "yes" }))).StatusCode);

        var created = await personApi.PostJsonAsync("/api/v1/sharing/invites", new { scopes = new[] { "journal" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invite = await created.ReadAsync();
        var code = (string)invite["code"]!;
        Assert.Matches("^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$", code);
        Assert.Equal("/clients/join?code=" + code, (string)invite["link"]!);
        var joined = await therapistApi.PostJsonAsync("/api/v1/clients/join", new { code = code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var join = await joined.ReadAsync();
        Assert.Equal(person.Id, Guid.Parse((string)join["clientId"]!));
        Assert.Equal(person.Email, (string)join["clientName"]!);

        var brief = await (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/brief")).ReadAsync();
        var clients = await (await therapistApi.GetAsync("/api/v1/clients")).ReadAsync();
        var audit = await (await personApi.GetAsync("/api/v1/sharing/audit")).ReadAsync();
        var grants = await (await personApi.GetAsync("/api/v1/sharing/grants")).ReadAsync();
        var invites = await (await personApi.GetAsync("/api/v1/sharing/invites")).ReadAsync();

        Assert.Equal("emergency", (string)brief["redFlags"]!["activeAlarm"]!);
        var recent = Assert.Single(brief["redFlags"]!["recent"]!.AsArray())!;
        Assert.Contains("saddle area", (string)recent["firedRules"]![0]!["reason"]!, StringComparison.Ordinal);
        Assert.True((bool)brief["pain"]!["shared"]!);
        Assert.Equal(7.0, (double)brief["pain"]!["days"]!.AsArray().Single(d => (string)d!["date"]! == "2026-11-25")!["pain"]!);
        Assert.False((bool)brief["treatments"]!["shared"]!);
        Assert.Null(brief["treatments"]!["items"]);
        Assert.DoesNotContain(Canary, brief.ToJsonString(), StringComparison.Ordinal);
        var listed = Assert.Single(clients["clients"]!.AsArray())!;
        Assert.Equal(person.Id, Guid.Parse((string)listed["clientId"]!));
        Assert.Equal("emergency", (string)listed["alarm"]!); // the client list marks an Emergency or Urgent standing
        Assert.True((bool)audit["intact"]!);
        var entries = audit["items"]!.AsArray();
        // The list reads each client's standing through the gate: one audited read.
        Assert.Equal(["read standing allowed", "read brief allowed", "create grant/" + (string)join["grantId"]! + " allowed"],
            entries.Select(e => $"{e!["action"]} {e["resource"]} {e["outcome"]}"));
        Assert.All(entries, e => Assert.Equal("Robin Hands", (string)e!["who"]!));
        var grant = Assert.Single(grants.AsArray())!;
        Assert.Equal("Robin Hands", (string)grant["therapistName"]!);
        Assert.True((bool)grant["live"]!);
        Assert.Equal(["journal"], grant["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("redeemed", (string)Assert.Single(invites.AsArray())!["status"]!);
        Assert.Null(Assert.Single(invites.AsArray())!["code"]);
    }

    public static TheoryData<string, string> RefusedCodes => new()
    {
        // Each row: how the code was spoiled, and the status the Therapist gets.
        { "expired", "410" },
        { "used", "410" },
        { "cancelled", "410" },
        { "unknown", "404" },
        { "malformed", "400" },
    };

    [Theory]
    [MemberData(nameof(RefusedCodes))]
    public async Task Join_CodeThatCannotBeUsed_IsAClearErrorAndCreatesNothing(string spoiled, string status)
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var first = await app.CreateTherapistAsync();
        var therapist = await app.CreateTherapistAsync();
        using var personApi = await app.ApiClientAsync(person);
        using var therapistApi = await app.ApiClientAsync(therapist);
        var (inviteId, code) = await SharingSeed.InviteAsync(personApi, GrantScope.All);
        switch (spoiled)
        {
            case "expired":
                app.Clock.Advance(TimeSpan.FromDays(GrantInvite.CodeLifetimeDays) + TimeSpan.FromMinutes(1));
                break;
            case "used":
                using (var firstApi = await app.ApiClientAsync(first))
                {
                    Assert.Equal(HttpStatusCode.Created, (await firstApi.PostJsonAsync("/api/v1/clients/join", new { code })).StatusCode);
                }
                break;
            case "cancelled":
                Assert.Equal(HttpStatusCode.NoContent, (await personApi.DeleteAsync(new Uri($"/api/v1/sharing/invites/{inviteId}", UriKind.Relative))).StatusCode);
                break;
            case "unknown":
                code = InviteCode.New();
                break;
            case "malformed":
                code = "not-a-code";
                break;
        }

        var response = await therapistApi.PostJsonAsync("/api/v1/clients/join", new { code });

        Assert.Equal(status, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadAsync();
        Assert.Contains(spoiled switch
        {
            "expired" => "expired",
            "used" => "already used",
            "cancelled" => "cancelled",
            "unknown" => "No invite has this code",
            _ => "not an invite code",
        }, (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Empty((await (await therapistApi.GetAsync("/api/v1/clients")).ReadAsync())["clients"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/brief")).StatusCode);
    }

    [Fact]
    public async Task Join_TherapistWithALiveGrant_GetsItReplacedByTheNewScopes()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync();
        using var personApi = await app.ApiClientAsync(person);
        using var therapistApi = await app.ApiClientAsync(therapist);
        var firstGrant = await SharingSeed.GrantAsync(app, person, therapist, GrantScope.Journal);
        Assert.Equal(HttpStatusCode.OK, (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/journal")).StatusCode);

        var (_, code) = await SharingSeed.InviteAsync(personApi, GrantScope.Treatments);
        var joined = await (await therapistApi.PostJsonAsync("/api/v1/clients/join", new { code })).ReadAsync();

        Assert.True((bool)joined["replaced"]!);
        var grants = (await (await personApi.GetAsync("/api/v1/sharing/grants")).ReadAsync()).AsArray();
        Assert.Equal(2, grants.Count);
        Assert.False((bool)grants.Single(g => Guid.Parse((string)g!["id"]!) == firstGrant)!["live"]!);
        Assert.Equal(["treatments"], grants.Single(g => (bool)g!["live"]!)!["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(HttpStatusCode.NotFound, (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/treatments")).StatusCode);
        Assert.Single((await (await therapistApi.GetAsync("/api/v1/clients")).ReadAsync())["clients"]!.AsArray());
    }

    public static TheoryData<string> RaceDatabases
    {
        get
        {
            // A file, not the shared in-memory cache: two writers there fail with "table is locked"
            // instead of waiting, which tests SQLite's cache, not the redemption.
            var data = new TheoryData<string> { "SqliteFile" };
            if (TestDatabase.PostgresAdminConnection is not null || TestDatabase.PostgresRequired)
            {
                data.Add("Postgres");
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RaceDatabases))]
    public async Task Join_TwoTherapistsRaceForOneCode_ExactlyOneGrant(string database)
    {
        await using var app = new TestApp(database == "SqliteFile" ? TestDatabase.FileSqlite() : await TestDatabase.CreateAsync(database));
        var person = await app.CreatePersonAsync();
        var therapists = new[] { await app.CreateTherapistAsync(), await app.CreateTherapistAsync(), await app.CreateTherapistAsync() };
        using var personApi = await app.ApiClientAsync(person);
        var clients = await Task.WhenAll(therapists.Select(app.ApiClientAsync));
        var (_, code) = await SharingSeed.InviteAsync(personApi, GrantScope.All);

        var responses = await Task.WhenAll(clients.Select(c => c.PostJsonAsync("/api/v1/clients/join", new { code })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Gone, r.StatusCode));
        Assert.Single((await (await personApi.GetAsync("/api/v1/sharing/grants")).ReadAsync()).AsArray());
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Revoke_RefusesTheVeryNextRequest_AndTheAuditLogRecordsTheRefusal(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync(name: "Robin Hands");
        using var personApi = await app.ApiClientAsync(person);
        using var therapistApi = await app.ApiClientAsync(therapist);
        Assert.Equal(HttpStatusCode.Created, (await personApi.PostJsonAsync("/api/v1/journal", Json.CheckIn(notes: Canary))).StatusCode);
        var grantId = await SharingSeed.GrantAsync(app, person, therapist, GrantScope.All);
        var before = await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/journal");
        Assert.Contains(Canary, await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var revoked = await (await personApi.PostAsync(new Uri($"/api/v1/sharing/grants/{grantId}/revoke", UriKind.Relative), null)).ReadAsync();
        var after = await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/journal");
        var brief = await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/brief");

        Assert.False((bool)revoked["live"]!);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, brief.StatusCode);
        Assert.DoesNotContain(Canary, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var clients = await (await therapistApi.GetAsync("/api/v1/clients")).ReadAsync();
        Assert.Empty(clients["clients"]!.AsArray());
        var ended = Assert.Single(clients["ended"]!.AsArray())!;
        Assert.Equal(person.Email, (string)ended["name"]!);
        Assert.Equal(["endedAt", "name"], ended.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        var audit = await (await personApi.GetAsync("/api/v1/sharing/audit")).ReadAsync();
        Assert.True((bool)audit["intact"]!);
        Assert.Equal(["read brief denied", "read journal denied", "read journal allowed", "create grant/" + grantId + " allowed"],
            audit["items"]!.AsArray().Select(e => $"{e!["action"]} {e["resource"]} {e["outcome"]}"));
        Assert.Equal([4L, 3L, 2L, 1L], audit["items"]!.AsArray().Select(e => (long)e!["sequence"]!));
    }

    public static TheoryData<string> TamperedColumns => new()
    {
        // An edit of any recorded field breaks its own hash.
        "\"Outcome\" = 'allowed'",
        "\"Resource\" = 'nothing'",
        "\"ActorName\" = 'Someone Else'",
    };

    [Theory]
    [MemberData(nameof(TamperedColumns))]
    public async Task AuditLog_RowEditedWithSql_IsReportedOnThePageAndTheApi(string assignment)
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync();
        using var personApi = await app.ApiClientAsync(person);
        using var therapistApi = await app.ApiClientAsync(therapist);
        var grantId = await SharingSeed.GrantAsync(app, person, therapist, GrantScope.None);
        Assert.Equal(HttpStatusCode.OK, (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/brief")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/brief")).StatusCode);

        // The assignment comes from the test's own table, never from input.
        var sql = "UPDATE \"AuditEvents\" SET " + assignment + " WHERE \"PersonId\" = {0} AND \"Sequence\" = 3";
        await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Database.ExecuteSqlRawAsync(sql, person.Id));
        var audit = await (await personApi.GetAsync("/api/v1/sharing/audit")).ReadAsync();
        using var browser = await app.SignedInBrowserAsync(person);
        var page = await browser.GetPageAsync("/sharing/audit");

        Assert.False((bool)audit["intact"]!);
        Assert.Equal(3, (long)audit["brokenAt"]!);
        Assert.Equal("The log is not intact: entry #3 was changed or removed.", (string)audit["status"]!);
        Assert.Contains("entry #3 was changed or removed", page, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, grantId);
    }

    [Fact]
    public async Task AuditLog_MiddleRowDeleted_IsReported()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync();
        using var personApi = await app.ApiClientAsync(person);
        using var therapistApi = await app.ApiClientAsync(therapist);
        await SharingSeed.GrantAsync(app, person, therapist, GrantScope.None);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/brief")).StatusCode);
        }
        var intact = await (await personApi.GetAsync("/api/v1/sharing/audit")).ReadAsync();

        await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Database.ExecuteSqlRawAsync(
            "DELETE FROM \"AuditEvents\" WHERE \"PersonId\" = {0} AND \"Sequence\" = 2", person.Id));
        var audit = await (await personApi.GetAsync("/api/v1/sharing/audit")).ReadAsync();

        Assert.True((bool)intact["intact"]!);
        Assert.Equal("The log is intact: no entry was changed or removed.", (string)intact["status"]!);
        Assert.Equal(3, (long)audit["brokenAt"]!);
    }

    [Fact]
    public async Task Brief_ScopeNone_ShowsRedFlagsAndSaysTheRestIsNotShared()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync();
        using var personApi = await app.ApiClientAsync(person);
        using var therapistApi = await app.ApiClientAsync(therapist);
        await SeedHealthAsync(personApi);
        await SharingSeed.GrantAsync(app, person, therapist, GrantScope.None);

        var brief = await (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/brief")).ReadAsync();
        using var browser = await app.SignedInBrowserAsync(therapist);
        var page = await browser.GetPageAsync($"/clients/{person.Id}");

        Assert.Equal("emergency", (string)brief["redFlags"]!["activeAlarm"]!);
        Assert.NotEmpty(brief["redFlags"]!["alarm"]!["firedRules"]!.AsArray());
        foreach (var part in new[] { "pain", "treatments", "adherence", "questionnaires" })
        {
            Assert.False((bool)brief[part]!["shared"]!, part);
        }
        Assert.Null(brief["pain"]!["days"]);
        Assert.Null(brief["questionnaires"]!["latest"]);
        Assert.DoesNotContain(Canary, brief.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("The journal is not shared with you.", page, StringComparison.Ordinal);
        Assert.Contains("Treatments is not shared with you.", page, StringComparison.Ordinal);
        Assert.Contains("Numbness or tingling in the saddle area", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("data-red-flags", StringComparison.Ordinal) < page.IndexOf("pain-heading", StringComparison.Ordinal),
            "Red flags come first.");
        Assert.DoesNotContain(Canary, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Brief_EveryScope_ShowsPainTreatmentsAdherenceAndScores()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync();
        using var personApi = await app.ApiClientAsync(person);
        using var therapistApi = await app.ApiClientAsync(therapist);
        await SeedHealthAsync(personApi);
        await SeedPlanAsync(app, person.Id);
        await SharingSeed.GrantAsync(app, person, therapist, GrantScope.All);

        var brief = await (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/brief")).ReadAsync();
        using var browser = await app.SignedInBrowserAsync(therapist);
        var page = await browser.GetPageAsync($"/clients/{person.Id}");

        Assert.Equal("emergency", (string)brief["redFlags"]!["activeAlarm"]!);
        var days = brief["pain"]!["days"]!.AsArray();
        Assert.Equal(5.0, (double)days.Single(d => (string)d!["date"]! == "2026-11-23")!["pain"]!);
        Assert.Equal(8.0, (double)days.Single(d => (string)d!["date"]! == "2026-11-25")!["pain"]!);
        Assert.Equal("2026-11-19", (string)brief["from"]!);
        var treatment = Assert.Single(brief["treatments"]!["items"]!.AsArray())!;
        Assert.Equal("deep-tissue-massage", (string)treatment["modalityId"]!);
        Assert.Equal(7, (int)treatment["painBefore"]!);
        Assert.Equal(4, (int)treatment["painAfter"]!);
        var item = Assert.Single(brief["adherence"]!["items"]!.AsArray())!;
        Assert.Equal(14, (int)item["planned"]!);
        Assert.Equal(2, (int)item["done"]!);
        var score = Assert.Single(brief["questionnaires"]!["latest"]!.AsArray())!;
        Assert.Equal("nrs", (string)score["instrumentId"]!);
        Assert.Equal(7m, (decimal)score["score"]!);
        Assert.NotNull(score["scoreText"]);
        Assert.DoesNotContain("is not shared with you", page, StringComparison.Ordinal);
        Assert.Contains("pain-chart-title", page, StringComparison.Ordinal);
        Assert.Contains($"/clients/{person.Id}/notes/new", page, StringComparison.Ordinal);
        Assert.Contains($"/clients/{person.Id}/intake", page, StringComparison.Ordinal);
        Assert.Contains($"/clients/{person.Id}/home-care", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharingFlow_LeavesNoAuditTextCodeOrHealthTextInTheLogs()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync(name: "Robin Hands");
        using var personApi = await app.ApiClientAsync(person);
        using var therapistApi = await app.ApiClientAsync(therapist);
        await SeedHealthAsync(personApi);
        var (_, code) = await SharingSeed.InviteAsync(personApi, GrantScope.All);
        var joined = await (await therapistApi.PostJsonAsync("/api/v1/clients/join", new { code })).ReadAsync();
        foreach (var part in new[] { "brief", "journal", "treatments", "questionnaire-responses" })
        {
            Assert.Equal(HttpStatusCode.OK, (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/{part}")).StatusCode);
        }
        await SharingSeed.RevokeAsync(personApi, Guid.Parse((string)joined["grantId"]!));
        Assert.Equal(HttpStatusCode.NotFound, (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/brief")).StatusCode);
        var audit = await (await personApi.GetAsync("/api/v1/sharing/audit")).ReadAsync();

        var logs = string.Join("\n", app.Logs);
        Assert.DoesNotContain(Canary, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(code, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(InviteCode.Hash(InviteCode.Normalize(code)!), logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Robin Hands", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("saddle area", logs, StringComparison.Ordinal);
        Assert.Equal(6, audit["items"]!.AsArray().Count);
        var hashes = await app.InScopeAsync(async sp => await sp.GetRequiredService<ReliefDbContext>().AuditEvents.IgnoreQueryFilters()
            .Select(e => e.Hash).ToListAsync());
        Assert.All(hashes, h => Assert.DoesNotContain(h, logs, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancelInvite_PendingThenUsed_CancelsOnceAndRefusesAUsedOne()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync();
        using var personApi = await app.ApiClientAsync(person);
        using var therapistApi = await app.ApiClientAsync(therapist);
        var (pending, _) = await SharingSeed.InviteAsync(personApi, GrantScope.Journal);
        var (used, code) = await SharingSeed.InviteAsync(personApi, GrantScope.Journal);
        Assert.Equal(HttpStatusCode.Created, (await therapistApi.PostJsonAsync("/api/v1/clients/join", new { code })).StatusCode);

        var cancelled = await personApi.DeleteAsync(new Uri($"/api/v1/sharing/invites/{pending}", UriKind.Relative));
        var again = await personApi.DeleteAsync(new Uri($"/api/v1/sharing/invites/{pending}", UriKind.Relative));
        var refused = await personApi.DeleteAsync(new Uri($"/api/v1/sharing/invites/{used}", UriKind.Relative));
        var unknown = await personApi.DeleteAsync(new Uri($"/api/v1/sharing/invites/{Guid.NewGuid()}", UriKind.Relative));
        var invites = (await (await personApi.GetAsync("/api/v1/sharing/invites")).ReadAsync()).AsArray();

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("cancelled", (string)invites.Single(i => Guid.Parse((string)i!["id"]!) == pending)!["status"]!);
        Assert.Equal("redeemed", (string)invites.Single(i => Guid.Parse((string)i!["id"]!) == used)!["status"]!);
    }

    [Theory]
    [InlineData("{\"scopes\": [\"journal\", \"diary\"]}", "diary")]
    [InlineData("{\"scopes\": [\"red-flags\"]}", "always shared")]
    public async Task CreateInvite_UnknownScope_Is400AndNamesIt(string body, string expected)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.PostAsync(new Uri("/api/v1/sharing/invites", UriKind.Relative), Json.Raw(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (string)(await response.ReadAsync())["detail"]!, StringComparison.Ordinal);
        Assert.Empty((await (await api.GetAsync("/api/v1/sharing/invites")).ReadAsync()).AsArray());
    }

    [Fact]
    public async Task Therapist_OnPersonSharingEndpoints_Gets403_AndPersonOnClientEndpoints_Gets403()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var therapistApi = await app.ApiClientAsync(await app.CreateTherapistAsync());
        using var personApi = await app.ApiClientAsync(person);

        Assert.Equal(HttpStatusCode.Forbidden, (await therapistApi.GetAsync("/api/v1/sharing/grants")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await therapistApi.PostJsonAsync("/api/v1/sharing/invites", new { scopes = new[] { "journal" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await personApi.GetAsync("/api/v1/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await personApi.GetAsync($"/api/v1/clients/{person.Id}/brief")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheSharingAndClientEndpoints()
    {
        await using var app = TestApp.Create();
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/v1/sharing/invites", "/api/v1/sharing/grants/{id}/revoke", "/api/v1/sharing/audit",
                     "/api/v1/clients/join", "/api/v1/clients/{clientId}/brief", "/api/v1/clients/{clientId}/questionnaire-responses" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
        Assert.Contains("red-flag results are always shared", document, StringComparison.Ordinal);
    }

    /// <summary>A check-in with a note, an Emergency one, a massage with pain before and after, an NRS score.</summary>
    internal static async Task SeedHealthAsync(HttpClient personApi)
    {
        Assert.Equal(HttpStatusCode.Created, (await personApi.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 5, notes: Canary, occurredAt: "2026-11-23T09:00:00Z"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await personApi.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 8, redFlags: new() { ["saddle-numbness"] = "yes" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await personApi.PostJsonAsync("/api/v1/treatments", new
        {
            modalityId = "deep-tissue-massage", startedAt = TestApp.Start.AddHours(-30), painBefore = 7, painAfter = 4, notes = Canary,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await personApi.PostJsonAsync("/api/v1/questionnaires/nrs/responses", new { answers = new[] { new { linkId = "pain", integer = 7 } } })).StatusCode);
    }

    /// <summary>A daily home routine since long before the window, done on two of its 14 days.</summary>
    internal static Task SeedPlanAsync(TestApp app, Guid personId) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ReliefDbContext>();
        var item = new Core.Plans.SavedPlanItem
        {
            PersonId = personId, Id = Guid.CreateVersion7(), Kind = Core.Plans.PlanItemKind.HomeRoutine, Title = "Acupressure routine",
            StartDate = new DateOnly(2026, 10, 1), TimeOfDay = new TimeOnly(8, 0), DurationMinutes = 10, RecurrenceKind = Core.Plans.RecurrenceKind.Daily,
            ZoneId = "Europe/London", CreatedAtUtc = TestApp.Start.UtcDateTime, UpdatedAtUtc = TestApp.Start.UtcDateTime, Version = 1,
        };
        db.PlanItems.Add(item);
        foreach (var day in new[] { new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 24) })
        {
            db.PlanCompletions.Add(new Core.Plans.PlanCompletion
            {
                PersonId = personId, Id = Guid.CreateVersion7(), PlanItemId = item.Id, OccurrenceDate = day, CompletedAtUtc = TestApp.Start.UtcDateTime,
            });
        }
        return await db.SaveChangesAsync();
    });
}

using System.Net;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Journal;

public sealed class JournalApiTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_ValidCheckIn_Returns201WithTriageAndETag(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);

        var response = await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 6, notes: "after a long drive"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var body = await response.ReadAsync();
        Assert.Equal(6, (int)body["painNow"]!);
        Assert.Equal("below-knee", (string)body["radiation"]!);
        Assert.Equal("self-care", (string)body["triage"]!["level"]!);
        Assert.Equal(response.Headers.Location!.ToString(), $"/api/v1/journal/{body["id"]}");

        var read = await api.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("after a long drive", (string)(await read.ReadAsync())["notes"]!);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_SaddleNumbness_IsEmergencyWithTheRuleThatFired(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(redFlags: new() { ["saddle-numbness"] = "unsure" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var triage = (await response.ReadAsync())["triage"]!;
        Assert.Equal("emergency", (string)triage["level"]!);
        Assert.Contains(triage["firedRules"]!.AsArray(), r => (string)r!["id"]! == "E-CES-SADDLE");
        var standing = await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync();
        Assert.Equal("emergency", (string)standing["activeAlarm"]!);
        Assert.True((bool)standing["selfCarePaused"]!);
    }

    [Fact]
    public async Task Create_LegsOnBothSidesWithoutAnswer_PresumesBothLegsEmergency()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var body = Json.CheckIn(areas: new[] { new { region = "calf", side = "left" }, new { region = "thigh", side = "right" } });
        ((Dictionary<string, string>)body["redFlags"]!).Remove("both-legs");

        var response = await api.PostJsonAsync("/api/v1/journal", body);

        Assert.Equal("emergency", (string)(await response.ReadAsync())["triage"]!["level"]!);
    }

    [Theory]
    [InlineData("{\"painNow\": 11}", "painNow", "above the scale")]
    [InlineData("{\"painNow\": -1}", "painNow", "below the scale")]
    [InlineData("{}", "painNow", "pain now is required")]
    [InlineData("{\"painNow\": 3, \"painWorst\": 2}", "painWorst", "worst below now")]
    [InlineData("{\"painNow\": 3, \"occurredAt\": \"2027-06-01T10:00:00+00:00\"}", "occurredAt", "far in the future")]
    [InlineData("{\"painNow\": 3, \"redFlags\": {\"no-such-question\": \"yes\"}}", "redFlags", "unknown question id")]
    [InlineData("{\"painNow\": 3, \"notes\": \"a\\u0000b\"}", "notes", "NUL in text")]
    public async Task Create_InvalidField_Returns400ProblemNamingTheFieldAndSavesNothing(string json, string field, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.PostAsync("/api/v1/journal", Json.Raw(json));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadAsync();
        Assert.NotNull(problem["errors"]![field]);
        var list = await (await api.GetAsync("/api/v1/journal")).ReadAsync();
        Assert.Equal(0, (int)list["total"]!);
    }

    [Theory]
    [InlineData("{\"painNow\": 5.5}", "a non-integer score")]
    [InlineData("{\"painNow\": \"five\"}", "a score as text")]
    [InlineData("{\"painNow\": 5, \"qualities\": [\"itchy\"]}", "an unknown quality")]
    [InlineData("{\"painNow\": 5, \"areas\": [{\"region\": \"elbow\", \"side\": \"left\"}]}", "an unknown body region")]
    [InlineData("{\"painNow\": ", "truncated JSON")]
    public async Task Create_MalformedJson_Returns400Problem(string json, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.PostAsync("/api/v1/journal", Json.Raw(json));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_OversizedBody_IsRefusedWith413()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var huge = "{\"painNow\": 3, \"notes\": \"" + new string('x', 600_000) + "\"}";

        var response = await api.PostAsync("/api/v1/journal", Json.Raw(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_HostileNotes_AreStoredAndReturnedAsText(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        const string hostile = "<script>alert('x')</script> '; DROP TABLE \"CheckIns\"; -- \u202e";

        var created = await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(notes: hostile));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var read = await (await api.GetAsync(created.Headers.Location)).ReadAsync();
        Assert.Equal(hostile, (string)read["notes"]!);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_SameIdempotencyKeyTwice_CreatesOneCheckIn(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var body = Json.CheckIn();

        var first = await api.PostJsonAsync("/api/v1/journal", body, "key-1");
        var second = await api.PostJsonAsync("/api/v1/journal", body, "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, (int)(await (await api.GetAsync("/api/v1/journal")).ReadAsync())["total"]!);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_ReusedKeyWithDifferentBody_Returns422(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 3), "key-2");
        var reused = await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 8), "key-2");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(1, (int)(await (await api.GetAsync("/api/v1/journal")).ReadAsync())["total"]!);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Update_WithCurrentETag_SavesAndBumpsVersion_StaleETagGets412(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var created = await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 4));
        var etag = created.Headers.ETag!.ToString();

        var updated = await api.PutJsonAsync(created.Headers.Location!.ToString(), Json.CheckIn(painNow: 2, notes: "better"), etag);
        var stale = await api.PutJsonAsync(created.Headers.Location!.ToString(), Json.CheckIn(painNow: 9, notes: "lost update"), etag);
        var missing = await api.PutJsonAsync(created.Headers.Location!.ToString(), Json.CheckIn(painNow: 9), null);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        var read = await (await api.GetAsync(created.Headers.Location)).ReadAsync();
        Assert.Equal(2, (int)read["painNow"]!);
        Assert.Equal("better", (string)read["notes"]!);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Delete_RemovesTheCheckInAndItsTriage(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var created = await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(redFlags: new() { ["bladder-control"] = "yes" }));

        var deleted = await api.DeleteAsync(created.Headers.Location);
        var again = await api.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var standing = await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync();
        Assert.Null(standing["activeAlarm"]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task List_PagesNewestFirstAndFiltersByLocalDay(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(zone: "Pacific/Auckland"));
        // Auckland is UTC+13 in November: 24 Nov 12:30Z is 25 Nov 01:30 there, 24 Nov 09:00Z is 24 Nov 22:00
        // and 25 Nov 11:30Z is 26 Nov 00:30. The local day, not the UTC day, counts.
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 7, occurredAt: "2026-11-24T12:30:00Z"));
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 3, occurredAt: "2026-11-24T09:00:00Z"));
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 5, occurredAt: "2026-11-25T11:30:00Z"));

        var day = await (await api.GetAsync("/api/v1/journal?from=2026-11-25&to=2026-11-25")).ReadAsync();
        var page = await (await api.GetAsync("/api/v1/journal?page=1&pageSize=2")).ReadAsync();
        var badPage = await api.GetAsync("/api/v1/journal?pageSize=1000");

        Assert.Equal(1, (int)day["total"]!);
        Assert.Equal(7, (int)day["items"]![0]!["painNow"]!);
        Assert.Equal("2026-11-25", (string)day["items"]![0]!["localDate"]!);
        Assert.Equal(3, (int)page["total"]!);
        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.Equal(5, (int)page["items"]![0]!["painNow"]!);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_LocalTimeInDaylightSavingGap_IsShiftedForwardWithANotice(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(zone: "Europe/London"));
        var body = Json.CheckIn();
        body["occurredAtLocal"] = "2026-03-29T01:30:00";

        var response = await api.PostJsonAsync("/api/v1/journal", body);

        var created = await response.ReadAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("2026-03-29T02:30:00+01:00", (string)created["occurredAt"]!, StringComparison.Ordinal);
        Assert.Contains("clocks went forward", (string)created["notices"]![0]!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_SameKeyRacing_CreatesExactlyOneCheckIn(string provider)
    {
        // In-memory SQLite's shared cache refuses concurrent writers outright; a file behaves as in production.
        await using var app = new TestApp(provider == "Sqlite" ? TestDatabase.FileSqlite() : await TestDatabase.PostgresAsync());
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var body = Json.CheckIn(notes: "sent five times at once");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => api.PostJsonAsync("/api/v1/journal", body, "racing-key")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, (int)(await (await api.GetAsync("/api/v1/journal")).ReadAsync())["total"]!);
    }
}

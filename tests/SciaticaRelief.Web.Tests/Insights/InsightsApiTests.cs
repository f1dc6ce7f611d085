using System.Net;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Insights;

public sealed class InsightsApiTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Get_FiveSwedishSessions_EffectsWithIntervals(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        var person = await app.CreatePersonAsync(zone: InsightsSeed.Zone);
        await InsightsSeed.AddAsync(app, InsightsSeed.FiveSwedishSessions(person.Id));
        using var api = await app.ApiClientAsync(person);

        var response = await api.GetAsync("/api/v1/insights?days=90");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadAsync();
        // Today is Wed 25 Nov 2026 (the test clock): 90 days, both ends included, from 28 Aug.
        Assert.Equal("2026-08-28", (string)body["from"]!);
        Assert.Equal("2026-11-25", (string)body["to"]!);
        Assert.Equal(25, body["days"]!.AsArray().Count);
        var swedish = Assert.Single(body["modalities"]!.AsArray())!;
        Assert.Equal(InsightsSeed.Swedish, (string)swedish["modalityId"]!);
        Assert.Equal(5, (int)swedish["treatments"]!);
        // Hand computation in InsightsSeed.FiveSwedishSessions.
        var immediate = swedish["immediate"]!;
        Assert.Equal(5, (int)immediate["n"]!);
        Assert.True((bool)immediate["shown"]!);
        Assert.Equal(-2, (double)immediate["mean"]!);
        Assert.Equal(0.71, (double)immediate["standardDeviation"]!);
        Assert.Equal(2.776, (double)immediate["tQuantile"]!);
        Assert.Equal(-2.88, (double)immediate["low"]!);
        Assert.Equal(-1.12, (double)immediate["high"]!);
        // The 24-hour follow-up (6) is used for 10 Nov, not the 48-hour one (3).
        var nextDay = swedish["nextDay"]!;
        Assert.Equal(-1.8, (double)nextDay["mean"]!);
        Assert.Equal(-2.36, (double)nextDay["low"]!);
        Assert.Equal(-1.24, (double)nextDay["high"]!);
        var compared = swedish["comparedWithUntreated"]!;
        Assert.Equal(0, (int)compared["treated"]!);
        Assert.False((bool)compared["shown"]!);
        Assert.Equal(5, (int)swedish["immediateResponders"]!["n"]!);
        Assert.Equal(4, (int)swedish["immediateResponders"]!["responders"]!); // 6 → 5 falls by 1 (17%)
        Assert.Equal(13, body["radiation"]!["weeks"]!.AsArray().Count); // 90 days: 13 blocks (at least 8)
        Assert.Equal("not-enough-data", (string)body["radiation"]!["direction"]!);
        Assert.Equal(25, (int)body["checkIns"]!["daysDue"]!);
        Assert.Equal(0, (int)body["earSeedPresses"]!["daysDue"]!);
        Assert.Equal("2026-11-16", (string)body["week"]!["from"]!);
        Assert.Equal(5.14, (double)body["week"]!["meanPain"]!); // (7 + 5 + 7 + 5 + 4 + 4 + 4) / 7 = 36 / 7
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3661")]
    [InlineData("-5")]
    [InlineData("abc")]
    public async Task Get_DaysOutOfRange_Returns400(string days)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.GetAsync($"/api/v1/insights?days={days}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_AnotherPerson_SeesOnlyTheirOwn()
    {
        await using var app = TestApp.Create();
        var owner = await app.CreatePersonAsync();
        var other = await app.CreatePersonAsync();
        await InsightsSeed.AddAsync(app, InsightsSeed.FiveSwedishSessions(owner.Id));
        await InsightsSeed.AddAsync(app, InsightsSeed.CheckIn(other.Id, new DateTime(2026, 11, 24, 9, 0, 0), 2),
            InsightsSeed.Treatment(other.Id, "heat", new DateTime(2026, 11, 24, 19, 0, 0), 3, 2, TreatmentKind.HeatOrCold));
        using var otherApi = await app.ApiClientAsync(other);
        using var ownerApi = await app.ApiClientAsync(owner);

        var theirs = await (await otherApi.GetAsync("/api/v1/insights")).ReadAsync();
        var mine = await (await ownerApi.GetAsync("/api/v1/insights")).ReadAsync();

        Assert.Equal("heat", (string)Assert.Single(theirs["modalities"]!.AsArray())!["modalityId"]!);
        Assert.Equal(2, (double)Assert.Single(theirs["days"]!.AsArray())!["pain"]!);
        Assert.Equal(1, (int)theirs["checkIns"]!["total"]!);
        Assert.Equal(InsightsSeed.Swedish, (string)Assert.Single(mine["modalities"]!.AsArray())!["modalityId"]!);
        Assert.Equal(25, (int)mine["checkIns"]!["total"]!);
    }

    [Fact]
    public async Task Get_RepeatWithTheETag_Is304UntilAFollowUpOrTheDayChanges()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var rows = InsightsSeed.FiveSwedishSessions(person.Id);
        await InsightsSeed.AddAsync(app, rows);
        using var api = await app.ApiClientAsync(person);

        var first = await api.GetAsync("/api/v1/insights?days=30");
        var etag = first.Headers.ETag!;
        var notModified = await SendAsync(api, "/api/v1/insights?days=30", etag);
        var otherPeriod = await SendAsync(api, "/api/v1/insights?days=31", etag);
        // A follow-up for the 12 Nov session: follow-ups have no version of their own.
        var session = rows.OfType<Treatment>().Single(t => t.StartedAtUtc.Day == 12);
        await InsightsSeed.AddAsync(app, InsightsSeed.FollowUp(session, 24, 4));
        var afterFollowUp = await SendAsync(api, "/api/v1/insights?days=30", etag);
        var etag2 = afterFollowUp.Headers.ETag!;
        app.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await SendAsync(api, "/api/v1/insights?days=30", etag2);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl is { Private: true, NoCache: true });
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherPeriod.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterFollowUp.StatusCode);
        Assert.NotEqual(etag, etag2);
        Assert.Equal(HttpStatusCode.OK, nextDay.StatusCode);
    }

    [Fact]
    public async Task Get_ACheckInEditedThroughTheJournal_ChangesTheETag()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var created = await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 6));
        var location = created.Headers.Location!;

        var etag = (await api.GetAsync("/api/v1/insights")).Headers.ETag!;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await api.PutJsonAsync(location.ToString(), Json.CheckIn(painNow: 2), created.Headers.ETag!.ToString());
        var after = await SendAsync(api, "/api/v1/insights", etag);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(2, (double)Assert.Single((await after.ReadAsync())["days"]!.AsArray())!["pain"]!);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheInsightsEndpointAndItsShape()
    {
        await using var app = TestApp.Create();
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/v1/insights\"", document, StringComparison.Ordinal);
        Assert.Contains("\"comparedWithUntreated\"", document, StringComparison.Ordinal);
        Assert.Contains("\"retreated\"", document, StringComparison.Ordinal); // directions by their wire names
        Assert.Contains("not proof that a treatment caused a change", document, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient api, string url, System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return api.SendAsync(request);
    }
}

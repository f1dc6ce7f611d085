using System.Net;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Plans;

/// <summary>The private calendar feed: /api/v1/plan/feed-token makes the URL, /feeds/{token}.ics serves it anonymously.</summary>
public sealed class PlanFeedTests
{
    private static async Task<(string Url, string Path)> NewFeedAsync(HttpClient api)
    {
        var body = await (await api.PostAsync("/api/v1/plan/feed-token", null)).ReadAsync();
        var url = (string)body["url"]!;
        return (url, new Uri(url).AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Feed_Fetched_Is200Calendar_WithTimezoneRruleAlarm_AndTheSameUidTwice(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        await api.PostJsonAsync("/api/v1/plan/items", PlanApiTests.WeeklyMassage());
        var (url, path) = await NewFeedAsync(api);
        using var calendarApp = app.CreateClient();

        var first = await calendarApp.GetAsync(path);
        var second = await calendarApp.GetAsync(path);

        Assert.StartsWith("http://localhost/feeds/", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/calendar", first.Content.Headers.ContentType!.MediaType);
        Assert.True(first.Headers.CacheControl is { Private: true, NoStore: true });
        var text = await first.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/London:20261126T180000", text, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=TH", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VALARM", text, StringComparison.Ordinal);
        Assert.Matches("TRIGGER:-PT(1H|60M)", text);
        var uid1 = Assert.Single(Ical.Net.Calendar.Load(text)!.Events).Uid;
        var uid2 = Assert.Single(Ical.Net.Calendar.Load(await second.Content.ReadAsStringAsync())!.Events).Uid;
        Assert.Equal(uid1, uid2);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Feed_RotatedOrRevoked_OldUrlIs404(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        using var calendarApp = app.CreateClient();
        var (_, old) = await NewFeedAsync(api);

        var (_, rotated) = await NewFeedAsync(api);
        var oldAfterRotate = await calendarApp.GetAsync(old);
        var newAfterRotate = await calendarApp.GetAsync(rotated);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync("/api/v1/plan/feed-token")).StatusCode);
        var newAfterRevoke = await calendarApp.GetAsync(rotated);

        Assert.Equal(HttpStatusCode.NotFound, oldAfterRotate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newAfterRotate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, newAfterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync("/feeds/not-a-real-token.ics")).StatusCode);
        var live = await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().FeedTokens.CountAsync(t => t.RevokedAtUtc == null));
        Assert.Equal(0, live);
    }

    [Fact]
    public async Task Feed_FetchedToken_NeverReachesTheLogs_EvenWithAspNetCoreAtDebug_AndOnlyItsHashIsStored()
    {
        // appsettings.json holds Microsoft.AspNetCore at Warning; an operator debugging a problem may lower it.
        await using var app = TestApp.Create(new() { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug" });
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        await api.PostJsonAsync("/api/v1/plan/items", PlanApiTests.DailyCheckIn());
        var (_, path) = await NewFeedAsync(api);
        var token = path["/feeds/".Length..^".ics".Length];
        using var calendarApp = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync("/feeds/" + token + "x.ics")).StatusCode);

        Assert.True(token.Length >= 43, "32 random bytes in base64url");
        Assert.Contains(app.Logs, line => line.Contains("Microsoft.AspNetCore.Routing", StringComparison.Ordinal)); // the request logs are on
        Assert.DoesNotContain(app.Logs, line => line.Contains(token, StringComparison.Ordinal));
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().FeedTokens.SingleAsync());
        Assert.Equal(SciaticaRelief.Data.Accounts.Secrets.Hash(token), stored.TokenHash);
    }

    [Fact]
    public async Task Feed_IsRateLimitedPerClient_EvenForUnknownTokens()
    {
        await using var app = TestApp.Create();
        using var calendarApp = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= SciaticaRelief.Web.Plans.PlanRegistration.FeedPerMinute; i++)
        {
            statuses.Add((await calendarApp.GetAsync($"/feeds/guess-{i}.ics")).StatusCode);
        }

        Assert.All(statuses.Take(SciaticaRelief.Web.Plans.PlanRegistration.FeedPerMinute), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Feed_LastUsed_WrittenAtMostOnceAnHour()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var (_, path) = await NewFeedAsync(api);
        using var calendarApp = app.CreateClient();
        async Task<DateTime?> LastUsedAsync() => await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().FeedTokens.Select(t => t.LastUsedAtUtc).SingleAsync());

        await calendarApp.GetAsync(path);
        var first = await LastUsedAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await calendarApp.GetAsync(path);
        var halfAnHour = await LastUsedAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await calendarApp.GetAsync(path);
        var anHour = await LastUsedAsync();

        Assert.Equal(TestApp.Start.UtcDateTime, first);
        Assert.Equal(first, halfAnHour);
        Assert.Equal(TestApp.Start.UtcDateTime.AddMinutes(61), anHour);
    }

    [Fact]
    public async Task Feed_ParsesBack_AndExpandsToTheRightLocalTimesAcrossTheSpringChange()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        // Weekly on Sundays at 18:00 from 21 Mar 2027: London moves to BST on Sunday 28 Mar.
        await api.PostJsonAsync("/api/v1/plan/items", new
        {
            kind = "home-routine", modalityId = "heat", startDate = "2027-03-21", timeOfDay = "18:00", durationMinutes = 20,
            recurrence = "weekly", days = new[] { "sunday" }, endDate = "2027-04-11",
        });
        var (_, path) = await NewFeedAsync(api);
        using var calendarApp = app.CreateClient();

        var calendar = Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(path))!;
        var starts = calendar.GetOccurrences(new CalDateTime(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc)))
            .Select(o => o.Period.StartTime.AsUtc).TakeWhile(t => t < new DateTime(2027, 5, 1, 0, 0, 0, DateTimeKind.Utc)).ToList();

        Assert.Equal(
            [new DateTime(2027, 3, 21, 18, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 28, 17, 0, 0, DateTimeKind.Utc),
             new DateTime(2027, 4, 4, 17, 0, 0, DateTimeKind.Utc), new DateTime(2027, 4, 11, 17, 0, 0, DateTimeKind.Utc)],
            starts);
        var api2 = await (await api.GetAsync("/api/v1/plan/occurrences?from=2027-03-21&to=2027-04-11")).ReadAsync();
        Assert.Equal(starts, PlanApiTests.Items(api2).Select(o => DateTimeOffset.Parse((string)o!["start"]!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime));
    }

    [Fact]
    public async Task Feed_AfterAnEdit_CarriesAHigherSequence()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var id = (string)(await (await api.PostJsonAsync("/api/v1/plan/items", PlanApiTests.WeeklyMassage())).ReadAsync())["id"]!;
        var (_, path) = await NewFeedAsync(api);
        using var calendarApp = app.CreateClient();

        var before = Assert.Single(Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(path))!.Events);
        await api.PutJsonAsync($"/api/v1/plan/items/{id}", PlanApiTests.WeeklyMassage("19:00"), "\"1\"");
        var after = Assert.Single(Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(path))!.Events);

        Assert.Equal(before.Uid, after.Uid);
        Assert.Equal(0, before.Sequence);
        Assert.Equal(1, after.Sequence);
        Assert.Equal(19, after.DtStart!.Hour);
    }

    [Fact]
    public async Task Feed_UnderAnEmergency_LeavesOutMassageAndHomeCare_AndCarriesNoSymptomText()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        await api.PostJsonAsync("/api/v1/plan/items", PlanApiTests.WeeklyMassage());
        await api.PostJsonAsync("/api/v1/plan/items", PlanApiTests.DailyCheckIn());
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(notes: "numb saddle area canary", redFlags: new() { ["saddle-numbness"] = "yes" }));
        var (_, path) = await NewFeedAsync(api);
        using var calendarApp = app.CreateClient();

        var text = await calendarApp.GetStringAsync(path);

        var only = Assert.Single(Ical.Net.Calendar.Load(text)!.Events);
        Assert.Equal("Daily check-in", only.Summary);
        Assert.DoesNotContain("canary", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedToken_AnotherPersonsFeed_ShowsOnlyTheirOwnPlan()
    {
        await using var app = TestApp.Create();
        using var alice = await app.ApiClientAsync(await app.CreatePersonAsync());
        using var bob = await app.ApiClientAsync(await app.CreatePersonAsync());
        await alice.PostJsonAsync("/api/v1/plan/items", PlanApiTests.WeeklyMassage(title: "Alice's massage"));
        await bob.PostJsonAsync("/api/v1/plan/items", PlanApiTests.DailyCheckIn());
        var (_, bobPath) = await NewFeedAsync(bob);
        using var calendarApp = app.CreateClient();

        var text = await calendarApp.GetStringAsync(bobPath);

        Assert.Equal("Daily check-in", Assert.Single(Ical.Net.Calendar.Load(text)!.Events).Summary);
        Assert.DoesNotContain("Alice", text, StringComparison.Ordinal);
    }
}

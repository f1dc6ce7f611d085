using System.Net;
using System.Net.Http.Headers;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Dashboard;

public sealed class DashboardApiTests
{
    [Fact]
    public async Task Get_DayPainIsTheMeanOfTheLocalDay_WithA7DayTrend()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(zone: "America/New_York"));
        // 24 Nov 23:30 in New York is 25 Nov 04:30 UTC: it belongs to the 24th there.
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 8, occurredAt: "2026-11-25T04:30:00Z"));
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 4, occurredAt: "2026-11-25T10:00:00Z"));
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 6, occurredAt: "2026-11-25T11:00:00Z"));

        var data = await (await api.GetAsync("/api/v1/dashboard?days=7")).ReadAsync();

        var days = data["days"]!.AsArray();
        Assert.Equal(2, days.Count);
        Assert.Equal("2026-11-24", (string)days[0]!["date"]!);
        Assert.Equal(8, (double)days[0]!["pain"]!);
        Assert.Equal("2026-11-25", (string)days[1]!["date"]!);
        Assert.Equal(5, (double)days[1]!["pain"]!);
        Assert.Equal(6.5, (double)days[1]!["trend"]!);
        Assert.Equal("below-knee", (string)days[1]!["radiation"]!);
    }

    [Fact]
    public async Task Get_RepeatWithTheETag_Is304UntilSomethingChanges()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn());

        var first = await api.GetAsync("/api/v1/dashboard");
        var etag = first.Headers.ETag!;
        var repeat = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dashboard");
        repeat.Headers.IfNoneMatch.Add(etag);
        var notModified = await api.SendAsync(repeat);
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 2));
        var changed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dashboard");
        changed.Headers.IfNoneMatch.Add(etag);
        var afterChange = await api.SendAsync(changed);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterChange.StatusCode);
        Assert.NotEqual(etag, afterChange.Headers.ETag);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("99999")]
    [InlineData("abc")]
    public async Task Get_BadPeriod_Returns400(string days)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.GetAsync($"/api/v1/dashboard?days={days}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DashboardPage_ShowsTheChartAndItsNumbers()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 7));
        using var browser = await app.SignedInBrowserAsync(person);

        var page = await browser.GetPageAsync("/");

        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("Show the numbers", page, StringComparison.Ordinal);
        Assert.Contains("<td>7</td>", page, StringComparison.Ordinal);
        Assert.Contains("data-self-care", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardPage_AfterAnEmergencyAndACleanCheckIn_StillShowsTheAlarmAndItsSigns_AndNoSelfCare()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(region: "AU");
        using var api = await app.ApiClientAsync(person);
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(redFlags: new() { ["saddle-numbness"] = "yes" }, occurredAt: "2026-11-25T08:00:00Z"));
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(occurredAt: "2026-11-25T10:00:00Z"));
        using var browser = await app.SignedInBrowserAsync(person);

        var page = await browser.GetPageAsync("/");

        Assert.Contains("triage-emergency", page, StringComparison.Ordinal);
        Assert.Contains("000", page, StringComparison.Ordinal);
        Assert.Contains("Numbness or tingling in the saddle area", page, StringComparison.Ordinal);
        Assert.Contains("record that a clinician has seen you", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-self-care", page, StringComparison.Ordinal);
    }
}

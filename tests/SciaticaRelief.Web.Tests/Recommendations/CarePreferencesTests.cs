using System.Net;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Recommendations;

/// <summary>Care preferences in the profile API and on the profile page: saved with the version check, refused with a message per field, nothing saved on a refusal.</summary>
public sealed class CarePreferencesTests
{
    private static object Profile(object? preferences) => new { regionCode = "GB", timeZoneId = "Europe/London", birthYear = 1980, preferences };

    [Fact]
    public async Task Put_WithPreferences_SavesThemAndReadsBack_AndOmittingThemKeepsThem()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var read = await api.GetAsync("/api/v1/profile");
        var before = await read.ReadAsync();

        var put = await api.PutJsonAsync("/api/v1/profile", Profile(new { pressureTolerance = 2, setting = "home", budget = "low", minutesPerDay = 15 }), read.Headers.ETag!.ToString());
        var again = await api.PutJsonAsync("/api/v1/profile", Profile(null), put.Headers.ETag!.ToString());
        var after = await (await api.GetAsync("/api/v1/profile")).ReadAsync();

        Assert.False((bool)before["preferencesSet"]!);
        Assert.Equal(3, (int)before["preferences"]!["pressureTolerance"]!);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((bool)after["preferencesSet"]!);
        Assert.Equal(2, (int)after["preferences"]!["pressureTolerance"]!);
        Assert.Equal("home", (string)after["preferences"]!["setting"]!);
        Assert.Equal("low", (string)after["preferences"]!["budget"]!);
        Assert.Equal(15, (int)after["preferences"]!["minutesPerDay"]!);
    }

    [Theory]
    [InlineData("{\"pressureTolerance\": 9, \"setting\": \"home\", \"budget\": \"low\", \"minutesPerDay\": 20}", "pressureTolerance", "pressure is 1 to 5")]
    [InlineData("{\"pressureTolerance\": 3, \"setting\": \"spa\", \"budget\": \"low\", \"minutesPerDay\": 20}", "setting", "unknown setting")]
    [InlineData("{\"pressureTolerance\": 3, \"setting\": \"home\", \"budget\": \"cheap\", \"minutesPerDay\": 20}", "budget", "unknown budget")]
    [InlineData("{\"pressureTolerance\": 3, \"setting\": \"home\", \"budget\": \"low\"}", "minutesPerDay", "minutes missing")]
    [InlineData("{\"pressureTolerance\": 3, \"setting\": \"home\", \"budget\": \"low\", \"minutesPerDay\": 500}", "minutesPerDay", "more than 240 minutes")]
    [InlineData("{\"pressureTolerance\": 3, \"setting\": \"therapist\", \"budget\": \"free\", \"minutesPerDay\": 20}", "budget", "contradictory: a therapist is never free")]
    [InlineData("{\"pressureTolerance\": 3, \"setting\": \"home\", \"budget\": \"low\", \"minutesPerDay\": 0}", "minutesPerDay", "contradictory: home care with no time")]
    public async Task Put_BadOrContradictoryPreferences_Returns400ProblemAndSavesNothing(string preferences, string field, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var etag = (await api.GetAsync("/api/v1/profile")).Headers.ETag!.ToString();
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/profile")
        {
            Content = Json.Raw("{\"regionCode\": \"NZ\", \"timeZoneId\": \"Europe/London\", \"preferences\": " + preferences + "}"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);

        var response = await api.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.ReadAsync())["errors"]![field]);
        var after = await api.GetAsync("/api/v1/profile");
        Assert.Equal(etag, after.Headers.ETag!.ToString());
        var body = await after.ReadAsync();
        Assert.False((bool)body["preferencesSet"]!);
        Assert.Equal("GB", (string)body["regionCode"]!);
    }

    private static Dictionary<string, string> PageFields(string pressure, string setting, string budget, string minutes) => new()
    {
        ["regionCode"] = "GB",
        ["timeZoneId"] = "Europe/London",
        ["birthYear"] = "1980",
        ["pressureTolerance"] = pressure,
        ["setting"] = setting,
        ["budget"] = budget,
        ["minutesPerDay"] = minutes,
    };

    [Fact]
    public async Task ProfilePage_ShowsTheFieldset_SavesPreferences_AndRefusesContradictionsWithAMessage()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var page = await browser.GetPageAsync("/profile");
        var refused = await (await browser.SubmitFormAsync("/profile", "profile", PageFields("3", "therapist", "free", "20"))).Content.ReadAsStringAsync();
        var afterRefusal = await browser.GetPageAsync("/profile");
        var saved = await (await browser.SubmitFormAsync("/profile", "profile", PageFields("2", "home", "low", "25"))).Content.ReadAsStringAsync();
        var afterSave = await browser.GetPageAsync("/profile");

        Assert.Contains("Care preferences", page, StringComparison.Ordinal);
        Assert.Contains("A therapist&#x27;s session is not free", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"20\"", afterRefusal, StringComparison.Ordinal);
        Assert.Contains("value=\"therapist\" checked", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"either\" checked", afterRefusal, StringComparison.Ordinal);
        Assert.Contains("Profile saved.", saved, StringComparison.Ordinal);
        Assert.Contains("value=\"home\" checked", afterSave, StringComparison.Ordinal);
        Assert.Contains("value=\"25\"", afterSave, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfilePage_MinutesNotANumber_SaysSoAndSavesNothing()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var refused = await (await browser.SubmitFormAsync("/profile", "profile", PageFields("3", "home", "low", "lots"))).Content.ReadAsStringAsync();

        Assert.Contains("Enter the minutes as a whole number", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Profile saved.", refused, StringComparison.Ordinal);
    }
}

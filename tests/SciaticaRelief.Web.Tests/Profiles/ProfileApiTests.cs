using System.Net;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Profiles;

public sealed class ProfileApiTests
{
    [Fact]
    public async Task Put_WithETag_ChangesContextThatTriageThenUses()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var read = await api.GetAsync("/api/v1/profile");

        var put = await api.PutJsonAsync("/api/v1/profile", new
        {
            regionCode = "NZ", timeZoneId = "Pacific/Auckland", birthYear = 1950, conditions = new[] { "past-cancer", "anticoagulants-or-bleeding-disorder" },
        }, read.Headers.ETag!.ToString());
        var triage = await (await api.PostJsonAsync("/api/v1/triage", new { answers = new Dictionary<string, string> { ["new-or-changed-pain"] = "yes" } })).ReadAsync();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var profile = await put.ReadAsync();
        Assert.Equal("111", (string)profile["emergencyNumber"]!);
        Assert.Equal(2, profile["conditions"]!.AsArray().Count);
        Assert.Equal("urgent", (string)triage["level"]!);
        Assert.Contains(triage["firedRules"]!.AsArray(), r => (string)r!["id"]! == "U-CANCER");
    }

    [Theory]
    [InlineData("{\"regionCode\": \"XX\", \"timeZoneId\": \"Europe/London\"}", "regionCode", "unknown region")]
    [InlineData("{\"regionCode\": \"GB\", \"timeZoneId\": \"Mars/Olympus\"}", "timeZoneId", "unknown time zone")]
    [InlineData("{\"regionCode\": \"GB\", \"timeZoneId\": \"Europe/London\", \"birthYear\": 2015}", "birthYear", "under 16")]
    [InlineData("{\"regionCode\": \"GB\", \"timeZoneId\": \"Europe/London\", \"birthYear\": 2090}", "birthYear", "born in the future")]
    public async Task Put_InvalidField_Returns400AndKeepsTheProfile(string json, string field, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(region: "GB"));
        var etag = (await api.GetAsync("/api/v1/profile")).Headers.ETag!.ToString();
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/profile") { Content = Json.Raw(json) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);

        var response = await api.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.NotNull((await response.ReadAsync())["errors"]![field]);
        Assert.Equal("GB", (string)(await (await api.GetAsync("/api/v1/profile")).ReadAsync())["regionCode"]!);
    }

    [Fact]
    public async Task Put_StaleETag_Returns412()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var etag = (await api.GetAsync("/api/v1/profile")).Headers.ETag!.ToString();
        var body = new { regionCode = "GB", timeZoneId = "Europe/London", birthYear = 1980 };

        await api.PutJsonAsync("/api/v1/profile", body, etag);
        var stale = await api.PutJsonAsync("/api/v1/profile", body with { }, etag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }
}

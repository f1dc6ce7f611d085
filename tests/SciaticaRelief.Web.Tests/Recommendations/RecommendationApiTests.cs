using System.Net;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Recommendations;

public sealed class RecommendationApiTests
{
    [Fact]
    public async Task Get_NewPerson_RanksWithTheDefaultPreferences()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.GetAsync("/api/v1/recommendations");
        var body = await response.ReadAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((bool)body["seekCareOnly"]!);
        Assert.Equal("self-care", (string)body["level"]!);
        Assert.False((bool)body["preferencesSet"]!);
        Assert.DoesNotContain(body["ranked"]!.AsArray(), r => (string)r!["modalityId"]! == "over-the-counter-medicine");
    }

    /// <summary>Needs the content's contraindication rules (content/modalities front matter, i4-knowledge).</summary>
    [Fact]
    public async Task Get_OnAnticoagulants_ListsDeepTissueAndTheGunUnderNotForYouWithTheirReasons()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(conditions: HealthCondition.AnticoagulantsOrBleedingDisorder));

        var body = await (await api.GetAsync("/api/v1/recommendations")).ReadAsync();

        var notForYou = body["notForYou"]!.AsArray();
        var deep = Assert.Single(notForYou, e => (string)e!["modalityId"]! == "deep-tissue-massage" && e["where"] is null);
        Assert.False(string.IsNullOrWhiteSpace((string)deep!["reason"]!));
        Assert.False(string.IsNullOrWhiteSpace((string)deep["source"]!));
        Assert.Contains(notForYou, e => (string)e!["modalityId"]! == "percussion-massage-gun");
        Assert.DoesNotContain(body["ranked"]!.AsArray(), r => (string)r!["modalityId"]! is "deep-tissue-massage" or "percussion-massage-gun");
    }

    /// <summary>Needs the content's evidence grade for Swedish massage (i4-knowledge) so that it is ranked.</summary>
    [Fact]
    public async Task Get_AfterFiveSwedishSessions_CitesThePersonsOwnComparison()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        await RecommendationSeed.FiveSwedishSessionsAsync(api);

        var insights = await (await api.GetAsync("/api/v1/insights")).ReadAsync();
        var body = await (await api.GetAsync("/api/v1/recommendations")).ReadAsync();

        var compared = Assert.Single(insights["modalities"]!.AsArray())!["comparedWithUntreated"]!;
        Assert.Equal(5, (int)compared["treated"]!);
        Assert.NotNull(compared["difference"]!["mean"]);

        var swedish = Assert.Single(body["ranked"]!.AsArray(), r => (string)r!["modalityId"]! == "swedish-massage");
        Assert.Contains(swedish!["reasons"]!.AsArray(), r => ((string)r!).Contains("compared with your days without it, pain fell", StringComparison.Ordinal)
            && ((string)r!).Contains("(n=5)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MachineChooser_Answers_SuggestsKindsWithSafeUse_AndTheProfilesConditionsRuleOutTheGun()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(conditions: HealthCondition.AnticoagulantsOrBleedingDisorder));

        var response = await api.GetAsync("/api/v1/machine-chooser?areas=buttock&areas=leg&pressure=5&budget=high&heat=true");
        var body = await response.ReadAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(body["suggested"]!.AsArray());
        Assert.All(body["suggested"]!.AsArray(), s => Assert.NotEmpty(s!["howToUseSafely"]!.AsArray()));
        Assert.Contains(body["notSuggested"]!.AsArray(), s => (string)s!["id"]! == "percussion-massage-gun"
            && ((string)s["reason"]!).Contains("bleeding", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pressure=3&budget=low", "areas", "no area chosen")]
    [InlineData("areas=neck&pressure=3&budget=low", "areas", "an area the chooser does not know")]
    [InlineData("areas=leg&pressure=firm&budget=low", "pressure", "pressure is a number")]
    [InlineData("areas=leg&pressure=7&budget=low", "pressure", "pressure is 1 to 5")]
    [InlineData("areas=leg&pressure=3&budget=lots", "budget", "unknown budget")]
    public async Task MachineChooser_BadAnswers_Returns400Problem(string query, string field, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.GetAsync("/api/v1/machine-chooser?" + query);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.NotNull((await response.ReadAsync())["errors"]![field]);
    }

    [Fact]
    public async Task Pages_RenderTheirSections_AndTheChooserWorksAsAPlainGetForm()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var recommendations = await browser.GetPageAsync("/recommendations");
        var empty = await browser.GetPageAsync("/home-care/machines");
        var answered = await browser.GetPageAsync("/home-care/machines?areas=foot&pressure=2&budget=moderate");
        var bad = await browser.GetPageAsync("/home-care/machines?pressure=2&budget=moderate");

        Assert.Contains("data-ranked", recommendations, StringComparison.Ordinal);
        Assert.Contains("data-not-for-you", recommendations, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/home-care/machines\"", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("data-devices", empty, StringComparison.Ordinal);
        Assert.Contains("data-device=\"foot-massager\"", answered, StringComparison.Ordinal);
        Assert.Contains("Choose where the pain is", bad, StringComparison.Ordinal);
    }
}

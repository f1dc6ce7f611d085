using Microsoft.Playwright;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Web.Tests.Infrastructure;
using SciaticaRelief.Web.Tests.Recommendations;

namespace SciaticaRelief.Browser.Tests;

/// <summary>Recommendations and the machine chooser in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RecommendationJourneys(BrowserFixture browser)
{
    /// <summary>Needs the content's contraindication rules (i4-knowledge).</summary>
    [BrowserFact]
    public async Task OnAnticoagulants_DeepTissueIsUnderNotForYouWithItsReason()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync(conditions: HealthCondition.AnticoagulantsOrBleedingDisorder);
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);

        await page.ClickAsync("nav[aria-label='Main'] a[href='/recommendations']");
        await Journeys.WaitForPathAsync(page, "/recommendations");

        var item = page.Locator("[data-not-for-you] li[data-modality='deep-tissue-massage']");
        Assert.Equal(1, await item.CountAsync());
        var text = await item.InnerTextAsync();
        Assert.Contains("Deep tissue massage", text, StringComparison.Ordinal);
        Assert.Contains("Source", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-ranked] li[data-modality='deep-tissue-massage']").CountAsync());
        await AxeScan.AssertCleanAsync(page);
        await Journeys.ScreenshotAsync(page, "recommendations");
    }

    /// <summary>Needs the content's evidence grade for Swedish massage (i4-knowledge) so that it is ranked.</summary>
    [BrowserFact]
    public async Task AfterFiveSwedishSessions_TheRecommendationCitesThem()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        using (var api = await app.ApiClientAsync(person))
        {
            api.BaseAddress = new Uri(url); // the factory's client points at its in-memory address, not Kestrel's
            await RecommendationSeed.FiveSwedishSessionsAsync(api);
        }
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);

        // The dashboard's panel leads to the full list.
        Assert.Equal(1, await page.Locator("[data-suggested]").CountAsync());
        await page.ClickAsync("[data-suggested] a[href='/recommendations']");
        await Journeys.WaitForPathAsync(page, "/recommendations");

        var reasons = await page.InnerTextAsync("[data-ranked] li[data-modality='swedish-massage'] .reasons");
        Assert.Contains("compared with your days without it, pain fell", reasons, StringComparison.Ordinal);
        Assert.Contains("(n=5)", reasons, StringComparison.Ordinal);
        Assert.Contains("not proof that it caused", reasons, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task MachineChooser_WithTheKeyboard_SuggestsKindsOfDeviceWithSafeUse_AndPassesAxe()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);

        await page.GotoAsync("/recommendations");
        await AxeScan.AssertCleanAsync(page);
        await page.ClickAsync("main a[href='/home-care/machines']");
        await Journeys.WaitForPathAsync(page, "/home-care/machines");
        await AxeScan.AssertCleanAsync(page);

        await page.FocusAsync("#area-buttock");
        await page.Keyboard.PressAsync("Space");
        await page.FocusAsync("#area-leg");
        await page.Keyboard.PressAsync("Space");
        await page.SelectOptionAsync("#pressure", "4");
        await page.SelectOptionAsync("#budget", "moderate");
        await page.FocusAsync("main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-devices]");

        Assert.Contains("areas=buttock", page.Url, StringComparison.Ordinal);
        var gun = await page.InnerTextAsync("li[data-device='percussion-massage-gun']");
        Assert.Contains("30 to 60 seconds a spot", gun, StringComparison.Ordinal);
        Assert.Contains("back of the knee", gun, StringComparison.Ordinal);
        Assert.Contains("Massage chair", await page.InnerTextAsync("[data-not-suggested]"), StringComparison.Ordinal);
        await AxeScan.AssertCleanAsync(page);
        await Journeys.ScreenshotAsync(page, "machine-chooser");
    }
}

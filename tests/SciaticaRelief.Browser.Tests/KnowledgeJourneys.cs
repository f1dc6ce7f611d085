using Microsoft.Playwright;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests;

/// <summary>The knowledge base in a real browser: searching, opening a topic, reading it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KnowledgeJourneys(BrowserFixture browser)
{
    [BrowserFact]
    public async Task SearchBruis_OpensTheBruisingPage_AndSeesTheWarningSigns()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);

        await page.ClickAsync("nav >> text=Learn");
        await Journeys.WaitForPathAsync(page, "/learn");
        await page.GetByLabel("Search for a topic").FillAsync("bruis");
        await page.Keyboard.PressAsync("Enter"); // a plain GET form: works without script
        await Journeys.WaitForPathAsync(page, "q=bruis");
        await Journeys.ScreenshotAsync(page, "learn-search");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bruising after massage" }).First.ClickAsync();
        await Journeys.WaitForPathAsync(page, "/learn/bruising-after-massage");

        Assert.Equal("Bruising after massage", await page.InnerTextAsync("h1"));
        var warning = page.GetByRole(AriaRole.Heading, new() { Name = "Warning signs: get care now" });
        Assert.True(await warning.IsVisibleAsync(), "the warning signs are on the page");
        Assert.Contains("dark urine", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Journeys.ScreenshotAsync(page, "learn-bruising");
    }
}

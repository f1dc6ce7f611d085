using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests;

/// <summary>Answering a questionnaire in a real browser and seeing the score and its band on the chart.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuestionnaireJourneys(BrowserFixture browser)
{
    [BrowserFact]
    public async Task AnswerTheSciaticaIndex_SeesTheScoreAndBandOnTheChart()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);

        await page.ClickAsync("nav >> text=Questionnaires");
        await Journeys.WaitForPathAsync(page, "/questionnaires");
        await page.ClickAsync("text=Answer Sciatica symptom index");
        await Journeys.WaitForPathAsync(page, "/questionnaires/sciatica-index/answer");
        // Leg pain 4, numbness 3, weakness 0, sitting 2: 9 of 24, above Grøvle's 6.5 success threshold.
        await page.GetByRole(Microsoft.Playwright.AriaRole.Group, new() { Name = "Pain in your leg" }).GetByLabel("4", new() { Exact = true }).CheckAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Group, new() { Name = "Numbness or tingling in your leg, foot or groin" }).GetByLabel("3", new() { Exact = true }).CheckAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Group, new() { Name = "Weakness in your leg or foot" }).GetByLabel("0 – not at all").CheckAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Group, new() { Name = "Pain in your back or leg when you sit" }).GetByLabel("2", new() { Exact = true }).CheckAsync();
        await page.ClickAsync("main button[type=submit]");

        await Journeys.WaitForPathAsync(page, "/questionnaires/sciatica-index/history?saved=");
        var saved = await page.InnerTextAsync("#saved-score");
        Assert.Contains("Your score: 9.", saved, StringComparison.Ordinal);
        Assert.Contains("Above the success range (more than 6.5)", saved, StringComparison.Ordinal);
        var dot = page.Locator(".score-chart circle.dot");
        Assert.Equal(1, await dot.CountAsync());
        Assert.Equal("9", await dot.GetAttributeAsync("data-score"));
        Assert.Contains("Above the success range", await dot.Locator("title").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator(".score-chart g.band rect").CountAsync());
        Assert.Contains("Within the 12-month success range", await page.Locator(".score-chart .band-label").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Latest: 9, Above the success range", await page.TextContentAsync(".score-chart desc"), StringComparison.Ordinal);

        await page.ClickAsync("text=Show the numbers");
        var row = await page.InnerTextAsync(".numbers tbody tr");
        Assert.Contains("25 Nov 2026", row, StringComparison.Ordinal);
        Assert.Contains("9", row, StringComparison.Ordinal);
        Assert.Contains("Above the success range", row, StringComparison.Ordinal);

        await AxeScan.AssertCleanAsync(page);
        await Journeys.ScreenshotAsync(page, "questionnaire-history");
    }
}

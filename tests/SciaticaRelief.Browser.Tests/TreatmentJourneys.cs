using Microsoft.Playwright;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests;

/// <summary>The treatment log in a real browser: logging a massage session and seeing its warnings at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TreatmentJourneys(BrowserFixture browser)
{
    [BrowserFact]
    public async Task DeepTissueWithBruising_OnAnticoagulants_ShowsTheWarningAtOnce()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync(conditions: HealthCondition.AnticoagulantsOrBleedingDisorder);
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);

        await page.ClickAsync("nav >> text=Treatments");
        await Journeys.WaitForPathAsync(page, "/treatments");
        await page.ClickAsync("main >> text=Log a treatment");
        await Journeys.WaitForPathAsync(page, "/treatments/new");
        await Journeys.ScreenshotAsync(page, "treatment-picker");
        await page.GetByLabel("Deep tissue massage").CheckAsync();
        await page.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(page, "modality=deep-tissue-massage");

        await page.FillAsync("#durationMinutes", "60");
        await page.FillAsync("#therapist", "Sam");
        await page.FillAsync("#painBefore", "7");
        await page.FillAsync("#painAfter", "4");
        await page.FillAsync("#soreness", "3");
        await page.CheckAsync("#pressure-4");
        await page.CheckAsync("#area-low-back-left");
        await page.CheckAsync("#area-low-back-right");
        await page.CheckAsync("#bruising-Small");
        await page.CheckAsync("#bruise-area-low-back-left");
        await Journeys.ScreenshotAsync(page, "treatment-form");
        await page.ClickAsync("main button[type=submit]");

        await Journeys.WaitForPathAsync(page, "?saved=true");
        var alert = page.Locator("[role=alert][data-rule='BRUISE-ANTICOAGULANT']");
        Assert.True(await alert.IsVisibleAsync(), "the anticoagulant warning is shown as an alert at once");
        Assert.Contains("blood thinners", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Batavia", await alert.InnerTextAsync(), StringComparison.Ordinal); // the publication, never the team's internal file
        Assert.Equal(0, await page.Locator("[data-rule='BRUISE-SMALL']").CountAsync()); // not called normal on blood thinners
        Assert.Equal("Deep tissue massage", await page.InnerTextAsync("h1"));
        await Journeys.ScreenshotAsync(page, "treatment-warning");
        var problems = await AxeScan.ProblemsAsync(page);

        // Its edit, delete and follow-up pages, and the list, pass the same accessibility scan.
        var view = new Uri(page.Url).AbsolutePath;
        foreach (var path in new[] { view + "/edit", view + "/delete", view + "/follow-up?hours=24", view + "/follow-up", "/treatments" })
        {
            await page.GotoAsync(path);
            problems.AddRange(await AxeScan.ProblemsAsync(page));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task EarSeeds_PutOnWithRedSkin_WarnsAndTakesOff()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);

        await page.GotoAsync("/ear-seeds");
        await page.CheckAsync("#ear-Right");
        await page.CheckAsync("#point-shen-men");
        await page.CheckAsync("#point-sciatic-nerve");
        await page.CheckAsync("#skinRedOrBroken");
        await page.ClickAsync("form[data-once] button[type=submit]");

        await Journeys.WaitForPathAsync(page, "/ear-seeds?saved=");
        Assert.True(await page.Locator("[role=alert][data-rule='EAR-SKIN-RED-OR-BROKEN']").IsVisibleAsync());
        var problems = await AxeScan.ProblemsAsync(page);
        await page.ClickAsync("text=Take off the seeds on the right ear");
        await Journeys.WaitForPathAsync(page, "removed=true");
        Assert.Contains("No seeds are on now", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

}

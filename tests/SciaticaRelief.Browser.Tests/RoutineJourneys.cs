using Microsoft.Playwright;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests;

/// <summary>The guided acupressure routine in a real browser, its hold timer driven by Playwright's fake clock.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RoutineJourneys(BrowserFixture browser)
{
    private static readonly string[] Steps = ["bl23", "bl25", "gb30", "bl36", "gb31", "bl40", "gb34", "bl57", "bl60"];

    [BrowserFact]
    public async Task Routine_RunWithAFakeClockThroughEveryStep_SavesATreatmentSeenOnTheList()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);
        await page.Clock.InstallAsync();

        await page.GotoAsync("/home-care/acupressure");
        var problems = await AxeScan.ProblemsAsync(page);
        await page.FillAsync("#painBefore", "6");
        await page.ClickAsync("[data-routine-action=start]");

        for (var i = 0; i < Steps.Length; i++)
        {
            var step = page.Locator($"[data-step='{i + 1}']");
            Assert.True(await step.IsVisibleAsync(), $"step {i + 1} is shown");
            Assert.Equal(Steps[i], await step.GetAttributeAsync("data-point"));
            Assert.Equal(1, await page.Locator("[data-step]:visible").CountAsync());
            Assert.True(await step.Locator($"g.point.is-lit[data-point='{Steps[i]}']").IsVisibleAsync(), "the step's point is lit on the chart");
            var left = step.Locator("[data-timer-left]");
            if (i == 0)
            {
                await Journeys.ScreenshotAsync(page, "routine-step");
                await page.Clock.RunForAsync(10_000);
                Assert.Equal("50", await left.InnerTextAsync());
                await step.Locator("[data-routine-action=pause]").ClickAsync();
                await page.Clock.RunForAsync(30_000);
                Assert.Equal("50", await left.InnerTextAsync()); // paused: the clock moved, the timer did not
                await step.Locator("[data-routine-action=pause]").ClickAsync();
                await page.Clock.RunForAsync(110_000);
            }
            else if (i == 1)
            {
                await page.Clock.RunForAsync(5_000);
                await step.Locator("[data-routine-action=skip]").ClickAsync();
            }
            else
            {
                await page.Clock.RunForAsync(120_000); // 60 seconds a side, both sides
            }
        }

        Assert.True(await page.Locator("[data-routine-after]").IsVisibleAsync(), "after the last step, the questions for afterwards");
        Assert.Equal("120", await page.InputValueAsync("#seconds-bl23"));
        Assert.Equal("5", await page.InputValueAsync("#seconds-bl25")); // skipped after 5 seconds
        await page.FillAsync("#painAfter", "3");
        await page.SelectOptionAsync("#feeling-bl23", "Relief");
        await page.SelectOptionAsync("#feeling-bl57", "DullAche");
        await page.ClickAsync("[data-routine-after] button[type=submit]");

        await Journeys.WaitForPathAsync(page, "?saved=true");
        Assert.Contains("Treatment saved.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.GotoAsync("/treatments");
        Assert.Contains("Self-acupressure", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.GotoAsync("/home-care/ear-seeds");
        await Journeys.ScreenshotAsync(page, "ear-seed-guide");
        problems.AddRange(await AxeScan.ProblemsAsync(page));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task CheckIn_NerveRootOverlay_OpensWithoutScriptAndDrawsTheAreas()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);

        await page.GotoAsync("/checkin");
        Assert.False(await page.Locator("[data-dermatome='L5']").First.IsVisibleAsync());
        await page.ClickAsync("text=Show the L4, L5 and S1 nerve-root areas");
        Assert.True(await page.Locator("[data-dermatome='L5']").First.IsVisibleAsync(), "opening the overlay draws the areas on the figure");
        Assert.Contains("not a diagnosis", await page.InnerTextAsync("[data-dermatome-overlay]"), StringComparison.Ordinal);
        await Journeys.ScreenshotAsync(page, "dermatome-overlay");
        var problems = await AxeScan.ProblemsAsync(page);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

}

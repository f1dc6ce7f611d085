using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests;

/// <summary>The plan in a real browser: a weekly massage appointment, from the form to "Next up" to logging it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanJourneys(BrowserFixture browser)
{
    [BrowserFact]
    public async Task WeeklyMassage_AddedOnTheForm_ShowsInThePlanAndNextUp_DoneOpensTheTreatmentForm()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);

        await page.ClickAsync("nav >> text=Plan");
        await Journeys.WaitForPathAsync(page, "/plan");
        var problems = await AxeScan.ProblemsAsync(page);
        await page.ClickAsync("main >> text=Add to your plan");
        await Journeys.WaitForPathAsync(page, "/plan/new");
        problems.AddRange(await AxeScan.ProblemsAsync(page));
        await page.GetByLabel("Massage appointment").CheckAsync();
        await page.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(page, "kind=massage-appointment");

        await page.FillAsync("#title", "Massage with Sam");
        await page.FillAsync("#place", "Clinic, 1 High St");
        await page.FillAsync("#startDate", "2026-11-25");
        await page.FillAsync("#timeOfDay", "18:00");
        await page.CheckAsync("#recurrence-Weekly");
        await page.CheckAsync("#day-wednesday");
        await Journeys.ScreenshotAsync(page, "plan-form");
        problems.AddRange(await AxeScan.ProblemsAsync(page));
        await page.ClickAsync("form[data-once] button[type=submit]");

        await Journeys.WaitForPathAsync(page, "/plan?saved=true");
        Assert.Contains("Massage with Sam", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("Every week on Wednesday at 18:00", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Journeys.ScreenshotAsync(page, "plan");
        problems.AddRange(await AxeScan.ProblemsAsync(page));

        await page.ClickAsync("nav >> text=Dashboard");
        var nextUp = page.Locator("[data-next-up]");
        Assert.Contains("Wed 25 Nov 2026, 18:00", await nextUp.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Massage with Sam", await nextUp.InnerTextAsync(), StringComparison.Ordinal);

        await page.ClickAsync("nav >> text=Plan");
        await Journeys.WaitForPathAsync(page, "/plan");
        await page.ClickAsync("button[aria-label='Done: Massage with Sam, Wed 25 Nov 2026']");
        await Journeys.WaitForPathAsync(page, "/treatments/new");
        Assert.Equal("Log a treatment", await page.InnerTextAsync("h1"));

        await page.GotoAsync("/plan");
        Assert.Contains("Done on 1 of 1 planned days.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task TherapistHomeCarePage_AssignsEarSeedPresses_AndPassesTheAccessibilityScan()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync(name: "Sam Lee");
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            db.Grants.Add(new Grant
            {
                PersonId = person.Id, Id = Guid.CreateVersion7(), TherapistId = therapist.Id, Scopes = GrantScope.Plan,
                CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        var page = await browser.NewPageAsync(url);
        await TherapistJourneys.SignInAsync(page, app, therapist);

        await page.GotoAsync($"/clients/{person.Id}/home-care");
        var problems = await AxeScan.ProblemsAsync(page);
        await page.CheckAsync("#kind-ear");
        await page.CheckAsync("#ear-shen-men");
        await page.FillAsync("#timeOfDay", "12:30");
        await page.FillAsync("#instructions", "Press each seed 30 times.");
        await page.ClickAsync("form[data-once] button[type=submit]");

        await page.WaitForSelectorAsync("text=Assigned: it is in the client's plan now.");
        Assert.Contains("Press each seed 30 times.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        problems.AddRange(await AxeScan.ProblemsAsync(page));
        await page.ClickAsync("form[data-once] button[type=submit]"); // nothing chosen now: the form's errors are a page too
        await page.WaitForSelectorAsync("#error-summary");
        problems.AddRange(await AxeScan.ProblemsAsync(page));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

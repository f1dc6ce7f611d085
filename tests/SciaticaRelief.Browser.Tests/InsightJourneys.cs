using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests;

/// <summary>The Insights page in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InsightJourneys(BrowserFixture browser)
{
    /// <summary>
    /// Five Swedish massage sessions (18:00 GMT on 10, 12, 14, 16, 18 Nov 2026; before → after 7 → 5,
    /// 8 → 5, 6 → 5, 7 → 5, 8 → 6; a 24-hour follow-up of 6 for the first) and a check-in each morning
    /// of 1–25 Nov: pain 4, 7 on 12, 14, 16, 18 Nov and 5 the day after each.
    /// Next day: −1 (follow-up 6 − 7), then −2 four times (5 − 7): mean −1.8; s = √0.2 = 0.447;
    /// t(0.975, 4) = 2.776; half-width 2.776 × 0.447 / √5 = 0.555 → 95% interval −2.36 to −1.24.
    /// </summary>
    private static async Task LogFiveSwedishSessionsAsync(TestApp app, Guid personId)
    {
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            var sessionDays = new[] { 12, 14, 16, 18 };
            for (var day = 1; day <= 25; day++)
            {
                var at = new DateTime(2026, 11, day, 9, 0, 0, DateTimeKind.Utc);
                db.CheckIns.Add(new CheckIn
                {
                    PersonId = personId, Id = Guid.CreateVersion7(), OccurredAtUtc = at, TimeZoneId = "Europe/London",
                    PainNow = sessionDays.Contains(day) ? 7 : sessionDays.Contains(day - 1) ? 5 : 4,
                    BodyAreas = 0b1_0000, Radiation = Radiation.Thigh, CreatedAtUtc = at, UpdatedAtUtc = at, Version = 1,
                });
            }
            foreach (var (day, before, after) in new[] { (10, 7, 5), (12, 8, 5), (14, 6, 5), (16, 7, 5), (18, 8, 6) })
            {
                var at = new DateTime(2026, 11, day, 18, 0, 0, DateTimeKind.Utc);
                var session = new Treatment
                {
                    PersonId = personId, Id = Guid.CreateVersion7(), StartedAtUtc = at, TimeZoneId = "Europe/London",
                    ModalityId = "swedish-massage", Kind = TreatmentKind.Massage, DurationMinutes = 60, Therapist = "Sam", Pressure = 3,
                    PainBefore = before, PainAfter = after, CreatedAtUtc = at, UpdatedAtUtc = at, Version = 1,
                };
                db.Treatments.Add(session);
                if (day == 10)
                {
                    db.TreatmentFollowUps.Add(new TreatmentFollowUp
                    {
                        PersonId = personId, Id = Guid.CreateVersion7(), TreatmentId = session.Id, HoursAfter = 24, Pain = 6, RecordedAtUtc = at.AddHours(24),
                    });
                }
            }
            return await db.SaveChangesAsync();
        });
    }

    [BrowserFact]
    public async Task Insights_FiveSwedishSessions_ShowTheirEffectWithItsInterval()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        await LogFiveSwedishSessionsAsync(app, person.Id);
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);

        await page.ClickAsync("nav[aria-label='Main'] a[href='/insights']");
        await Journeys.WaitForPathAsync(page, "/insights");

        Assert.Equal("Insights", await page.InnerTextAsync("h1"));
        // The forest plot draws the next-day mean as a dot with its interval as a line.
        var row = page.Locator("svg.forest g[data-row='Swedish massage|next day']");
        Assert.Equal(1, await row.Locator("circle").CountAsync());
        Assert.Equal(3, await row.Locator("line").CountAsync());
        Assert.Equal("Swedish massage, next day: -1.80 (-2.36 to -1.24), n = 5", await row.Locator("circle title").TextContentAsync());
        var sentence = await page.InnerTextAsync("[data-modality='swedish-massage'] [data-measure='next-day']");
        Assert.Equal("On days you had Swedish massage, your pain the next day was on average 1.8 points lower (95% interval: 1.2 to 2.4 points lower; 5 days).", sentence);

        // The numbers are one click away.
        var numbers = page.Locator("table[data-forest-numbers]");
        Assert.False(await numbers.IsVisibleAsync());
        await page.Locator("details:has(table[data-forest-numbers]) > summary").ClickAsync();
        Assert.True(await numbers.IsVisibleAsync());
        var nextDayRow = numbers.Locator("tr", new() { HasText = "next day" }).First;
        Assert.Contains("-2.36 to -1.24", await nextDayRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2.776", await nextDayRow.InnerTextAsync(), StringComparison.Ordinal);

        // The populated page (plot, sentences, open table) passes the same axe scan as every page.
        await AxeScan.AssertCleanAsync(page);

        await page.SetViewportSizeAsync(1100, 1400);
        await Journeys.ScreenshotAsync(page, "insights");
    }
}

using System.Net;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Insights;

public sealed class InsightsPageTests
{
    [Fact]
    public async Task Page_FiveSwedishSessions_SentencesForestPlotAndNumbers()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        await InsightsSeed.AddAsync(app, InsightsSeed.FiveSwedishSessions(person.Id));
        using var browser = await app.SignedInBrowserAsync(person);

        var page = WebUtility.HtmlDecode(await browser.GetPageAsync("/insights"));

        // Figures from InsightsSeed.FiveSwedishSessions, told in words (one decimal).
        Assert.Contains("On days you had Swedish massage, your pain the next day was on average 1.8 points lower (95% interval: 1.2 to 2.4 points lower; 5 days).", page, StringComparison.Ordinal);
        Assert.Contains("Right after Swedish massage, your pain was on average 2.0 points lower than just before (95% interval: 1.1 to 2.9 points lower; 5 times).", page, StringComparison.Ordinal);
        Assert.Contains("Compared with days without it: not enough data yet (it takes 5 days with it and 5 untreated days that started as bad; so far 0 and 0).", page, StringComparison.Ordinal);
        Assert.Contains("chart-svg forest", page, StringComparison.Ordinal);
        Assert.Contains("<td>2.776</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>-2.88 to -1.12</td>", page, StringComparison.Ordinal);
        Assert.Contains("Show the numbers", page, StringComparison.Ordinal);
        Assert.Contains("How these figures are computed, and why they do not prove cause", page, StringComparison.Ordinal);
        Assert.Contains("data-self-care", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/insights\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_AnsweredQuestionnaire_ChartsItsScoresWithBands()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using (var api = await app.ApiClientAsync(person))
        {
            var answers = new[] { ("leg-pain", "3"), ("numbness", "2"), ("weakness", "0"), ("sitting", "1") }
                .Select(a => new { linkId = a.Item1, code = a.Item2 }).ToArray();
            await api.PostJsonAsync("/api/v1/questionnaires/sciatica-index/responses", new { answers });
        }
        using var browser = await app.SignedInBrowserAsync(person);

        var page = WebUtility.HtmlDecode(await browser.GetPageAsync("/insights"));

        // 3 + 2 + 0 + 1 = 6: inside the success band (6.5 or less), drawn on the chart with its bands.
        Assert.Contains("Sciatica symptom index: score over time", page, StringComparison.Ordinal);
        Assert.Contains("data-band=\"success-range\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/questionnaires/sciatica-index/history\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("No questionnaire answered yet.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_NoQuestionnaireAnswered_SaysSoAndLinksToThem()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);

        var page = WebUtility.HtmlDecode(await browser.GetPageAsync("/insights"));

        Assert.Contains("No questionnaire answered yet.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("score over time", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_FourHeatSessions_ListedAsNotEnoughData()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var rows = Enumerable.Range(0, 4).Select(i => (object)InsightsSeed.Treatment(person.Id, "heat",
            new DateTime(2026, 11, 20 + i, 19, 0, 0, DateTimeKind.Utc), 5, 3, TreatmentKind.HeatOrCold)).ToArray();
        await InsightsSeed.AddAsync(app, rows);
        using var browser = await app.SignedInBrowserAsync(person);

        var page = WebUtility.HtmlDecode(await browser.GetPageAsync("/insights"));

        Assert.Contains("Heat, right after: not enough data yet: 4 of 5", page, StringComparison.Ordinal);
        Assert.Contains("Right after Heat: not enough data yet: 4 of 5.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("chart-svg forest", page, StringComparison.Ordinal);
        Assert.Contains("No treatment has enough data for an interval yet", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WhileAnEmergencyIsInForce_ShowsOwnFiguresButNoSuggestions()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(region: "GB");
        await InsightsSeed.AddAsync(app, InsightsSeed.FiveSwedishSessions(person.Id));
        using var api = await app.ApiClientAsync(person);
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(redFlags: new() { ["saddle-numbness"] = "yes" }));
        using var browser = await app.SignedInBrowserAsync(person);

        var page = WebUtility.HtmlDecode(await browser.GetPageAsync("/insights"));

        Assert.Contains("triage-emergency", page, StringComparison.Ordinal);
        Assert.Contains("999", page, StringComparison.Ordinal);
        Assert.Contains("data-suggestions-paused", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-self-care", page, StringComparison.Ordinal);
        Assert.DoesNotContain("To make these figures firmer", page, StringComparison.Ordinal);
        // The Person's own figures stay.
        Assert.Contains("On days you had Swedish massage", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_NoData_SaysSoWithoutFailing()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var page = WebUtility.HtmlDecode(await browser.GetPageAsync("/insights?days=99999"));

        Assert.Contains("No treatments logged in this period yet.", page, StringComparison.Ordinal);
        Assert.Contains("No check-ins in this period yet.", page, StringComparison.Ordinal);
        Assert.Contains("Last week (Mon 16 Nov to Sun 22 Nov) has no check-ins.", page, StringComparison.Ordinal);
    }
}

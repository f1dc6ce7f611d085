using System.Net;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Questionnaires;

/// <summary>The pages: answer any Questionnaire with a plain form, see the score and band, schedule and stop.</summary>
public sealed class QuestionnairePageTests
{
    [Fact]
    public async Task AnswerPage_RendersChoiceItemsAsRadioGroupsWithLegends_AndIntegerItemsAsNumbers()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var index = WebUtility.HtmlDecode(await browser.GetPageAsync("/questionnaires/sciatica-index/answer"));
        var nrs = await browser.GetPageAsync("/questionnaires/nrs/answer");

        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(index, "<fieldset class=\"question\""));
        Assert.Contains("<legend>Numbness or tingling in your leg, foot or groin", index, StringComparison.Ordinal);
        Assert.Equal(28, System.Text.RegularExpressions.Regex.Count(index, "type=\"radio\""));
        Assert.Contains("type=\"number\"", nrs, StringComparison.Ordinal);
        Assert.Contains("min=\"0\" max=\"10\"", nrs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerForm_Valid_SavesAndShowsTheScoreAndBandOnTheHistory()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var response = await browser.SubmitFormAsync("/questionnaires/sciatica-index/answer", "answer", new()
        {
            ["a:leg-pain"] = "4", ["a:numbness"] = "3", ["a:weakness"] = "1", ["a:sitting"] = "2",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = PathOf(response);
        Assert.StartsWith("/questionnaires/sciatica-index/history?saved=", location, StringComparison.Ordinal);
        var history = WebUtility.HtmlDecode(await browser.GetPageAsync(location));
        Assert.Contains("Your score: 10.", history, StringComparison.Ordinal);
        Assert.Contains("Band: Above the success range (more than 6.5).", history, StringComparison.Ordinal);
        Assert.Contains("data-score=\"10\"", history, StringComparison.Ordinal);
        Assert.Contains("data-band=\"success-range\"", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerForm_MissingAndBadAnswers_ShowErrorsAndSaveNothing()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);
        using var api = await app.ApiClientAsync(person);

        var missing = await browser.SubmitFormAsync("/questionnaires/sciatica-index/answer", "answer", new() { ["a:leg-pain"] = "4" });
        var outOfRange = await browser.SubmitFormAsync("/questionnaires/nrs/answer", "answer", new() { ["a:pain"] = "12" });
        var notANumber = await browser.SubmitFormAsync("/questionnaires/nrs/answer", "answer", new() { ["a:pain"] = "seven" });

        var missingPage = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("There is a problem", missingPage, StringComparison.Ordinal);
        Assert.Contains("Answer \"Pain in your back or leg when you sit\"", missingPage, StringComparison.Ordinal);
        Assert.Contains("checked", missingPage, StringComparison.Ordinal); // the given answer is kept
        Assert.Contains("from 0 to 10", await outOfRange.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("needs a whole number", await notANumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await (await api.GetAsync("/api/v1/questionnaires/sciatica-index/responses")).ReadAsync())["items"]!.AsArray());
        Assert.Empty((await (await api.GetAsync("/api/v1/questionnaires/nrs/responses")).ReadAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task ListPage_ScheduleShowsAsDue_AnsweringClearsIt_StopRemovesIt()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var scheduled = await browser.SubmitFormAsync("/questionnaires", "schedule", new() { ["instrumentId"] = "nrs", ["frequency"] = "weekly" });
        var due = WebUtility.HtmlDecode(await browser.GetPageAsync("/questionnaires"));
        await browser.SubmitFormAsync("/questionnaires/nrs/answer", "answer", new() { ["a:pain"] = "5" });
        var answered = await browser.GetPageAsync("/questionnaires");
        var scheduleId = System.Text.RegularExpressions.Regex.Match(answered, "name=\"scheduleId\" value=\"([^\"]+)\"").Groups[1].Value;
        var stopped = await browser.SubmitFormAsync("/questionnaires", "stop", new() { ["scheduleId"] = scheduleId });
        var after = await browser.GetPageAsync("/questionnaires");

        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.Contains("href=\"/questionnaires/nrs/answer\">Answer Pain rating (0–10)</a>", Section(due, "due-heading"), StringComparison.Ordinal);
        Assert.Contains("Nothing is due", Section(answered, "due-heading"), StringComparison.Ordinal);
        Assert.Contains("next due Wed 2 Dec 2026", answered, StringComparison.Ordinal);
        Assert.Contains("latest 5", answered, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Contains("No questionnaire is scheduled", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletePage_RemovesTheAnswer()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);
        using var api = await app.ApiClientAsync(person);
        var created = await (await api.PostJsonAsync("/api/v1/questionnaires/nrs/responses", new { answers = new[] { new { linkId = "pain", integer = 4 } } })).ReadAsync();

        var response = await browser.SubmitFormAsync($"/questionnaires/responses/{created["id"]}/delete", "delete", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/questionnaires/nrs/history?deleted=true", PathOf(response));
        Assert.Empty((await (await api.GetAsync("/api/v1/questionnaires/nrs/responses")).ReadAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task AnswerPage_ForALicensedInstrumentNotLoaded_Is404()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var response = await browser.GetAsync("/questionnaires/odi/answer");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The path and query a redirect points to (the app may send an absolute address).</summary>
    private static string PathOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private static string Section(string page, string headingId)
    {
        var start = page.IndexOf($"id=\"{headingId}\"", StringComparison.Ordinal);
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }
}

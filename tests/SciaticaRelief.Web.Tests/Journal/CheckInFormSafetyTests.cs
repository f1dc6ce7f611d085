using System.Net;
using System.Text.RegularExpressions;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Journal;

/// <summary>The check-in form under pressure: double submits, edits that crossed, bad numbers, hostile text.</summary>
public sealed class CheckInFormSafetyTests
{
    [Fact]
    public async Task DoubleSubmittedForm_SavesOneCheckIn()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);
        var page = await browser.GetPageAsync("/checkin");
        // The form as rendered: its hidden fields carry the handler, the antiforgery token, the one-time key and the version.
        var fields = new List<KeyValuePair<string, string>>(BrowserClient.HiddenFields(page, "checkin"));
        fields.AddRange(CheckInFormTests.Fields(pain: 4, notes: "clicked twice"));

        var first = await browser.Http.PostAsync("/checkin", new FormUrlEncodedContent(fields));
        var second = await browser.Http.PostAsync("/checkin", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var journal = await browser.GetPageAsync("/journal");
        Assert.Single(Regex.Matches(journal, "clicked twice"));
    }

    [Fact]
    public async Task EditThatCrossedAnotherEdit_ShowsTheConflictAndOverwritesNothing()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        var created = await (await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 5, notes: "original"))).ReadAsync();
        var id = (string)created["id"]!;
        using var browser = await app.SignedInBrowserAsync(person);
        var page = await browser.GetPageAsync($"/journal/{id}/edit");

        // Meanwhile the phone saves a newer version.
        await api.PutJsonAsync($"/api/v1/journal/{id}", Json.CheckIn(painNow: 3, notes: "from the phone"), "\"1\"");
        // The form as rendered: its hidden fields carry the handler, the antiforgery token, the one-time key and the version.
        var fields = new List<KeyValuePair<string, string>>(BrowserClient.HiddenFields(page, "checkin"));
        fields.AddRange(CheckInFormTests.Fields(pain: 9, notes: "from the laptop"));
        var response = await browser.Http.PostAsync($"/journal/{id}/edit", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("changed somewhere else", html, StringComparison.Ordinal);
        Assert.Contains("from the phone", html, StringComparison.Ordinal);
        Assert.Contains("from the laptop", html, StringComparison.Ordinal);
        var saved = await (await api.GetAsync($"/api/v1/journal/{id}")).ReadAsync();
        Assert.Equal("from the phone", (string)saved["notes"]!);
    }

    [Theory]
    [InlineData("painNow", "seven", "Pain now must be a whole number")]
    [InlineData("painNow", "11", "from 0 to 10")]
    [InlineData("stress", "4.5", "Stress must be a whole number")]
    [InlineData("sleepHours", "lots", "Hours of sleep must be a number")]
    [InlineData("occurredAtLocal", "yesterday", "Enter the date and time")]
    [InlineData("occurredAtLocal", "2030-01-01T10:00", "cannot be in the future")]
    public async Task BadValue_ShowsAClearMessageAndSavesNothing(string field, string value, string message)
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);
        var fields = CheckInFormTests.Fields();
        fields[field] = value;

        var response = await browser.SubmitFormAsync("/checkin", "checkin", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("No check-ins match", await browser.GetPageAsync("/journal"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnansweredRedFlag_IsAskedAgain()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());
        var fields = CheckInFormTests.Fields();
        fields.Remove("rf-bladder-control");

        var response = await browser.SubmitFormAsync("/checkin", "checkin", fields);

        Assert.Contains("Answer the warning-sign question", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BothLegsMarkedButAnsweredNo_AsksForConfirmation()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var response = await browser.SubmitFormAsync("/checkin", "checkin", CheckInFormTests.Fields(), [new("area", "calf:left"), new("area", "thigh:right")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("confirm-both-legs-no", html, StringComparison.Ordinal);
        Assert.Contains("No check-ins match", await browser.GetPageAsync("/journal"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileNotes_AreShownAsTextNeverAsMarkup()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);

        await browser.SubmitFormAsync("/checkin", "checkin", CheckInFormTests.Fields(notes: "<script>alert(1)</script><img src=x onerror=alert(2)>"));
        var journal = await browser.GetPageAsync("/journal");

        Assert.DoesNotContain("<script>alert(1)", journal, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckIn_LeavesNoHealthDataInTheLog()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);
        using var api = await app.ApiClientAsync(person);
        const string canary = "CANARY-7f3a-sciatic-note";

        await browser.SubmitFormAsync("/checkin", "checkin", CheckInFormTests.Fields(notes: canary, saddle: "yes"));
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(notes: canary));
        await api.GetAsync("/api/v1/journal");
        await api.PostAsync("/api/v1/journal", Json.Raw("{\"painNow\": 3, \"notes\": \"" + canary + "\", \"painWorst\": \"x\"}"));

        Assert.NotEmpty(app.Logs);
        Assert.DoesNotContain(app.Logs, line => line.Contains(canary, StringComparison.Ordinal));
    }
}

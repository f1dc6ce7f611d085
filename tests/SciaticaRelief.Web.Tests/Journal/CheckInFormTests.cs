using System.Net;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Journal;

public sealed class CheckInFormTests
{
    internal static Dictionary<string, string> Fields(int pain = 5, string notes = "", string saddle = "no")
    {
        var fields = RedFlagQuestions.ForCheckIn.ToDictionary(q => "rf-" + q.Id, _ => "no");
        fields["rf-saddle-numbness"] = saddle;
        fields["painNow"] = pain.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["notes"] = notes;
        fields["occurredAtLocal"] = "2026-11-25T10:00";
        return fields;
    }

    [Fact]
    public async Task Post_ValidCheckIn_RedirectsToTheDashboardAndSaves()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);

        var response = await browser.SubmitFormAsync("/checkin", "checkin", Fields(notes: "walked 20 minutes"), [new("area", "calf:left")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/?saved=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var journal = await browser.GetPageAsync("/journal");
        Assert.Contains("walked 20 minutes", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SaddleNumbness_RedirectsToTheEmergencyResult()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);

        var response = await browser.SubmitFormAsync("/checkin", "checkin", Fields(pain: 7, saddle: "yes"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var result = await browser.GetPageAsync(response.Headers.Location!.PathAndQuery);
        Assert.Contains("Get emergency care now", result, StringComparison.Ordinal);
        Assert.Contains("999", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TimeInTheSpringForwardGap_IsSavedAnHourLaterAndSaysSo()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync(zone: "Europe/London"));
        var fields = Fields();
        fields["occurredAtLocal"] = "2026-03-29T01:30";

        var response = await browser.SubmitFormAsync("/checkin", "checkin", fields);
        var result = await browser.GetPageAsync(response.Headers.Location!.PathAndQuery);

        Assert.Contains("clocks went forward", result, StringComparison.Ordinal);
        Assert.Contains("saved as 02:30", result, StringComparison.Ordinal);
    }
}

using System.Net;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Plans;

/// <summary>The plan pages, through the forms as a browser posts them.</summary>
public sealed class PlanPageTests
{
    [Fact]
    public async Task NewForm_WeeklyMassage_IsSaved_ShownOnThePlanAndNextUp_AndDoneOpensTheTreatmentForm()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);

        var chooser = await browser.GetPageAsync("/plan/new");
        var saved = await browser.SubmitFormAsync("/plan/new?kind=massage-appointment", "plan-item", new()
        {
            ["title"] = "Massage with Sam", ["place"] = "Clinic", ["startDate"] = "2026-11-25", ["timeOfDay"] = "18:00",
            ["durationMinutes"] = "60", ["recurrence"] = "Weekly",
        }, [new("days", "wednesday")]);

        Assert.Contains("kind-massage-appointment", chooser, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/plan?saved=true", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var plan = await browser.GetPageAsync("/plan");
        Assert.Contains("Massage with Sam", plan, StringComparison.Ordinal);
        Assert.Contains("Every week on Wednesday at 18:00", plan, StringComparison.Ordinal);
        var home = await browser.GetPageAsync("/");
        Assert.Contains("data-next-up", home, StringComparison.Ordinal);
        Assert.Contains("Wed 25 Nov 2026, 18:00", home, StringComparison.Ordinal);

        var done = await browser.SubmitFormAsync("/plan", "done-" + FirstItemId(plan) + "-20261125", new());

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.EndsWith("/treatments/new", done.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var after = await browser.GetPageAsync("/plan");
        Assert.Contains("badge-routine", after, StringComparison.Ordinal);
        Assert.Contains("Done on 1 of 1 planned days.", after, StringComparison.Ordinal);
    }

    private static string FirstItemId(string page)
    {
        var at = page.IndexOf("data-item=\"", StringComparison.Ordinal) + "data-item=\"".Length;
        return Guid.Parse(page.AsSpan(at, 36)).ToString("N");
    }

    [Fact]
    public async Task NewForm_OverlappingAppointment_ShowsTheErrorBesideTheTime_AndKeepsTheFirst()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        await api.PostJsonAsync("/api/v1/plan/items", PlanApiTests.WeeklyMassage());
        using var browser = await app.SignedInBrowserAsync(person);

        var response = await browser.SubmitFormAsync("/plan/new?kind=massage-appointment", "plan-item", new()
        {
            ["startDate"] = "2026-11-26", ["timeOfDay"] = "18:30", ["durationMinutes"] = "60", ["recurrence"] = "None",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"timeOfDay-error\"", page, StringComparison.Ordinal);
        Assert.Contains("overlaps &quot;Massage with Sam&quot;", page, StringComparison.Ordinal);
        Assert.Single((await (await api.GetAsync("/api/v1/plan/items")).ReadAsync()).AsArray());
    }

    [Fact]
    public async Task EditForm_ChangesTheTime_AndDeletePageRemovesIt()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        var id = (string)(await (await api.PostJsonAsync("/api/v1/plan/items", PlanApiTests.DailyHeat())).ReadAsync())["id"]!;
        using var browser = await app.SignedInBrowserAsync(person);

        var edit = await browser.GetPageAsync($"/plan/{id}/edit");
        var saved = await browser.SubmitFormAsync($"/plan/{id}/edit", "plan-item", new()
        {
            ["modalityId"] = "heat", ["startDate"] = "2026-11-20", ["timeOfDay"] = "07:15", ["durationMinutes"] = "20", ["recurrence"] = "Daily",
        });
        var afterEdit = await (await api.GetAsync($"/api/v1/plan/items/{id}")).ReadAsync();
        var deleted = await browser.SubmitFormAsync($"/plan/{id}/delete", "delete", new());

        Assert.Contains("value=\"08:00\"", edit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("07:15", (string)afterEdit["timeOfDay"]!);
        Assert.Equal(1, (int)afterEdit["sequence"]!);
        Assert.EndsWith("/plan?deleted=true", deleted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/plan/items/{id}")).StatusCode);
    }

    [Fact]
    public async Task PlanPage_UnderAnEmergency_SaysWhyAndLinksToTheResult_AndShowsItemsPaused()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        await api.PostJsonAsync("/api/v1/plan/items", PlanApiTests.DailyHeat());
        var alarm = await (await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(redFlags: new() { ["saddle-numbness"] = "yes" }))).ReadAsync();
        using var browser = await app.SignedInBrowserAsync(person);

        var page = await browser.GetPageAsync("/plan");

        Assert.Contains("data-plan-paused", page, StringComparison.Ordinal);
        Assert.Contains($"/triage/result/{alarm["triage"]!["assessmentId"]}", page, StringComparison.Ordinal);
        Assert.Contains("Paused", page, StringComparison.Ordinal);
        Assert.DoesNotContain("done-", page, StringComparison.Ordinal); // no Done buttons on paused items
    }

    [Fact]
    public async Task CalendarSettings_Create_ShowsTheUrlOnce_RevokeTurnsItOff()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);

        var created = await browser.SubmitFormAsync("/settings/calendar", "create", new());
        var page = await created.Content.ReadAsStringAsync();
        var again = await browser.GetPageAsync("/settings/calendar");
        var at = page.IndexOf("http://localhost/feeds/", StringComparison.Ordinal);
        var url = page[at..page.IndexOf('"', at)];
        using var calendarApp = app.CreateClient();
        var fetched = await calendarApp.GetAsync(new Uri(url).AbsolutePath);
        await browser.SubmitFormAsync("/settings/calendar", "revoke", new());

        Assert.Contains("webcal://localhost/feeds/", page, StringComparison.Ordinal);
        Assert.DoesNotContain(url, again, StringComparison.Ordinal);
        Assert.Contains("A feed address is on", again, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(new Uri(url).AbsolutePath)).StatusCode);
    }
}

using System.Globalization;
using Microsoft.Playwright;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests.Served;

/// <summary>
/// A person's first day on a phone, against the app started as the README says (a child process, not
/// the test host): setup, onboarding, check-in, symptom check, suggestions, acupressure with its timer,
/// plan, insights, sharing. Every page is checked by <see cref="PageWatch"/>, and every asset the pages
/// linked is fetched as a browser does.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ServedJourneys(BrowserFixture browser)
{
    private const string Email = "owner@example.org";

    [BrowserFact(Timeout = 600_000)]
    public async Task FirstDay_OnAPhone_FromSetupToSharing_EveryPageWhole()
    {
        await using var app = await ServedApp.RunAsync();
        var watch = await PageWatch.OpenAsync(browser.Browser, app.BaseUrl);

        await app.WithLogOnFailureAsync(async () =>
        {
            await FirstDayAsync(app, watch);
            await LaterDayAsync(watch);
            using var client = app.NewRawClient();
            watch.Problems.AddRange(await AssetCheck.ProblemsAsync(client, watch.Assets, longCache: true));
            watch.AssertClean();
        });
    }

    [BrowserFact(Timeout = 600_000)]
    public async Task FirstDay_OnPostgreSql_EveryPageWhole()
    {
        if (TestDatabase.PostgresAdminConnection is null)
        {
            Assert.False(TestDatabase.PostgresRequired, $"{TestDatabase.RequirePostgresVariable}=1 but {TestDatabase.PostgresVariable} is empty.");
            return; // Nothing to run against here; CI sets it.
        }
        await using var database = await TestDatabase.PostgresAsync();
        await using var app = await ServedApp.RunAsync(environment: new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = database.ConnectionString,
        });
        Assert.Contains("Database:  PostgreSQL", app.Output, StringComparison.Ordinal);
        var watch = await PageWatch.OpenAsync(browser.Browser, app.BaseUrl);

        await app.WithLogOnFailureAsync(async () =>
        {
            await FirstDayAsync(app, watch);
            await LaterDayAsync(watch);
            watch.AssertClean();
        });
    }

    [BrowserFact(Timeout = 600_000)]
    public async Task WithoutScript_SetupOnboardingAndCheckIn_WorkAndKeepTheBrowsersZone()
    {
        await using var app = await ServedApp.RunAsync();
        var watch = await PageWatch.OpenAsync(browser.Browser, app.BaseUrl, javaScript: false);
        var page = watch.Page;

        // No script to read the browser's zone: the form starts from Accept-Language (en-GB); and
        // "None of these" answers the warning signs in one tap.
        await SetUpAndOnboardAsync(app, watch, () => page.CheckAsync("#none-of-these"));

        // The body map's checkbox list is the form's input without script.
        await watch.VisitAsync("/checkin");
        await page.CheckAsync("#painNow-4", new() { Force = true });
        await page.CheckAsync("#area-calf-left", new() { Force = true });
        await page.CheckAsync("#none-of-these");
        await page.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(page, "/?saved=");
        await watch.CheckAsync();
        await watch.VisitAsync("/journal");
        Assert.Contains("Left calf", await page.InnerTextAsync("main"), StringComparison.OrdinalIgnoreCase);
        await watch.VisitAsync("/profile");
        Assert.Equal("Europe/London", await page.InputValueAsync("#timeZoneId"));

        watch.AssertClean();
    }

    /// <summary>The owner's account from the printed setup link, then onboarding's questions answered by <paramref name="answer"/>.</summary>
    private static async Task SetUpAndOnboardAsync(ServedApp app, PageWatch watch, Func<Task> answer)
    {
        var page = watch.Page;
        await watch.VisitAsync(new Uri(await app.SetupLinkAsync()).PathAndQuery);
        Assert.Equal("Europe/London", await page.InputValueAsync("#timeZoneId"));
        Assert.Equal("GB", await page.InputValueAsync("#regionCode"));
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", TestApp.Password);
        await page.FillAsync("#birthYear", "1975");
        await page.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(page, "/onboarding");
        await watch.CheckAsync();
        await answer();
        await page.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(page, "/triage/result/");
        await watch.CheckAsync();
        Assert.Contains("No warning signs", await page.InnerTextAsync("#triage-heading"), StringComparison.Ordinal);
    }

    /// <summary>The pages a person opens from the menu on a later day.</summary>
    private static async Task LaterDayAsync(PageWatch watch)
    {
        foreach (var path in new[] { "/journal", "/treatments", "/treatments/new", "/questionnaires", "/learn", "/learn/what-is-sciatica",
                     "/home-care/ear-seeds", "/reports", "/data", "/profile", "/settings/calendar", "/settings/tokens", "/admin",
                     "/insights?days=365", "/plan/new", "/triage/review", "/sharing/audit", "/import" })
        {
            await watch.VisitAsync(path);
        }
    }

    private static async Task FirstDayAsync(ServedApp app, PageWatch watch)
    {
        var page = watch.Page;

        // An empty install says where the setup link is.
        await watch.VisitAsync("/");
        Assert.True(await page.IsVisibleAsync("[data-setup-pending]"), "the landing page says setup is pending");

        // Setup (the browser's time zone taken, not UTC), then onboarding asks every warning-sign question.
        await SetUpAndOnboardAsync(app, watch, () => Journeys.AnswerAllAsync(page, "no"));
        await watch.VisitAsync("/");

        // A check-in with a tap on the body map (the script works).
        await watch.VisitAsync("/checkin");
        await page.CheckAsync("#painNow-5", new() { Force = true });
        await page.ClickAsync("[data-area='calf:left']");
        Assert.True(await page.IsCheckedAsync("#area-calf-left"), "tapping the figure marks the area");
        await Journeys.AnswerAllAsync(page, "no");
        await page.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(page, "/?saved=");
        await watch.CheckAsync();

        // The symptom check on its own.
        await watch.VisitAsync("/triage");
        await Journeys.AnswerAllAsync(page, "no");
        await page.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(page, "/triage/result/");
        await watch.CheckAsync();

        // Suggestions and the machine chooser.
        await watch.VisitAsync("/recommendations");
        await watch.VisitAsync("/home-care/machines");

        // Acupressure: the hold timer runs.
        await watch.VisitAsync("/home-care/acupressure");
        Assert.True(await page.Locator("[data-routine-action=start]").CountAsync() == 1, "no routine to start: " + await page.InnerTextAsync("main"));
        await page.ClickAsync("[data-routine-action=start]");
        var left = page.Locator("[data-step='1'] [data-timer-left]");
        var first = int.Parse(await left.InnerTextAsync(), CultureInfo.InvariantCulture);
        await page.WaitForFunctionAsync($"() => Number(document.querySelector(\"[data-step='1'] [data-timer-left]\").textContent) < {first}",
            null, new() { Timeout = 10_000 });
        await watch.CheckAsync();

        // The plan: a weekly massage appointment.
        await watch.VisitAsync("/plan");
        await watch.VisitAsync("/plan/new?kind=massage-appointment");
        await page.FillAsync("#title", "Massage with Sam");
        await page.FillAsync("#place", "Clinic, 1 High St");
        await page.FillAsync("#timeOfDay", "18:00");
        await page.CheckAsync("#recurrence-Weekly");
        await page.CheckAsync("#day-wednesday");
        await page.ClickAsync("form[data-once] button[type=submit]");
        await Journeys.WaitForPathAsync(page, "/plan?");
        await watch.CheckAsync();
        Assert.Contains("Massage with Sam", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await watch.VisitAsync("/insights");

        // Sharing: an invite for a therapist.
        await watch.VisitAsync("/sharing");
        await page.CheckAsync("#scope-journal");
        await page.ClickAsync("button:has-text('Create invite')");
        Assert.NotNull(await page.GetAttributeAsync("#invite-link", "href"));
        await watch.CheckAsync();

        // What was stored: the zone the browser is in.
        await watch.VisitAsync("/profile");
        Assert.Equal("Europe/London", await page.InputValueAsync("#timeZoneId"));

        // Later that day a calf swells: a possible clot is a warning sign. The result says why in
        // words with its source, and everything that suggests care pauses.
        await watch.VisitAsync("/checkin");
        await page.CheckAsync("#painNow-6", new() { Force = true });
        await Journeys.AnswerAllAsync(page, "no");
        await page.CheckAsync("#rf-swollen-leg-yes");
        await page.CheckAsync("#rf-clot-breathless-no");
        await page.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(page, "/triage/result/");
        await watch.CheckAsync();
        Assert.Contains("See a doctor today", await page.InnerTextAsync("#triage-heading"), StringComparison.Ordinal);
        Assert.Contains("Deep vein thrombosis", await page.InnerTextAsync("ul.fired"), StringComparison.Ordinal);
        await watch.VisitAsync("/");
        Assert.True(await page.IsVisibleAsync(".triage-urgent"), "the dashboard shows the warning");
        Assert.Equal(0, await page.Locator("[data-self-care]").CountAsync());
        await watch.VisitAsync("/recommendations");
        Assert.True(await page.IsVisibleAsync("[data-seek-care-only]"), "suggestions pause");
        await watch.VisitAsync("/home-care/acupressure");
        Assert.True(await page.IsVisibleAsync("[data-seek-care-only]"), "the guided routine pauses");
    }
}

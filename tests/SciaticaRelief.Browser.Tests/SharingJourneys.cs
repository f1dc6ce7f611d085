using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests;

/// <summary>
/// Issue 5's journey in a real browser: a Person invites a Therapist, the Therapist writes a session
/// note and assigns a routine, the Person sees it in their plan, revokes, and the Therapist's very
/// next request is refused.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SharingJourneys(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Person_InvitesTherapist_WhoWritesANoteAndAssignsARoutine_ThenRevokes_AndTheNextRequestIsRefused()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync(name: "Sam Therapist");
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);

        // The Person shares their journal and plan.
        await page.ClickAsync("nav >> text=Your data");
        await Journeys.WaitForPathAsync(page, "/data");
        await page.ClickAsync("main >> text=Share with your therapist");
        await Journeys.WaitForPathAsync(page, "/sharing");
        await page.CheckAsync("#scope-journal");
        await page.CheckAsync("#scope-plan");
        await page.ClickAsync("button:has-text('Create invite')");
        var link = await page.GetAttributeAsync("#invite-link", "href");
        Assert.NotNull(link);

        // The Therapist signs in with their second factor and joins with the link.
        var desk = await browser.NewPageAsync(url);
        await TherapistJourneys.SignInAsync(desk, app, therapist);
        await desk.GotoAsync(link!);
        await desk.ClickAsync("button:has-text('Join')");
        await Journeys.WaitForPathAsync(desk, $"/clients/{person.Id}");
        Assert.Contains("Red flags", await desk.InnerTextAsync("main"), StringComparison.OrdinalIgnoreCase);

        // A signed session note.
        await desk.GotoAsync($"/clients/{person.Id}/notes/new");
        await desk.FillAsync("#sessionDate", "2026-11-25");
        await desk.FillAsync("#subjective", "Left buttock pain down to the calf, easier after walking.");
        await desk.FillAsync("#painBefore", "6");
        await desk.FillAsync("#painAfter", "4");
        await desk.ClickAsync("button:has-text('Save note')");
        await Journeys.WaitForPathAsync(desk, "/notes/");
        Assert.Contains("Sam Therapist", await desk.InnerTextAsync("main"), StringComparison.Ordinal);

        // A daily self-acupressure routine for the client.
        await desk.GotoAsync($"/clients/{person.Id}/home-care");
        await desk.CheckAsync("#kind-routine");
        await desk.SelectOptionAsync("#modalityId", "self-acupressure");
        await desk.Locator("input[name=bodyPoint]").First.CheckAsync();
        await desk.CheckAsync("#rec-daily");
        await desk.FillAsync("#timeOfDay", "19:00");
        await desk.FillAsync("#instructions", "Hold each point for one minute.");
        await desk.ClickAsync("button:has-text('Assign')");
        await desk.WaitForSelectorAsync("text=Hold each point for one minute.");

        // The Person sees it in their plan, marked as from the Therapist.
        await page.GotoAsync("/plan");
        Assert.Contains("from Sam Therapist", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        // Revocation: the Therapist's very next request is refused as if nothing were there.
        await page.GotoAsync("/sharing");
        await page.ClickAsync("button[aria-label='Revoke Sam Therapist']");
        await page.WaitForSelectorAsync("text=Access revoked");
        var refused = await desk.GotoAsync($"/clients/{person.Id}");
        Assert.Equal(404, refused!.Status);
        Assert.DoesNotContain("Left buttock", await desk.InnerTextAsync("main"), StringComparison.Ordinal);

        // The note stays the Therapist's record; the Person's audit log shows the reads, the writes and the refusal.
        await desk.GotoAsync("/notes");
        var notes = await desk.InnerTextAsync("main");
        Assert.Contains("former client", notes, StringComparison.Ordinal);
        Assert.Contains("Wed 25 Nov 2026", notes, StringComparison.Ordinal);
        await page.GotoAsync("/sharing/audit");
        var log = await page.InnerTextAsync("main");
        Assert.Contains("refused", log, StringComparison.Ordinal);
        Assert.Contains("The log is intact", log, StringComparison.Ordinal);
    }
}

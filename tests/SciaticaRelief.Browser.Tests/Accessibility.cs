using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SciaticaRelief.Web.Startup;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests;

/// <summary>An axe-core scan of every page: no serious or critical violation (WCAG 2.2 AA rules).</summary>
[Collection(BrowserCollection.Name)]
public sealed class Accessibility(BrowserFixture browser)
{

    [BrowserFact]
    public async Task EveryPage_HasNoSeriousOrCriticalViolation()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var secret = app.Services.GetRequiredService<SetupLink>().Secret!;
        var anonymous = await browser.NewPageAsync(url);
        var problems = new List<string>();

        foreach (var path in new[] { "/", "/account/signin", "/account/signup", $"/setup/{secret}", "/no-such-page" })
        {
            problems.AddRange(await ScanAsync(anonymous, path));
        }

        var person = await app.CreatePersonAsync(administrator: true);
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);
        await page.GotoAsync("/checkin");
        await page.CheckAsync("#painNow-4", new() { Force = true });
        await Journeys.AnswerAllAsync(page, "no");
        await page.CheckAsync("#rf-leg-weakness-yes");
        await page.CheckAsync("#rf-weakness-worsening-fast-no");
        await page.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(page, "/triage/result/");
        problems.AddRange(await ScanAsync(page, null));
        var resultPath = new Uri(page.Url).PathAndQuery;

        var entryId = await page.GetAttributeAsync("a[href$='/edit']", "href");
        foreach (var path in new[] { "/", "/?days=365", "/checkin", "/journal", entryId!, entryId!.Replace("/edit", "/delete", StringComparison.Ordinal),
                     "/triage", "/triage/review", resultPath, "/profile", "/insights", "/settings/tokens", "/admin", "/onboarding",
                     "/questionnaires", "/questionnaires/sciatica-index/answer", "/questionnaires/nrs/answer", "/questionnaires/sciatica-index/history",
                     "/treatments", "/treatments/new", "/treatments/new?modality=deep-tissue-massage", "/treatments/new?modality=over-the-counter-medicine",
                     "/treatments/new?modality=self-acupressure", "/treatments/new?modality=ear-seeds", "/ear-seeds",
                     "/learn", "/learn?q=heat", "/learn?q=zzzz", "/learn/deep-tissue-massage", "/learn/what-is-sciatica", "/learn/self-acupressure",
                     "/home-care/acupressure", "/home-care/ear-seeds", "/import", "/data",
                     "/recommendations", "/home-care/machines", "/home-care/machines?areas=leg&pressure=3&budget=low",
                     "/plan", "/plan/new", "/plan/new?kind=massage-appointment", "/plan/new?kind=home-routine", "/settings/calendar", "/settings/export",
                     "/reports", "/reports/print", "/reports/print?from=2026-11-10&to=2026-11-01",
                     "/settings/delete-account", "/account/deleted" })
        {
            problems.AddRange(await ScanAsync(page, path));
        }

        // A page showing its form errors is a page too.
        await page.GotoAsync("/checkin");
        await page.ClickAsync("main button[type=submit]");
        problems.AddRange(await ScanAsync(page, null));

        // Therapists: enrolment (before two-factor), the second sign-in step, their home.
        problems.AddRange(await ScanAsync(anonymous, "/account/signup?as=therapist"));
        var newcomer = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(newcomer, (await app.CreateTherapistAsync(enrolled: false)).Email!);
        problems.AddRange(await ScanAsync(newcomer, "/account/two-factor"));
        var therapist = await app.CreateTherapistAsync();
        var therapistPage = await browser.NewPageAsync(url);
        await therapistPage.GotoAsync("/account/signin");
        await therapistPage.FillAsync("#email", therapist.Email!);
        await therapistPage.FillAsync("#password", TestApp.Password);
        await therapistPage.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(therapistPage, "/account/signin/two-factor");
        problems.AddRange(await ScanAsync(therapistPage, null));
        await therapistPage.FillAsync("#code", await app.NextAuthenticatorCodeAsync(therapist));
        await therapistPage.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(therapistPage, "/therapist");
        foreach (var path in new[] { "/therapist", "/account/two-factor", "/settings/tokens" })
        {
            problems.AddRange(await ScanAsync(therapistPage, path));
        }

        // Sharing: the Person's pages (with a new code shown), then the Therapist's (join form, client list, brief).
        problems.AddRange(await ScanAsync(page, "/sharing"));
        await page.CheckAsync("#scope-journal");
        await page.CheckAsync("#scope-treatments");
        await page.ClickAsync("button:has-text('Create invite')");
        var link = await page.GetAttributeAsync("#invite-link", "href");
        problems.AddRange(await ScanAsync(page, null));
        // The Therapist signed in above (with their second factor) joins.
        problems.AddRange(await ScanAsync(therapistPage, "/clients"));
        problems.AddRange(await ScanAsync(therapistPage, link!));
        await therapistPage.ClickAsync("button:has-text('Join')");
        await Journeys.WaitForPathAsync(therapistPage, $"/clients/{person.Id}");
        problems.AddRange(await ScanAsync(therapistPage, null));
        problems.AddRange(await ScanAsync(therapistPage, "/clients"));
        problems.AddRange(await ScanAsync(page, "/sharing"));
        problems.AddRange(await ScanAsync(page, "/sharing/audit"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task ClinicalPages_HaveNoSeriousOrCriticalViolation()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var client = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync();
        // Records written straight into the database: a grant, a pending intake, a note with an amendment.
        var (intakeId, noteId) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SciaticaRelief.Data.ReliefDbContext>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.Grants.Add(new Core.Sharing.Grant { PersonId = client.Id, Id = Guid.CreateVersion7(), TherapistId = therapist.Id, CreatedAtUtc = now });
            var intake = new Core.Clinical.Intake
            {
                PersonId = client.Id, Id = Guid.CreateVersion7(), TherapistId = therapist.Id, CreatedAtUtc = now, History = "Back pain since March.",
                Conditions = Core.Profiles.HealthCondition.Osteoporosis, ConsentToTreatment = true, Version = 1,
            };
            var note = new Core.Clinical.SessionNote
            {
                PersonId = client.Id, Id = Guid.CreateVersion7(), TherapistId = therapist.Id, SessionDate = new DateOnly(2026, 11, 20),
                Subjective = "Left leg <b>pain</b>.", Pressure = 3, Areas = ["buttock"], Techniques = ["swedish-massage"],
                ClientResponse = Core.Clinical.ClientResponse.Better, PainBefore = 6, PainAfter = 3, SignedBy = "Sam Therapist", SignedAtUtc = now,
            };
            var amendment = new Core.Clinical.SessionNote
            {
                PersonId = client.Id, Id = Guid.CreateVersion7(), TherapistId = therapist.Id, SessionDate = note.SessionDate,
                Subjective = "Right leg pain.", PainBefore = 6, PainAfter = 2, SignedBy = "Sam Therapist", SignedAtUtc = now.AddHours(1),
                AmendsId = note.Id, AmendmentReason = "Wrong leg",
            };
            db.AddRange(intake, note, amendment);
            await db.SaveChangesAsync();
            return (intake.Id, note.Id);
        });
        var problems = new List<string>();

        var page = await browser.NewPageAsync(url);
        await TherapistJourneys.SignInAsync(page, app, therapist);
        foreach (var path in new[] { $"/clients/{client.Id}/intake", $"/clients/{client.Id}/notes/new", "/notes", $"/notes/{noteId}", $"/notes/{noteId}/amend" })
        {
            problems.AddRange(await ScanAsync(page, path));
        }
        // The note form showing its errors.
        await page.GotoAsync($"/clients/{client.Id}/notes/new");
        await page.ClickAsync("main button[type=submit]");
        problems.AddRange(await ScanAsync(page, null));

        var person = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(person, client.Email!);
        foreach (var path in new[] { "/", "/intakes", $"/intakes/{intakeId}" })
        {
            problems.AddRange(await ScanAsync(person, path));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<IEnumerable<string>> ScanAsync(IPage page, string? path)
    {
        if (path is not null)
        {
            await page.GotoAsync(path);
        }
        return await AxeScan.ProblemsAsync(page);
    }
}

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
                     "/home-care/acupressure", "/home-care/ear-seeds",
                     "/recommendations", "/home-care/machines", "/home-care/machines?areas=leg&pressure=3&budget=low",
                     "/plan", "/plan/new", "/plan/new?kind=massage-appointment", "/plan/new?kind=home-routine", "/settings/calendar" })
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

    private static async Task<IEnumerable<string>> ScanAsync(IPage page, string? path)
    {
        if (path is not null)
        {
            await page.GotoAsync(path);
        }
        return await AxeScan.ProblemsAsync(page);
    }
}

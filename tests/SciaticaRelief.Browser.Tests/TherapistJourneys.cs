using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests;

/// <summary>A Therapist's account in a real browser: invite link, two-factor enrolment, sign-in with a code.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TherapistJourneys(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Therapist_SignsUpWithAnInvite_EnrolsTotp_SignsOut_SignsInWithPasswordAndCode()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var admin = await app.CreatePersonAsync(administrator: true);
        var invite = await app.InScopeAsync(sp => sp.GetRequiredService<AccountService>().CreateTherapistInviteAsync(admin.Id, "ada@example.org"));
        var page = await browser.NewPageAsync(url);

        await page.GotoAsync("/account/signup?invite=" + Uri.EscapeDataString(invite.Value.Code));
        await page.FillAsync("#email", "ada@example.org");
        await page.FillAsync("#password", TestApp.Password);
        await page.FillAsync("#displayName", "Ada Hands");
        await page.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(page, "/account/two-factor");

        // The person types the key into their app; the test is the app.
        var key = (await page.InnerTextAsync("#authenticator-key")).Replace(" ", "", StringComparison.Ordinal);
        Assert.StartsWith("otpauth://totp/", await page.InnerTextAsync("#authenticator-uri"), StringComparison.Ordinal);
        await page.FillAsync("#code", AppCode(key, app));
        await page.ClickAsync("main button[type=submit]");
        Assert.Equal(10, await page.Locator(".recovery-codes li").CountAsync());
        await page.ClickAsync("text=Continue");
        await Journeys.WaitForPathAsync(page, "/therapist");
        Assert.Contains("Welcome, Ada Hands", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        await page.ClickAsync("button:has-text('Sign out')");
        await page.WaitForURLAsync(u => !u.Contains("/therapist", StringComparison.Ordinal));
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#email", "ada@example.org");
        await page.FillAsync("#password", TestApp.Password);
        await page.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(page, "/account/signin/two-factor");
        // The enrolment code's step is spent: a real person waits for the next code.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.FillAsync("#code", AppCode(key, app));
        await page.ClickAsync("main button[type=submit]");

        await Journeys.WaitForPathAsync(page, "/therapist");
        Assert.True(await page.IsVisibleAsync("nav >> text=Clients"));
        Assert.Equal(0, await page.Locator("nav >> text=Journal").CountAsync());
    }

    /// <summary>What an authenticator app shows for <paramref name="key"/> at the app's (fake) time, by Otp.NET.</summary>
    private static string AppCode(string key, TestApp app) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Signs a Therapist made by <see cref="TestApp.CreateTherapistAsync"/> in: password, then the code.</summary>
    internal static async Task SignInAsync(IPage page, TestApp app, ReliefUser therapist)
    {
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#email", therapist.Email!);
        await page.FillAsync("#password", TestApp.Password);
        await page.ClickAsync("main button[type=submit]");
        await Journeys.WaitForPathAsync(page, "/account/signin/two-factor");
        await page.FillAsync("#code", await app.NextAuthenticatorCodeAsync(therapist));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/signin", StringComparison.Ordinal));
    }
}

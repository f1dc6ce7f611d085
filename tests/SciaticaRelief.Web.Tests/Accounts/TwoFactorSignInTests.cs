using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Accounts;

/// <summary>Enrolment at /account/two-factor and the second sign-in step at /account/signin/two-factor, over HTTP.</summary>
public sealed partial class TwoFactorSignInTests
{
    private static async Task<HttpResponseMessage> PasswordAsync(BrowserClient browser, ReliefUser user) =>
        await browser.SubmitFormAsync("/account/signin", "signin", new() { ["email"] = user.Email!, ["password"] = TestApp.Password });

    private static async Task<HttpResponseMessage> CodeAsync(BrowserClient browser, string code) =>
        await browser.SubmitFormAsync("/account/signin/two-factor", "two-factor", new() { ["code"] = code });

    /// <summary>Enrols through the page as a person would: reads the key, types the code, keeps the recovery codes.</summary>
    internal static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(TestApp app, BrowserClient browser)
    {
        var page = await browser.GetPageAsync("/account/two-factor");
        var key = KeyRegex().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(32, key.Length);
        Assert.Contains("otpauth://totp/", page, StringComparison.Ordinal);
        var done = await browser.SubmitFormAsync("/account/two-factor", "enable-two-factor", new() { ["code"] = TotpCodes.Compute(key, app.Clock.GetUtcNow()) });
        var html = await done.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var codes = RecoveryRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(AccountService.RecoveryCodeCount, codes.Count);
        return (key, codes);
    }

    [Fact]
    public async Task SignIn_TherapistWithTwoFactor_NeedsTheCode_ThenLandsOnTherapistHome()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync(name: "Ada Hands");
        using var browser = app.Browser();

        var password = await PasswordAsync(browser, therapist);
        var before = await browser.GetAsync("/therapist");
        var code = await CodeAsync(browser, await app.NextAuthenticatorCodeAsync(therapist));
        var home = await browser.GetPageAsync("/therapist");

        Assert.Equal("/account/signin/two-factor", TestApp.PathOf(password));
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Contains("/account/signin", TestApp.PathOf(before), StringComparison.Ordinal);
        Assert.Equal("/therapist", TestApp.PathOf(code));
        Assert.Contains("Welcome, Ada Hands", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/clients\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/checkin\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_SameCodeForASecondSignIn_IsRefused()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync();
        var code = await app.NextAuthenticatorCodeAsync(therapist);
        using var first = app.Browser();
        using var second = app.Browser();

        await PasswordAsync(first, therapist);
        var accepted = await CodeAsync(first, code);
        await PasswordAsync(second, therapist);
        var replayed = await CodeAsync(second, code);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("has been used already", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/therapist")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongCodes_CountTowardTheLockout_ThenEvenTheRightCodeIsRefused()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync();
        using var browser = app.Browser();
        await PasswordAsync(browser, therapist);
        var wrong = TotpCodes.Compute(TestApp.TherapistAuthenticatorKey, app.Clock.GetUtcNow().AddMinutes(-10));

        var pages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            pages.Add(await (await CodeAsync(browser, wrong)).Content.ReadAsStringAsync());
        }
        var right = await CodeAsync(browser, await app.NextAuthenticatorCodeAsync(therapist));

        Assert.Contains("not right", pages[0], StringComparison.Ordinal);
        Assert.Contains("locked", pages[4], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var locked = await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ReliefUser>>();
            return await users.IsLockedOutAsync((await users.FindByIdAsync(therapist.Id.ToString()))!);
        });
        Assert.True(locked);
    }

    [Fact]
    public async Task SignIn_WrongRecoveryCodes_CountTowardTheLockoutToo()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync();
        using var browser = app.Browser();
        await PasswordAsync(browser, therapist);

        string last = "";
        for (var i = 0; i < 5; i++)
        {
            last = await (await CodeAsync(browser, "ABCDE-12345")).Content.ReadAsStringAsync();
        }

        Assert.Contains("locked", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_TwoFactorStepWithoutThePassword_ShowsNoForm()
    {
        await using var app = TestApp.Create();
        using var browser = app.Browser();

        var page = await browser.GetPageAsync("/account/signin/two-factor");

        Assert.Contains("Sign in again", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"_handler\" value=\"two-factor\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrol_ThenRecoveryCode_SignsInOnce()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync(enrolled: false);
        using var browser = await app.SignedInBrowserAsync(therapist);
        var (_, codes) = await EnrolAsync(app, browser);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/therapist")).StatusCode);

        using var phoneLost = app.Browser();
        await PasswordAsync(phoneLost, therapist);
        var recovered = await CodeAsync(phoneLost, codes[3]);
        using var again = app.Browser();
        await PasswordAsync(again, therapist);
        var reused = await CodeAsync(again, codes[3]);

        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phoneLost.GetAsync("/therapist")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("not right", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AccountService.RecoveryCodeCount - 1, await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ReliefUser>>();
            return await users.CountRecoveryCodesAsync((await users.FindByIdAsync(therapist.Id.ToString()))!);
        }));
    }

    [Fact]
    public async Task NewRecoveryCodes_ReplaceTheOldOnes()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync(enrolled: false);
        using var browser = await app.SignedInBrowserAsync(therapist);
        var (_, old) = await EnrolAsync(app, browser);

        var response = await browser.SubmitFormAsync("/account/two-factor", "new-codes", []);
        var fresh = RecoveryRegex().Matches(await response.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        using var withOld = app.Browser();
        await PasswordAsync(withOld, therapist);
        var refused = await CodeAsync(withOld, old[0]);
        var accepted = await CodeAsync(withOld, fresh[0]);

        Assert.Equal(AccountService.RecoveryCodeCount, fresh.Count);
        Assert.Empty(fresh.Intersect(old));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task Enrol_WrongCode_IsRefusedWithTheReason_AndTwoFactorStaysOff()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync(enrolled: false);
        using var browser = await app.SignedInBrowserAsync(therapist);

        var response = await browser.SubmitFormAsync("/account/two-factor", "enable-two-factor", new() { ["code"] = "000000" });
        var notDigits = await browser.SubmitFormAsync("/account/two-factor", "enable-two-factor", new() { ["code"] = "abc" });

        Assert.Contains("That code is not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter the 6-digit code", await notDigits.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/therapist")).StatusCode);
        Assert.False(await app.InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<ReliefUser>>().FindByIdAsync(therapist.Id.ToString()))!.TwoFactorEnabled));
    }

    [Fact]
    public async Task Enrol_KeyStaysTheSameUntilConfirmed_AndTheSessionSurvivesTheNewKey()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync(enrolled: false);
        using var browser = await app.SignedInBrowserAsync(therapist);

        var first = KeyRegex().Match(await browser.GetPageAsync("/account/two-factor")).Groups[1].Value;
        // Past the security-stamp check interval: the cookie was renewed when the key changed the stamp.
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        var second = KeyRegex().Match(await browser.GetPageAsync("/account/two-factor")).Groups[1].Value;
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        var third = await browser.GetAsync("/account/two-factor");

        Assert.Equal(first, second);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Enrol_Person_IsOptional_AndThenTheirSignInNeedsTheCodeToo()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);
        var (key, _) = await EnrolAsync(app, browser);
        app.Clock.Advance(TimeSpan.FromSeconds(30));

        using var later = app.Browser();
        var password = await PasswordAsync(later, person);
        var code = await CodeAsync(later, TotpCodes.Compute(key, app.Clock.GetUtcNow()));

        Assert.Equal("/account/signin/two-factor", TestApp.PathOf(password));
        Assert.Equal("/", TestApp.PathOf(code));
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/journal")).StatusCode);
    }

    [Fact]
    public async Task TwoFactorSession_SurvivesTheSecurityStampCheck()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync();
        using var browser = await app.SignedInBrowserAsync(therapist);

        // Sliding expiry renews the cookie after half its 30 minutes; past 30 minutes Identity rebuilds
        // the principal from the database, which must keep the two-factor mark.
        for (var i = 0; i < 4; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(16));
            var response = await browser.GetAsync("/therapist");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"after {(i + 1) * 16} minutes: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [GeneratedRegex("id=\"authenticator-key\">([A-Z2-7 ]+)<")]
    private static partial Regex KeyRegex();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryRegex();
}

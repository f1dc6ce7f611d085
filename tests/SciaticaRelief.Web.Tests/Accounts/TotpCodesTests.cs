using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Accounts;

/// <summary>
/// The authenticator provider as Identity calls it (UserManager.VerifyTwoFactorTokenAsync with the
/// authenticator provider), on the fake clock: RFC 6238 codes, one step of drift either side, and no
/// code accepted twice.
/// </summary>
public sealed class TotpCodesTests
{
    private static Task<bool> VerifyAsync(TestApp app, Guid userId, string code) => app.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<ReliefUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        return await users.VerifyTwoFactorTokenAsync(user!, users.Options.Tokens.AuthenticatorTokenProvider, code);
    });

    private static string CodeAt(TestApp app, int secondsFromNow) => TotpCodes.Compute(TestApp.TherapistAuthenticatorKey, app.Clock.GetUtcNow().AddSeconds(secondsFromNow));

    [Theory]
    [InlineData(0, true)] // the code the app shows now
    [InlineData(-30, true)] // the previous step: the phone's clock is a little behind, or the person was slow
    [InlineData(30, true)] // the next step: the phone's clock is a little ahead
    [InlineData(-60, false)] // two steps old: outside the window
    [InlineData(60, false)] // two steps ahead: outside the window
    [InlineData(-3600, false)] // an old code read off a screenshot
    public async Task Verify_CodeFromAStepAroundNow_AcceptedOnlyInsideTheWindow(int secondsFromNow, bool accepted)
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync();

        Assert.Equal(accepted, await VerifyAsync(app, therapist.Id, CodeAt(app, secondsFromNow)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Verify_SameCodeTwice_SecondIsRefused_EvenInANewScope(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        var therapist = await app.CreateTherapistAsync();
        var code = CodeAt(app, 0);

        var first = await VerifyAsync(app, therapist.Id, code);
        var second = await VerifyAsync(app, therapist.Id, code);
        app.Clock.Advance(TimeSpan.FromSeconds(10)); // still inside the code's window
        var later = await VerifyAsync(app, therapist.Id, code);

        Assert.True(first);
        Assert.False(second);
        Assert.False(later);
        var stored = await app.InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<ReliefUser>>().FindByIdAsync(therapist.Id.ToString()))!.LastTotpStep);
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds() / TotpCodes.StepSeconds, stored);
    }

    [Fact]
    public async Task Verify_SameCodeTwiceInOneScope_SecondIsRefused()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync();
        var code = CodeAt(app, 0);

        var (first, second) = await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ReliefUser>>();
            var user = await users.FindByIdAsync(therapist.Id.ToString());
            var provider = users.Options.Tokens.AuthenticatorTokenProvider;
            return (await users.VerifyTwoFactorTokenAsync(user!, provider, code), await users.VerifyTwoFactorTokenAsync(user!, provider, code));
        });

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task Verify_PreviousStepCode_AcceptedOnce_ThenNot_AndTheCurrentCodeStillWorks()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync();
        var previous = CodeAt(app, -30);
        var current = CodeAt(app, 0);

        Assert.True(await VerifyAsync(app, therapist.Id, previous));
        Assert.False(await VerifyAsync(app, therapist.Id, previous));
        Assert.True(await VerifyAsync(app, therapist.Id, current));
        Assert.False(await VerifyAsync(app, therapist.Id, current));
    }

    [Fact]
    public async Task Verify_OlderStepAfterANewerOne_IsRefused()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync();

        Assert.True(await VerifyAsync(app, therapist.Id, CodeAt(app, 0)));
        // The previous step's code is still inside the window, but a later step has been used.
        Assert.False(await VerifyAsync(app, therapist.Id, CodeAt(app, -30)));
        Assert.True(await VerifyAsync(app, therapist.Id, CodeAt(app, 30)));
    }

    [Fact]
    public async Task Verify_AccountWithoutAKey_RefusesEveryCode()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync(enrolled: false);

        Assert.False(await VerifyAsync(app, therapist.Id, CodeAt(app, 0)));
    }

    [Theory]
    [InlineData("123456", "123456")] // as the app shows it
    [InlineData("123 456", "123456")] // as some apps group it
    [InlineData("123-456", "123456")] // typed with a dash
    [InlineData(" 123456 ", "123456")] // pasted with spaces
    [InlineData("12345", null)] // too short
    [InlineData("1234567", null)] // too long
    [InlineData("12345a", null)] // not a digit
    [InlineData("١٢٣٤٥٦", null)] // Arabic-Indic digits: only ASCII digits are codes
    [InlineData("", null)] // nothing
    [InlineData(null, null)] // no field at all
    public void Normalise_TypedCode_IsSixAsciiDigitsOrNull(string? typed, string? expected)
    {
        Assert.Equal(expected, TotpCodes.Normalise(typed));
    }

    [Fact]
    public void Compute_Rfc6238TestVector_MatchesTheStandard()
    {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits); the 6-digit code is its last six.
        var key = OtpNet.Base32Encoding.ToString(System.Text.Encoding.ASCII.GetBytes("12345678901234567890"));

        Assert.Equal("287082", TotpCodes.Compute(key, DateTimeOffset.FromUnixTimeSeconds(59)));
    }

    [Theory]
    [InlineData("JBSWY3DPEHPK3PXP", "JBSW Y3DP EHPK 3PXP")] // 16 characters, four groups
    [InlineData("jbswy3dpehpk3pxpab", "JBSW Y3DP EHPK 3PXP AB")] // a short last group, upper-cased
    public void Grouped_Key_IsInGroupsOfFour(string key, string expected)
    {
        Assert.Equal(expected, TotpCodes.Grouped(key));
    }

    [Fact]
    public void AuthenticatorUri_EscapesTheAccountAndCarriesTheSettings()
    {
        var uri = TotpCodes.AuthenticatorUri("Sciatica Relief", "sam+1@example.org", "JBSWY3DPEHPK3PXP");

        Assert.Equal("otpauth://totp/Sciatica%20Relief:sam%2B1%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Sciatica%20Relief&digits=6&period=30", uri);
    }
}

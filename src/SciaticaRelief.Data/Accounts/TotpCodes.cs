using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace SciaticaRelief.Data.Accounts;

/// <summary>
/// Identity's authenticator provider (<see cref="TokenOptions.AuthenticatorTokenProvider"/>): checks a
/// 6-digit TOTP code (RFC 6238: SHA-1, 30 s steps, one step of clock drift either side) against the
/// account's authenticator key, at the injected clock's time.
/// A code is accepted only if its time step is later than <see cref="ReliefUser.LastTotpStep"/>, and
/// the step is stored in the same statement (a conditional UPDATE), so a code is never accepted twice,
/// nor a second code from the same step, even by two requests at once (RFC 6238 section 5.2).
/// </summary>
public sealed class TotpCodes(ReliefDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<ReliefUser>
{
    public const string ProviderName = "ReliefTotp";
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>Clock drift allowed, in steps, before and after now.</summary>
    public const int DriftSteps = 1;

    public Task<string> GenerateAsync(string purpose, UserManager<ReliefUser> manager, ReliefUser user) =>
        // The code comes from the person's authenticator app; the server never sends one.
        Task.FromResult("");

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ReliefUser> manager, ReliefUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ReliefUser> manager, ReliefUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var code = Normalise(token);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (code is null || string.IsNullOrEmpty(key))
        {
            return false;
        }
        var step = MatchedStep(key, code, clock.GetUtcNow());
        if (step is null)
        {
            return false;
        }
        var matched = step.Value;
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTotpStep == null || u.LastTotpStep < matched))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpStep, matched));
        if (claimed != 1)
        {
            return false;
        }
        // Keep the tracked entity in step without marking it changed.
        var entry = db.Entry(user);
        entry.Property(u => u.LastTotpStep).CurrentValue = matched;
        entry.Property(u => u.LastTotpStep).OriginalValue = matched;
        return true;
    }

    /// <summary>The time step the code belongs to (within the drift window around <paramref name="now"/>), or null.</summary>
    public static long? MatchedStep(string base32Key, string code, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        var totp = new Totp(Base32Encoding.ToBytes(base32Key.Replace(" ", "", StringComparison.Ordinal)), StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, new VerificationWindow(DriftSteps, DriftSteps)) ? step : null;
    }

    /// <summary>The code an authenticator app shows at <paramref name="at"/> (for tests and the CLI's checks).</summary>
    public static string Compute(string base32Key, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        return new Totp(Base32Encoding.ToBytes(base32Key.Replace(" ", "", StringComparison.Ordinal)), StepSeconds, OtpHashMode.Sha1, Digits)
            .ComputeTotp(at.UtcDateTime);
    }

    /// <summary>The code without the spaces or dashes people type, or null when it is not 6 digits.</summary>
    public static string? Normalise(string? token)
    {
        if (token is null)
        {
            return null;
        }
        var code = string.Concat(token.Where(c => c is not (' ' or '-')));
        return code.Length == Digits && code.All(char.IsAsciiDigit) ? code : null;
    }

    /// <summary>
    /// The otpauth:// URI authenticator apps read (Google's Key Uri Format), for the enrolment page.
    /// </summary>
    public static string AuthenticatorUri(string issuer, string account, string base32Key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={base32Key}&issuer={Uri.EscapeDataString(issuer)}&digits={Digits}&period={StepSeconds}");

    /// <summary>The key in groups of four, easier to type into an app.</summary>
    public static string Grouped(string base32Key)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        var key = base32Key.ToUpperInvariant();
        return string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))));
    }
}

using System.ComponentModel.DataAnnotations;

namespace SciaticaRelief.Data.Accounts;

/// <summary>Account settings (section "Accounts").</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>The production minimum for PBKDF2 (OWASP 2023, PBKDF2-HMAC-SHA256).</summary>
    public const int ProductionIterations = 210_000;

    /// <summary>PBKDF2 iterations. Tests lower it to run fast; production keeps at least 210,000.</summary>
    [Range(1, 10_000_000)]
    public int PasswordHashIterations { get; set; } = ProductionIterations;

    /// <summary>Failed sign-ins before a lockout.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;
}

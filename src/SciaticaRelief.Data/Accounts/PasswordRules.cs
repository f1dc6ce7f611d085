using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace SciaticaRelief.Data.Accounts;

/// <summary>
/// Password rules after NIST SP 800-63B: at least 8 characters, no composition rules, but common,
/// breached, repetitive, sequential and context-specific passwords are refused.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<ReliefUser>
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 256;

    private static readonly FrozenSet<string> Common = LoadCommon();

    public Task<IdentityResult> ValidateAsync(UserManager<ReliefUser> manager, ReliefUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var problem = Check(password, user.Email);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "WeakPassword", Description = problem }));
    }

    /// <summary>Why the password is refused, or null when it is acceptable.</summary>
    public static string? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return $"Use at least {MinimumLength} characters. A few unrelated words make a strong password that is easy to remember.";
        }
        if (password.Length > MaximumLength)
        {
            return $"Use at most {MaximumLength} characters.";
        }
        var lower = password.ToLowerInvariant();
        if (Common.Contains(lower))
        {
            return "This password is one of the most common ones, so it is easy to guess. Choose another.";
        }
        if (lower.Distinct().Count() == 1 || IsSequence(lower))
        {
            return "This password repeats or counts through the same characters, so it is easy to guess. Choose another.";
        }
        if (email is not null)
        {
            var local = email.Split('@')[0].ToLowerInvariant();
            if (string.Equals(lower, email.ToLowerInvariant(), StringComparison.Ordinal)
                || (local.Length >= 4 && string.Equals(lower, local, StringComparison.Ordinal)))
            {
                return "Do not use your email address as your password.";
            }
        }
        return null;
    }

    private static bool IsSequence(string s)
    {
        var up = true;
        var down = true;
        for (var i = 1; i < s.Length; i++)
        {
            up &= s[i] == s[i - 1] + 1;
            down &= s[i] == s[i - 1] - 1;
        }
        return up || down;
    }

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("SciaticaRelief.Data.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.ToLowerInvariant());
            }
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}

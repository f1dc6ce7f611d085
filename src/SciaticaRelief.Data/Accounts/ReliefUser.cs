using Microsoft.AspNetCore.Identity;

namespace SciaticaRelief.Data.Accounts;

/// <summary>What an account is for. A Person owns a journal; a Therapist sees one only through a Grant.</summary>
public enum AccountKind
{
    Person = 0,
    Therapist = 1,
}

/// <summary>An account. For a Person, <see cref="IdentityUser{TKey}.Id"/> is the PersonId of every health row.</summary>
public sealed class ReliefUser : IdentityUser<Guid>
{
    public AccountKind Kind { get; set; }

    /// <summary>Opens or closes sign-ups, invites Therapists, runs `relief admin`.</summary>
    public bool IsAdministrator { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The name a Therapist shows to clients and signs notes with; null for a Person.</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// The TOTP time step of the last authenticator code accepted, so a code is never accepted
    /// twice (RFC 6238 section 5.2), even inside its validity window.
    /// </summary>
    public long? LastTotpStep { get; set; }
}

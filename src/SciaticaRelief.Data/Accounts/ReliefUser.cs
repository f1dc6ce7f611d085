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
}

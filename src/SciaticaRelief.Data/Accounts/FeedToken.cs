namespace SciaticaRelief.Data.Accounts;

/// <summary>
/// The secret in a Person's private calendar feed URL. Only its SHA-256 is stored (256 random bits,
/// so a fast hash is enough). Rotating revokes the old one and makes a new one; a Person has at most
/// one live token.
/// </summary>
public sealed class FeedToken
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token text.</summary>
    public string TokenHash { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}

/// <summary>An administrator's one-time invitation for a Therapist to make an account; only the code's hash is kept.</summary>
public sealed class TherapistInvite
{
    public const int LifetimeDays = 14;

    public Guid Id { get; set; }
    public string CodeHash { get; set; } = "";

    /// <summary>Who it was for, as the administrator typed it (shown in the admin list; not enforced).</summary>
    public string Email { get; set; } = "";

    public Guid CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? UsedAtUtc { get; set; }
    public Guid? UsedBy { get; set; }
}

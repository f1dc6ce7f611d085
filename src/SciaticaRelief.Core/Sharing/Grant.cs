namespace SciaticaRelief.Core.Sharing;

/// <summary>
/// A Person's consent for one Therapist to see chosen parts of their data, live until revoked.
/// A revoked Grant is kept (the Person's record of who had access, and the Consent in an export).
/// </summary>
public sealed class Grant
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }
    public Guid TherapistId { get; set; }
    public GrantScope Scopes { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    public bool IsLive => RevokedAtUtc is null;
}

/// <summary>
/// A one-time code a Person gives a Therapist to create a Grant. Only the code's SHA-256 is kept;
/// it expires, and a redeemed code is never accepted again.
/// </summary>
public sealed class GrantInvite
{
    public const int CodeLifetimeDays = 7;

    public Guid PersonId { get; set; }
    public Guid Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of the code.</summary>
    public string CodeHash { get; set; } = "";

    public GrantScope Scopes { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? RedeemedAtUtc { get; set; }
    public Guid? GrantId { get; set; }

    /// <summary>Set when the Person withdraws an unused code.</summary>
    public DateTime? CancelledAtUtc { get; set; }
}

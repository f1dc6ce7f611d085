namespace SciaticaRelief.Data;

/// <summary>
/// A create that carried an Idempotency-Key (or a web form's one-time key). It is written in the
/// same transaction as the record it created, so a repeated request can never create a second
/// one: it gets the first one back. Keyed by Person, and deleted with the account.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid PersonId { get; set; }
    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the request: the same key with another body is refused.</summary>
    public string RequestHash { get; set; } = "";

    /// <summary>What was created, e.g. "check-in".</summary>
    public string ResourceType { get; set; } = "";

    public Guid ResourceId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

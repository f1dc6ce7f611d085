namespace SciaticaRelief.Core.Sharing;

/// <summary>What was done to a Person's data by someone other than that Person.</summary>
public static class AuditActions
{
    public const string Read = "read";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
}

public static class AuditOutcomes
{
    public const string Allowed = "allowed";

    /// <summary>Refused: no live grant, or a scope the grant does not include.</summary>
    public const string Denied = "denied";
}

/// <summary>
/// One read or change of a Person's data by someone else: who, what, when, outcome. Each event
/// holds the hash of the one before it in the Person's chain, so a deleted or edited row breaks
/// the chain (<see cref="AuditChain.Verify"/>). Resource names kinds and ids, never health text.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>The Person whose data it was (the chain's owner).</summary>
    public Guid PersonId { get; set; }

    /// <summary>1, 2, 3, ... within the Person's chain.</summary>
    public long Sequence { get; set; }

    public DateTime AtUtc { get; set; }
    public Guid ActorId { get; set; }

    /// <summary>"therapist" or "administrator".</summary>
    public string ActorKind { get; set; } = "";

    /// <summary>What the actor was called at the time (kept so the log reads after the account is gone).</summary>
    public string ActorName { get; set; } = "";

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What was touched, as "kind" or "kind/id": "brief", "journal", "session-note/0193...".</summary>
    public string Resource { get; set; } = "";

    /// <summary>One of <see cref="AuditOutcomes"/>.</summary>
    public string Outcome { get; set; } = "";

    /// <summary>Hex SHA-256 of the previous event in the chain; 64 zeros for the first.</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>Hex SHA-256 over <see cref="PreviousHash"/> and this event's fields.</summary>
    public string Hash { get; set; } = "";
}

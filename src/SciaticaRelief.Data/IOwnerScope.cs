namespace SciaticaRelief.Data;

/// <summary>
/// Whose health rows this unit of work may see. The DbContext's query filters read it, so there is
/// one place that scopes data to its owner; with no owner, health queries return nothing.
/// </summary>
public interface IOwnerScope
{
    Guid? PersonId { get; }

    /// <summary>The signed-in Therapist: the owner of the session notes they wrote.</summary>
    Guid? TherapistId => null;
}

/// <summary>A fixed scope, for the CLI, tests, benchmarks and design-time tools.</summary>
public sealed class FixedOwnerScope(Guid? personId, Guid? therapistId = null) : IOwnerScope
{
    public Guid? PersonId { get; set; } = personId;
    public Guid? TherapistId { get; set; } = therapistId;
}

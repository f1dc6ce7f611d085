using System.Text.Json.Serialization;
using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Core.Clinical;

[JsonConverter(typeof(JsonStringEnumConverter<IntakeStatus>))]
public enum IntakeStatus
{
    /// <summary>Written by the Therapist, waiting for the client.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>The client confirmed it; its conditions were added to their Profile.</summary>
    [JsonStringEnumMemberName("confirmed")] Confirmed,

    [JsonStringEnumMemberName("declined")] Declined,
}

/// <summary>
/// The Therapist's intake form for a client: health history, contraindications, consent. It changes
/// the client's Profile only when the client confirms it.
/// </summary>
public sealed class Intake
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }
    public Guid TherapistId { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public string History { get; set; } = "";

    /// <summary>Conditions that make a modality unsafe, to add to the Profile on confirmation.</summary>
    public HealthCondition Conditions { get; set; }

    /// <summary>Contraindications in the Therapist's words (areas to avoid, pressure limits).</summary>
    public string Contraindications { get; set; } = "";

    public string Medications { get; set; } = "";

    /// <summary>The client consented to treatment, as recorded by the Therapist.</summary>
    public bool ConsentToTreatment { get; set; }

    public IntakeStatus Status { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public int Version { get; set; }
}

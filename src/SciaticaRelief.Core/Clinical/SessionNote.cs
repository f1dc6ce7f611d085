using System.Text.Json.Serialization;

namespace SciaticaRelief.Core.Clinical;

/// <summary>How the client responded to the session, as the Therapist saw it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClientResponse>))]
public enum ClientResponse
{
    [JsonStringEnumMemberName("better")] Better,
    [JsonStringEnumMemberName("no-change")] NoChange,
    [JsonStringEnumMemberName("worse")] Worse,
}

/// <summary>
/// A Therapist's SOAP note of one session with a client. It is the Therapist's record: signed when
/// written, never edited (an Amendment is a new note whose <see cref="AmendsId"/> names the original),
/// and kept by the Therapist after the client revokes the Grant or deletes their account.
/// <see cref="PersonId"/> is the client (the distribution key); the owner filter is the Therapist.
/// </summary>
public sealed class SessionNote
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }
    public Guid TherapistId { get; set; }

    /// <summary>The client's local date of the session.</summary>
    public DateOnly SessionDate { get; set; }

    public string Subjective { get; set; } = "";
    public string Objective { get; set; } = "";
    public string Assessment { get; set; } = "";
    public string Plan { get; set; } = "";

    /// <summary>1 (light) to 5 (very firm), as on the treatment log.</summary>
    public int? Pressure { get; set; }

    /// <summary>Body region ids (BodyMap) worked on.</summary>
    public List<string> Areas { get; set; } = [];

    /// <summary>Modality ids of the techniques used.</summary>
    public List<string> Techniques { get; set; } = [];

    public ClientResponse? ClientResponse { get; set; }
    public int? PainBefore { get; set; }
    public int? PainAfter { get; set; }

    /// <summary>The Therapist's name as signed.</summary>
    public string SignedBy { get; set; } = "";
    public DateTime SignedAtUtc { get; set; }

    /// <summary>The original note this one amends (always the first note of the chain), or null.</summary>
    public Guid? AmendsId { get; set; }
    public string? AmendmentReason { get; set; }

    /// <summary>
    /// The contraindication warnings of the note's techniques for the client's health conditions when
    /// it was signed (<see cref="SessionNoteValidator.SafetyWarnings(SessionNote, Profiles.HealthCondition, Modalities.ModalityCatalog)"/>):
    /// the note is always kept, and the warnings that applied are kept with it.
    /// </summary>
    public List<Treatments.TreatmentWarning> SafetyWarnings { get; set; } = [];
}

using SciaticaRelief.Core.Clinical;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Web.Treatments;

namespace SciaticaRelief.Web.Clinical;

/// <summary>An intake form as the API takes it from the Therapist.</summary>
/// <param name="History">Health history in words (at most 4,000 characters).</param>
/// <param name="Conditions">Health condition ids (as on the Profile): added to the client's Profile when the client confirms.</param>
/// <param name="Contraindications">Contraindications in words: areas to avoid, pressure limits (at most 2,000).</param>
/// <param name="Medications">Medications in words (at most 1,000).</param>
/// <param name="ConsentToTreatment">The client's answer to consent to treatment: required, true or false.</param>
public sealed record IntakeRequest(string? History, IReadOnlyList<HealthCondition>? Conditions, string? Contraindications, string? Medications, bool? ConsentToTreatment)
{
    public IntakeInput ToInput() => new(History, (Conditions ?? []).Aggregate(HealthCondition.None, (a, c) => a | c), Contraindications, Medications, ConsentToTreatment);
}

public sealed record IntakeResponse(
    Guid Id,
    Guid ClientId,
    Guid TherapistId,
    string TherapistName,
    DateTimeOffset CreatedAt,
    string History,
    IReadOnlyList<HealthCondition> Conditions,
    string Contraindications,
    string Medications,
    bool ConsentToTreatment,
    IntakeStatus Status,
    DateTimeOffset? DecidedAt)
{
    public static IntakeResponse From(Intake i, string therapistName)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new(i.Id, i.PersonId, i.TherapistId, therapistName, Utc(i.CreatedAtUtc), i.History, [.. HealthConditions.Split(i.Conditions)],
            i.Contraindications, i.Medications, i.ConsentToTreatment, i.Status, i.DecidedAtUtc is { } d ? Utc(d) : null);
    }

    internal static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}

/// <summary>A SOAP session note as the API takes it.</summary>
/// <param name="SessionDate">The client's local date of the session: not in the future, not more than a year back.</param>
/// <param name="Pressure">1 (light) to 5 (very firm).</param>
/// <param name="Areas">Body region ids: low-back, buttock, thigh, calf, foot.</param>
/// <param name="Techniques">Modality ids of therapist modalities (GET /api/v1/modalities, setting "therapist").</param>
/// <param name="PainBefore">0 to 10.</param>
/// <param name="PainAfter">0 to 10.</param>
public sealed record SessionNoteRequest(
    DateOnly? SessionDate,
    string? Subjective,
    string? Objective,
    string? Assessment,
    string? Plan,
    int? Pressure,
    IReadOnlyList<string>? Areas,
    IReadOnlyList<string>? Techniques,
    ClientResponse? ClientResponse,
    int? PainBefore,
    int? PainAfter)
{
    public SessionNoteInput ToInput() => new(SessionDate, Subjective, Objective, Assessment, Plan, Pressure, Areas ?? [], Techniques ?? [], ClientResponse, PainBefore, PainAfter);
}

/// <summary>An amendment: the whole note as it should read now, and why it changed.</summary>
public sealed record AmendmentRequest(
    DateOnly? SessionDate,
    string? Subjective,
    string? Objective,
    string? Assessment,
    string? Plan,
    int? Pressure,
    IReadOnlyList<string>? Areas,
    IReadOnlyList<string>? Techniques,
    ClientResponse? ClientResponse,
    int? PainBefore,
    int? PainAfter,
    string? Reason)
{
    public SessionNoteInput ToInput() => new(SessionDate, Subjective, Objective, Assessment, Plan, Pressure, Areas ?? [], Techniques ?? [], ClientResponse, PainBefore, PainAfter);
}

/// <summary>One signed version of a session note.</summary>
/// <param name="SafetyWarnings">The contraindication warnings of its techniques for the client's health conditions when it was
/// signed, stored with it (rule ids "CONTRA:{technique}:{condition}"; level "warning" when a technique is not advised for the
/// client, "caution" for a precaution), each with its reason and source. The note is kept whatever they say.</param>
public sealed record SessionNoteResponse(
    Guid Id,
    Guid ClientId,
    DateOnly SessionDate,
    string Subjective,
    string Objective,
    string Assessment,
    string Plan,
    int? Pressure,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> Techniques,
    ClientResponse? ClientResponse,
    int? PainBefore,
    int? PainAfter,
    string SignedBy,
    DateTimeOffset SignedAt,
    Guid? AmendsId,
    string? AmendmentReason,
    IReadOnlyList<WarningResponse> SafetyWarnings)
{
    public static SessionNoteResponse From(SessionNote n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(n.Id, n.PersonId, n.SessionDate, n.Subjective, n.Objective, n.Assessment, n.Plan, n.Pressure, n.Areas, n.Techniques,
            n.ClientResponse, n.PainBefore, n.PainAfter, n.SignedBy, IntakeResponse.Utc(n.SignedAtUtc), n.AmendsId, n.AmendmentReason,
            [.. n.SafetyWarnings.Select(WarningResponse.From)]);
    }
}

/// <summary>A note with its amendments: the original as signed, the amendments oldest first, and the version that reads now.</summary>
public sealed record SessionNoteChainResponse(
    Guid Id,
    Guid ClientId,
    string ClientName,
    SessionNoteResponse Original,
    IReadOnlyList<SessionNoteResponse> Amendments,
    SessionNoteResponse Current)
{
    public static SessionNoteChainResponse From(NoteChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return new(chain.Original.Id, chain.Original.PersonId, chain.ClientName, SessionNoteResponse.From(chain.Original),
            [.. chain.Amendments.Select(SessionNoteResponse.From)], SessionNoteResponse.From(chain.Current));
    }
}

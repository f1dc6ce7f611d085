using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Safety;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Web.Journal;

namespace SciaticaRelief.Web.Sharing;

/// <summary>A new invite: what it will share. Red-flag results are shared with every grant, for safety, and are not a scope.</summary>
/// <param name="Scopes">Any of journal, treatments, questionnaires, plan; none shares the red flags alone.</param>
public sealed record InviteRequest(IReadOnlyList<string>? Scopes);

/// <summary>A new invite with its code: shown this once (only the code's hash is kept).</summary>
/// <param name="Link">The page where the Therapist redeems it, with the code.</param>
public sealed record InviteCreatedResponse(Guid Id, string Code, string Link, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime ExpiresAt);

/// <summary>An invite as listed (never its code).</summary>
/// <param name="Status">pending, redeemed, cancelled or expired.</param>
public sealed record InviteResponse(Guid Id, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime ExpiresAt, string Status, DateTime? RedeemedAt, DateTime? CancelledAt)
{
    public static InviteResponse From(GrantInvite i, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new(i.Id, GrantScopes.Names(i.Scopes), SharingService.Utc(i.CreatedAtUtc), SharingService.Utc(i.ExpiresAtUtc), InviteStatus.Of(i, nowUtc),
            i.RedeemedAtUtc is { } r ? SharingService.Utc(r) : null, i.CancelledAtUtc is { } c ? SharingService.Utc(c) : null);
    }
}

public static class InviteStatus
{
    public const string Pending = "pending";
    public const string Redeemed = "redeemed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";

    public static string Of(GrantInvite i, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(i);
        return i.RedeemedAtUtc is not null ? Redeemed
            : i.CancelledAtUtc is not null ? Cancelled
            : i.ExpiresAtUtc <= nowUtc ? Expired
            : Pending;
    }
}

/// <summary>A Grant as its Person sees it.</summary>
public sealed record GrantResponse(Guid Id, string TherapistName, IReadOnlyList<string> Scopes, DateTime Since, bool Live, DateTime? RevokedAt);

/// <summary>One audit entry: who did what to the Person's data, when, and whether it was allowed.</summary>
public sealed record AuditEntryResponse(long Sequence, DateTime At, string Who, string ActorKind, string Action, string Resource, string Outcome);

/// <summary>The Person's audit log, newest first, and whether its hash chain is intact.</summary>
/// <param name="BrokenAt">The sequence number of the first entry that was changed, or that follows a removed one; null when intact.</param>
/// <param name="Status">The line to show: intact, or "Entry #n was changed or removed."</param>
public sealed record AuditResponse(bool Intact, long? BrokenAt, string Status, IReadOnlyList<AuditEntryResponse> Items);

/// <summary>A code to redeem (the dashes and case do not matter).</summary>
public sealed record JoinRequest(string? Code);

/// <summary>A redeemed invite: the Grant it created.</summary>
public sealed record JoinResponse(Guid ClientId, Guid GrantId, string ClientName, IReadOnlyList<string> Scopes, DateTime Since, bool Replaced);

/// <summary>A client with a live Grant on the Therapist's list.</summary>
/// <param name="Alarm">"emergency" or "urgent" while the client's triage standing says so (massage and home care are
/// paused until a later check-in has no warning sign and a clinician has seen them); null otherwise.</param>
public sealed record LiveClientResponse(Guid ClientId, string Name, IReadOnlyList<string> Scopes, DateTime Since, string Brief, TriageLevel? Alarm = null);

/// <summary>A former client: only that access ended, and when (no data).</summary>
public sealed record EndedClientResponse(string Name, DateTime EndedAt);

public sealed record ClientListResponse(IReadOnlyList<LiveClientResponse> Clients, IReadOnlyList<EndedClientResponse> Ended);

/// <summary>One triage assessment above self-care in the brief's window.</summary>
public sealed record BriefAssessment(Guid Id, DateTimeOffset AssessedAt, TriageLevel Level, bool SeeDoctorToday, IReadOnlyList<FiredRule> FiredRules);

/// <summary>
/// Red flags, always in a brief whatever the scopes: the standing alarm (if any) with the rules that
/// raised it, and every assessment of the last seven days above self-care.
/// </summary>
public sealed record BriefRedFlags(
    TriageLevel? ActiveAlarm,
    DateTime? AlarmSince,
    bool NeedsClinicianReview,
    BriefAssessment? Alarm,
    IReadOnlyList<BriefAssessment> Recent);

public sealed record BriefPainDay(DateOnly Date, double Pain, double Trend, Core.Journal.Radiation Radiation, int CheckIns);

/// <summary>Daily mean pain (journal scope); <c>Days</c> is null when not shared.</summary>
public sealed record BriefPain(bool Shared, IReadOnlyList<BriefPainDay>? Days);

public sealed record BriefTreatment(Guid Id, DateTimeOffset StartedAt, DateOnly LocalDate, string ModalityId, string ModalityName, int? PainBefore, int? PainAfter);

public sealed record BriefTreatments(bool Shared, IReadOnlyList<BriefTreatment>? Items);

/// <param name="Rate">Done / planned, null when nothing was due yet.</param>
public sealed record BriefAdherenceItem(Guid Id, Core.Plans.PlanItemKind Kind, string Title, bool AssignedByTherapist, int Planned, int Done, double? Rate);

public sealed record BriefAdherence(bool Shared, DateOnly? From, DateOnly? To, IReadOnlyList<BriefAdherenceItem>? Items);

public sealed record BriefScore(string InstrumentId, string Title, DateTimeOffset AuthoredAt, decimal? Score, string? ScoreText, string? Band);

public sealed record BriefQuestionnaires(bool Shared, IReadOnlyList<BriefScore>? Latest);

/// <summary>A health condition of the client's Profile, as the client ticked it.</summary>
public sealed record BriefCondition(HealthCondition Id, string Label);

/// <summary>What the client's health conditions mean for one technique a Therapist uses (CareSafety).</summary>
/// <param name="Level">"refused": not advised for this client; "caution": with these precautions.</param>
/// <param name="Reasons">Each rule's words, with its source.</param>
public sealed record BriefTechnique(string ModalityId, string Name, SafetyLevel Level, IReadOnlyList<Precaution> Reasons);

/// <summary>
/// The client's health conditions (always in a brief, like the red flags: a Therapist needs them
/// before touching the client) and the techniques they rule out or need care with.
/// </summary>
public sealed record BriefHealth(IReadOnlyList<BriefCondition> Conditions, IReadOnlyList<BriefTechnique> Techniques);

/// <summary>
/// The pre-visit brief: the client's health conditions and the warnings that stand first (always),
/// then each part the client shares; a part not shared says so (<c>Shared</c> false) and carries no data.
/// </summary>
public sealed record BriefResponse(
    Guid ClientId,
    string ClientName,
    IReadOnlyList<string> Scopes,
    DateOnly From,
    DateOnly To,
    string TimeZone,
    BriefHealth Health,
    BriefRedFlags RedFlags,
    BriefPain Pain,
    BriefTreatments Treatments,
    BriefAdherence Adherence,
    BriefQuestionnaires Questionnaires);

using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Web.Journal;

/// <summary>A check-in as the API takes it (create and update).</summary>
/// <param name="OccurredAt">An instant with its offset; or give <paramref name="OccurredAtLocal"/>; or neither for now.</param>
/// <param name="OccurredAtLocal">A wall-clock time in the Profile's time zone; one inside a daylight-saving gap is moved forward and a notice says so.</param>
/// <param name="PainNow">0 (no pain) to 10 (worst imaginable).</param>
/// <param name="RedFlags">Answers by red-flag question id (GET /api/v1/triage/questions lists them): yes, no or unsure; unsure counts as yes.
/// Without an answer to every question the check-in is stored as not screened: it can raise an alarm, never lift one.</param>
/// <param name="NoneOfThese">"None of these": every warning-sign question not answered is recorded as no; refused beside a yes or unsure.</param>
public sealed record CheckInRequest(
    DateTimeOffset? OccurredAt,
    DateTime? OccurredAtLocal,
    int? PainNow,
    int? PainWorst,
    int? PainAverage,
    IReadOnlyList<BodyArea>? Areas,
    IReadOnlyList<PainQuality>? Qualities,
    IReadOnlyList<Trigger>? Triggers,
    double? SleepHours,
    int? Stress,
    string? Notes,
    Dictionary<string, Answer>? RedFlags,
    bool? NoneOfThese = null);

/// <summary>A fired triage rule as the API reports it.</summary>
public sealed record FiredRule(string Id, string Reason, string Source);

/// <summary>What to do for a level, for the Person's country: the same words as the page shows.</summary>
public sealed record AdviceResponse(string Headline, IReadOnlyList<string> Steps, string Caveat, string EmergencyNumber, string EmergencyPlace)
{
    public static AdviceResponse For(TriageLevel level, Region region, bool seeDoctorToday)
    {
        ArgumentNullException.ThrowIfNull(region);
        var advice = TriageAdvice.For(level, region, seeDoctorToday);
        return new(advice.Headline, advice.Steps, advice.Caveat, region.EmergencyNumber, region.EmergencyPlace);
    }
}

/// <summary>The triage that went with a check-in or a symptom check.</summary>
/// <param name="Screened">Every warning-sign question was answered; an unscreened check can raise an alarm, never lift one.</param>
/// <param name="Notice">What it does not show, in words, when not screened.</param>
/// <param name="Advice">What to do, for the Person's country (on the answer to a check-in the Person made).</param>
public sealed record TriageSummary(
    Guid AssessmentId,
    TriageLevel Level,
    bool SeeDoctorToday,
    bool Screened,
    IReadOnlyList<FiredRule> FiredRules,
    IReadOnlyDictionary<string, Answer> Answers,
    string? Notice,
    AdviceResponse? Advice = null)
{
    public static TriageSummary From(TriageAssessment a, Region? region = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.Level, a.SeeDoctorToday, a.Screened,
            [.. a.FiredRuleIds.Select(id => TriageRules.Find(id) is { } r ? new FiredRule(r.Id, r.Reason, r.Source) : new FiredRule(id, id, ""))],
            a.Answers,
            a.Screened ? null : TriageNotices.NotScreened(RedFlagQuestions.Unanswered(RedFlagQuestions.ForCheckIn, RedFlagQuestions.FromWire(a.Answers))),
            region is null ? null : AdviceResponse.For(a.Level, region, a.SeeDoctorToday));
    }

}

/// <summary>A check-in as the API returns it. Times carry the offset of the Person's zone at that instant.</summary>
public sealed record CheckInResponse(
    Guid Id,
    DateTimeOffset OccurredAt,
    string TimeZone,
    DateOnly LocalDate,
    int PainNow,
    int? PainWorst,
    int? PainAverage,
    IReadOnlyList<BodyArea> Areas,
    Radiation Radiation,
    IReadOnlyList<PainQuality> Qualities,
    IReadOnlyList<Trigger> Triggers,
    double? SleepHours,
    int? Stress,
    string? Notes,
    TriageSummary? Triage,
    int Version,
    IReadOnlyList<string> Notices)
{
    public static CheckInResponse From(CheckIn c, TriageAssessment? triage, IReadOnlyList<string>? notices = null, Region? region = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        var zone = LocalTime.TryFindZone(c.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        var local = LocalTime.ToLocal(c.OccurredAtUtc, zone);
        return new CheckInResponse(
            c.Id,
            new DateTimeOffset(local, zone.GetUtcOffset(c.OccurredAtUtc)),
            c.TimeZoneId,
            DateOnly.FromDateTime(local),
            c.PainNow, c.PainWorst, c.PainAverage,
            BodyMap.FromBits(c.BodyAreas),
            c.Radiation,
            [.. FlagLists.Split(c.Qualities)],
            [.. FlagLists.Split(c.Triggers)],
            c.SleepHours, c.Stress, c.Notes,
            triage is null ? null : TriageSummary.From(triage, region),
            c.Version,
            notices ?? []);
    }
}

/// <summary>One page of the journal.</summary>
public sealed record CheckInPage(IReadOnlyList<CheckInResponse> Items, int Page, int PageSize, int Total);

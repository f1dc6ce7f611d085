namespace SciaticaRelief.Core.Triage;

/// <summary>A stored triage outcome, as the standing needs it.</summary>
/// <param name="Screened">Every warning-sign question was answered: only then can it count as a check without warning signs.</param>
public sealed record AssessmentPoint(DateTime AtUtc, TriageLevel Level, bool Screened = true);

/// <summary>
/// Where the Person stands now. An Emergency or Urgent result stays in force (and keeps massage and
/// home care paused) until both: a later check-in without a red flag, and a record that a
/// clinician has seen them since (PRODUCT.md, "What triage does to everything else").
/// </summary>
/// <param name="ActiveAlarm">Emergency or Urgent while in force; null otherwise.</param>
/// <param name="AlarmSinceUtc">When the alarm began (its first assessment).</param>
/// <param name="LastAlarmUtc">The latest assessment that kept it in force.</param>
/// <param name="HasCleanCheckInSince">A check-in without a red flag came after the last alarm.</param>
/// <param name="ClinicianSeenSince">A clinician review was recorded after the last alarm.</param>
/// <param name="Latest">The most recent assessment, if any.</param>
/// <param name="Screened">
/// The Person has answered every warning-sign question at least once. Until then nothing suggests
/// care: every such surface asks for the screen instead (the same gate that pauses care).
/// </param>
public sealed record TriageStanding(
    TriageLevel? ActiveAlarm,
    DateTime? AlarmSinceUtc,
    DateTime? LastAlarmUtc,
    bool HasCleanCheckInSince,
    bool ClinicianSeenSince,
    AssessmentPoint? Latest,
    bool Screened = true)
{
    /// <summary>The level that governs what the app may suggest now.</summary>
    public TriageLevel Effective => ActiveAlarm ?? Latest?.Level ?? TriageLevel.SelfCare;

    /// <summary>Massage and home care are held back: an Emergency or Urgent result stands, or the screen was never answered.</summary>
    public bool PausesSelfCare => !Screened || Effective.PausesSelfCare();

    /// <summary>Nothing may be suggested until the warning-sign questions have been answered once.</summary>
    public bool ScreenRequired => !Screened;

    /// <param name="assessments">The assessments that decide the standing (at least every alarm, the first screened one after each, the latest).</param>
    /// <param name="clinicianSeenAtUtc">When a clinician saw the Person, as recorded.</param>
    /// <param name="everScreened">Whether any assessment ever was screened; by default, whether one of <paramref name="assessments"/> was.</param>
    public static TriageStanding Compute(IEnumerable<AssessmentPoint> assessments, IEnumerable<DateTime> clinicianSeenAtUtc, bool? everScreened = null)
    {
        var ordered = assessments.OrderBy(a => a.AtUtc).ToList();
        var reviews = clinicianSeenAtUtc.OrderBy(t => t).ToList();
        TriageLevel? active = null;
        DateTime? since = null, last = null;
        bool clean = false, seen = false;

        foreach (var a in ordered)
        {
            if (a.Level.PausesSelfCare())
            {
                active = active is { } current && current > a.Level ? current : a.Level;
                since ??= a.AtUtc;
                last = a.AtUtc;
                clean = false;
                seen = false;
            }
            else if (active is not null && a.Screened)
            {
                // Only a check that asked every question can show the warning signs are gone.
                clean = true;
            }

            if (active is not null && last is { } l)
            {
                seen = reviews.Any(r => r >= l);
                if (clean && seen)
                {
                    active = null;
                    since = null;
                }
            }
        }

        // A review recorded after the last assessment still counts toward clearing.
        if (active is not null && last is { } lastAlarm)
        {
            seen = reviews.Any(r => r >= lastAlarm);
        }

        return new TriageStanding(
            active,
            since,
            active is null ? null : last,
            active is not null && clean,
            active is not null && seen,
            ordered.Count == 0 ? null : ordered[^1],
            everScreened ?? ordered.Any(a => a.Screened));
    }
}

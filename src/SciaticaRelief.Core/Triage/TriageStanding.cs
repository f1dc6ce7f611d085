namespace SciaticaRelief.Core.Triage;

/// <summary>A stored triage outcome, as the standing needs it.</summary>
public sealed record AssessmentPoint(DateTime AtUtc, TriageLevel Level);

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
public sealed record TriageStanding(
    TriageLevel? ActiveAlarm,
    DateTime? AlarmSinceUtc,
    DateTime? LastAlarmUtc,
    bool HasCleanCheckInSince,
    bool ClinicianSeenSince,
    AssessmentPoint? Latest)
{
    /// <summary>The level that governs what the app may suggest now.</summary>
    public TriageLevel Effective => ActiveAlarm ?? Latest?.Level ?? TriageLevel.SelfCare;

    public bool PausesSelfCare => Effective.PausesSelfCare();

    public static TriageStanding Compute(IEnumerable<AssessmentPoint> assessments, IEnumerable<DateTime> clinicianSeenAtUtc)
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
            else if (active is not null)
            {
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
            ordered.Count == 0 ? null : ordered[^1]);
    }
}

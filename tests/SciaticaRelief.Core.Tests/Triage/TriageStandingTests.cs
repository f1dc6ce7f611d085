using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Tests.Triage;

/// <summary>
/// When an alarm is in force: PRODUCT.md says an Emergency or Urgent result pauses self-care until
/// both a later clean check-in and a clinician review after the alarm.
/// </summary>
public sealed class TriageStandingTests
{
    private static readonly DateTime T0 = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    private static DateTime Day(int days) => T0.AddDays(days);

    private static AssessmentPoint At(int day, TriageLevel level) => new(Day(day), level);

    /// <summary>A check that left warning-sign questions unanswered (an API check-in without answers, an import).</summary>
    private static AssessmentPoint Unscreened(int day, TriageLevel level) => new(Day(day), level, Screened: false);

    public sealed record StandingRow(
        AssessmentPoint[] Assessments,
        DateTime[] Reviews,
        TriageLevel? ActiveAlarm,
        TriageLevel Effective,
        bool CleanSince,
        bool SeenSince,
        string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<StandingRow> Rows { get; } = new()
    {
        new([], [], null, TriageLevel.SelfCare, false, false,
            "no assessment yet: nothing in force, self-care level (but nothing is suggested: see Compute_NeverScreened_RequiresTheScreen)"),
        new([At(0, TriageLevel.Emergency)], [], TriageLevel.Emergency, TriageLevel.Emergency, false, false,
            "one Emergency: in force at once"),
        new([At(0, TriageLevel.Urgent)], [], TriageLevel.Urgent, TriageLevel.Urgent, false, false,
            "CLINICAL.md 1: Urgent pauses self-care as an Emergency does"),
        new([At(0, TriageLevel.Emergency), At(1, TriageLevel.SelfCare)], [], TriageLevel.Emergency, TriageLevel.Emergency, true, false,
            "clean check-in but no clinician review: still in force (needs clinician review)"),
        new([At(0, TriageLevel.Emergency)], [Day(1)], TriageLevel.Emergency, TriageLevel.Emergency, false, true,
            "clinician review but no clean check-in since: still in force (symptoms not re-checked)"),
        new([At(0, TriageLevel.Emergency), At(2, TriageLevel.SelfCare)], [Day(1)], null, TriageLevel.SelfCare, false, false,
            "review, then a clean check-in: cleared"),
        new([At(0, TriageLevel.Emergency), At(1, TriageLevel.SelfCare)], [Day(2)], null, TriageLevel.SelfCare, false, false,
            "clean check-in, then a review: cleared (order does not matter)"),
        new([At(0, TriageLevel.Emergency), At(2, TriageLevel.SelfCare)], [Day(-1)], TriageLevel.Emergency, TriageLevel.Emergency, true, false,
            "a review dated before the alarm says nothing about it: still in force"),
        new([At(0, TriageLevel.Emergency), At(1, TriageLevel.Emergency), At(3, TriageLevel.SelfCare)], [Day(0).AddHours(12)], TriageLevel.Emergency, TriageLevel.Emergency, true, false,
            "a review between two alarms does not cover the later one"),
        new([At(0, TriageLevel.Emergency), At(2, TriageLevel.SelfCare), At(3, TriageLevel.Urgent)], [Day(1)], TriageLevel.Urgent, TriageLevel.Urgent, false, false,
            "a new alarm after clearing is in force again, at its own level"),
        new([At(0, TriageLevel.Urgent), At(1, TriageLevel.Emergency)], [], TriageLevel.Emergency, TriageLevel.Emergency, false, false,
            "Urgent then Emergency: the Emergency governs"),
        new([At(0, TriageLevel.Emergency), At(1, TriageLevel.Urgent)], [], TriageLevel.Emergency, TriageLevel.Emergency, false, false,
            "Emergency then Urgent before clearing: an Emergency is not downgraded by a milder result"),
        new([At(0, TriageLevel.SelfCare), At(1, TriageLevel.Routine)], [], null, TriageLevel.Routine, false, false,
            "Routine latest: it governs the advice but is no alarm and pauses nothing"),
        new([At(2, TriageLevel.SelfCare), At(0, TriageLevel.Emergency)], [Day(1)], null, TriageLevel.SelfCare, false, false,
            "assessments given out of order are put in time order first"),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Compute_History_GivesStanding(StandingRow row)
    {
        var standing = TriageStanding.Compute(row.Assessments, row.Reviews);

        Assert.Equal(row.ActiveAlarm, standing.ActiveAlarm);
        Assert.Equal(row.Effective, standing.Effective);
        // Nothing is suggested before the first screen, whatever the level.
        Assert.Equal(row.Effective.PausesSelfCare() || row.Assessments.Length == 0, standing.PausesSelfCare);
        Assert.Equal(row.CleanSince, standing.HasCleanCheckInSince);
        Assert.Equal(row.SeenSince, standing.ClinicianSeenSince);
    }

    public static TheoryData<StandingRow> ScreeningRows { get; } = new()
    {
        new([At(0, TriageLevel.Urgent), Unscreened(2, TriageLevel.SelfCare)], [Day(1)], TriageLevel.Urgent, TriageLevel.Urgent, false, true,
            "no silent no: a check-in without answers is not a check without warning signs, so it cannot lift the pause"),
        new([At(0, TriageLevel.Urgent), Unscreened(2, TriageLevel.SelfCare), At(3, TriageLevel.SelfCare)], [Day(1)], null, TriageLevel.SelfCare, false, false,
            "a later screened check without warning signs (and the review) lifts it"),
        new([At(0, TriageLevel.SelfCare), Unscreened(1, TriageLevel.Emergency)], [], TriageLevel.Emergency, TriageLevel.Emergency, false, false,
            "an unscreened check can still raise an alarm: one yes is enough"),
        new([At(0, TriageLevel.Emergency), Unscreened(2, TriageLevel.Routine)], [Day(1)], TriageLevel.Emergency, TriageLevel.Emergency, false, true,
            "an unscreened routine result lifts nothing either"),
    };

    [Theory]
    [MemberData(nameof(ScreeningRows))]
    public void Compute_UnscreenedChecks_RaiseButNeverLiftAnAlarm(StandingRow row) => Compute_History_GivesStanding(row);

    [Fact]
    public void Compute_NeverScreened_RequiresTheScreenAndPausesCare()
    {
        // The screen is required: until every warning-sign question has been answered once, nothing is suggested.
        var standing = TriageStanding.Compute([Unscreened(0, TriageLevel.SelfCare)], []);

        Assert.True(standing.ScreenRequired);
        Assert.True(standing.PausesSelfCare);
        Assert.Equal(TriageLevel.SelfCare, standing.Effective);
        Assert.Null(standing.ActiveAlarm);
    }

    [Fact]
    public void Compute_ScreenedOnce_LaterUnscreenedChecksDoNotRequireItAgain()
    {
        var standing = TriageStanding.Compute([At(0, TriageLevel.SelfCare), Unscreened(1, TriageLevel.SelfCare)], []);

        Assert.False(standing.ScreenRequired);
        Assert.False(standing.PausesSelfCare);
    }

    [Fact]
    public void Compute_AlarmInForce_ReportsWhenItBeganAndLastFired()
    {
        // The banner says since when the alarm stands; the clearing rules look at the latest alarm.
        var standing = TriageStanding.Compute([At(0, TriageLevel.Urgent), At(2, TriageLevel.Emergency)], []);

        Assert.Equal(Day(0), standing.AlarmSinceUtc);
        Assert.Equal(Day(2), standing.LastAlarmUtc);
        Assert.Equal(At(2, TriageLevel.Emergency), standing.Latest);
    }

    [Fact]
    public void Compute_AlarmAgainAfterClearing_SinceIsTheNewAlarm()
    {
        // A cleared alarm's start must not be carried into the next one.
        var standing = TriageStanding.Compute(
            [At(0, TriageLevel.Emergency), At(2, TriageLevel.SelfCare), At(5, TriageLevel.Urgent)],
            [Day(1)]);

        Assert.Equal(Day(5), standing.AlarmSinceUtc);
        Assert.Equal(Day(5), standing.LastAlarmUtc);
    }

    [Fact]
    public void Compute_Cleared_HasNoAlarmTimes()
    {
        var standing = TriageStanding.Compute([At(0, TriageLevel.Emergency), At(2, TriageLevel.SelfCare)], [Day(1)]);

        Assert.Null(standing.AlarmSinceUtc);
        Assert.Null(standing.LastAlarmUtc);
        Assert.Equal(At(2, TriageLevel.SelfCare), standing.Latest);
    }
}

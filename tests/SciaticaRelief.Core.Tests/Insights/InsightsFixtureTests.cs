using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Tests.Insights;

/// <summary>
/// Eight weeks of one Person's diary in Europe/London, Monday 2 March to Sunday 26 April 2026,
/// crossing the start of British Summer Time (Sunday 29 March, 01:00 UTC: clocks go from 01:00 GMT
/// to 02:00 BST). Every figure is computed by hand in the comments; the code must agree.
/// </summary>
/// <remarks>
/// <para>Check-ins (09:00 local unless a time is given; reach T = thigh, BK = below the knee,
/// B = buttock, – = nothing marked on the body map):</para>
/// <code>
///  Mar  2 4 –     Mar 16 8 BK    Mar 30 5 (00:30 BST) + 6 → 5.5 B    Apr 13 4 B
///       3 7 BK         17 7 BK        31 4 B                           14 7 T
///       4 5 T          18 4 T     Apr  1 4 B                           15 5 B
///       5 4 T          19 4 T          2 4 B                           16 4 B
///       6 7 BK         20 6 T          3 7 T                           17 4 B
///       7 (none)       21 4 T          4 6 B                           18 (none)
///       8 (none)       22 4 T          5 5 B                           19 4 –
///       9 7 BK         23 8 BK         6 4 B                           20 4 B
///      10 8 (08:00) + 7 (21:00) → 7.5 BK  7 7 T                        21 3 B
///      11 5 T          24 8 BK         8 5 B                           22 4 B
///      12 5 T          25 6 T          9 4 B                           23 3 B
///      13 4 T          26 4 T         10 4 B                           24 3 B
///      14 4 T          27 4 T         11 8 T                           25 3 B
///      15 4 T          28 4 T (23:30)  12 4 + 5 (20:00) → 4.5 B        26 3 B
///                      29 7 T (09:30 BST)
/// </code>
/// <para>The DST trap: the 00:30 BST check-in of Monday 30 March is 23:30 UTC on Sunday 29 March.
/// By local day, D(29 Mar) = 7 and D(30 Mar) = (5 + 6) / 2 = 5.5; a UTC day would give 6 and 6.
/// Likewise the 00:15 BST ear-seed press of 21 April is 23:15 UTC on 20 April.</para>
/// <para>Treatments (local times): Swedish massage S1 3 Mar 18:00 (before 7, after 5, 24-h
/// follow-up 6); S2 10 Mar 18:00 (8 → 5, no follow-up); S3 17 Mar 18:00 (7 → 4, follow-up 4);
/// S4 24 Mar 18:00 (8 → 6, follow-up 7); S5 29 Mar 10:00 BST (7 → 7, no follow-up); S6 7 Apr
/// 18:00 (8 → 5, follow-up 5); S7a 14 Apr 10:00 (7 → 5, no follow-up) and S7b 14 Apr 16:00
/// (7 → 5, follow-up 6). Heat H1 5 Mar (4 → 3), H2 12 Mar (5 → 3), H3 16 Apr (4 → 4), H4 23 Apr
/// (4 → 2), all 19:00, no follow-ups. Ear seeds on 20 Apr 08:00 (remove by 25 Apr 08:00), taken
/// off 24 Apr 20:00; presses: 20 Apr 09:30, 20:00; 21 Apr 00:15, 12:00, 20:00; 22 Apr 12:00;
/// 23 Apr 08:00, 12:00, 16:00, 20:00.</para>
/// </remarks>
public sealed class InsightsFixtureTests
{
    private const string London = "Europe/London";
    private const string Swedish = "swedish-massage";
    private const string Heat = "heat";
    private const string EarSeeds = "ear-seeds";

    private static readonly DateOnly From = new(2026, 3, 2);
    private static readonly DateOnly To = new(2026, 4, 26);
    private static readonly Guid Application = Guid.Parse("0195f000-0000-7000-8000-00000000ea75");

    /// <summary>
    /// A London wall-clock time as UTC, by the rule written out rather than by the code under test:
    /// GMT (UTC+0) before Sunday 29 March 2026 02:00 local, BST (UTC+1) from then on.
    /// </summary>
    private static DateTime Local(int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc);
        var bst = local >= new DateTime(2026, 3, 29, 2, 0, 0, DateTimeKind.Utc);
        return bst ? local.AddHours(-1) : local;
    }

    private static readonly (int Month, int Day, int Pain, Radiation Reach, int Hour, int Minute)[] CheckIns =
    [
        (3, 2, 4, Radiation.None, 9, 0), (3, 3, 7, Radiation.BelowKnee, 9, 0), (3, 4, 5, Radiation.Thigh, 9, 0),
        (3, 5, 4, Radiation.Thigh, 9, 0), (3, 6, 7, Radiation.BelowKnee, 9, 0),
        (3, 9, 7, Radiation.BelowKnee, 9, 0), (3, 10, 8, Radiation.BelowKnee, 8, 0), (3, 10, 7, Radiation.BelowKnee, 21, 0),
        (3, 11, 5, Radiation.Thigh, 9, 0), (3, 12, 5, Radiation.Thigh, 9, 0), (3, 13, 4, Radiation.Thigh, 9, 0),
        (3, 14, 4, Radiation.Thigh, 9, 0), (3, 15, 4, Radiation.Thigh, 9, 0),
        (3, 16, 8, Radiation.BelowKnee, 9, 0), (3, 17, 7, Radiation.BelowKnee, 9, 0), (3, 18, 4, Radiation.Thigh, 9, 0),
        (3, 19, 4, Radiation.Thigh, 9, 0), (3, 20, 6, Radiation.Thigh, 9, 0), (3, 21, 4, Radiation.Thigh, 9, 0),
        (3, 22, 4, Radiation.Thigh, 9, 0),
        (3, 23, 8, Radiation.BelowKnee, 9, 0), (3, 24, 8, Radiation.BelowKnee, 9, 0), (3, 25, 6, Radiation.Thigh, 9, 0),
        (3, 26, 4, Radiation.Thigh, 9, 0), (3, 27, 4, Radiation.Thigh, 9, 0), (3, 28, 4, Radiation.Thigh, 23, 30),
        (3, 29, 7, Radiation.Thigh, 9, 30),
        (3, 30, 5, Radiation.Buttock, 0, 30), (3, 30, 6, Radiation.Buttock, 9, 0), (3, 31, 4, Radiation.Buttock, 9, 0),
        (4, 1, 4, Radiation.Buttock, 9, 0), (4, 2, 4, Radiation.Buttock, 9, 0), (4, 3, 7, Radiation.Thigh, 9, 0),
        (4, 4, 6, Radiation.Buttock, 9, 0), (4, 5, 5, Radiation.Buttock, 9, 0),
        (4, 6, 4, Radiation.Buttock, 9, 0), (4, 7, 7, Radiation.Thigh, 9, 0), (4, 8, 5, Radiation.Buttock, 9, 0),
        (4, 9, 4, Radiation.Buttock, 9, 0), (4, 10, 4, Radiation.Buttock, 9, 0), (4, 11, 8, Radiation.Thigh, 9, 0),
        (4, 12, 4, Radiation.Buttock, 9, 0), (4, 12, 5, Radiation.Buttock, 20, 0),
        (4, 13, 4, Radiation.Buttock, 9, 0), (4, 14, 7, Radiation.Thigh, 9, 0), (4, 15, 5, Radiation.Buttock, 9, 0),
        (4, 16, 4, Radiation.Buttock, 9, 0), (4, 17, 4, Radiation.Buttock, 9, 0), (4, 19, 4, Radiation.None, 9, 0),
        (4, 20, 4, Radiation.Buttock, 9, 0), (4, 21, 3, Radiation.Buttock, 9, 0), (4, 22, 4, Radiation.Buttock, 9, 0),
        (4, 23, 3, Radiation.Buttock, 9, 0), (4, 24, 3, Radiation.Buttock, 9, 0), (4, 25, 3, Radiation.Buttock, 9, 0),
        (4, 26, 3, Radiation.Buttock, 9, 0),
    ];

    private static int _ids;

    private static TreatmentPoint Session(string modality, TreatmentKind kind, DateTime utc, int? before, int? after, int? followUp = null, Guid? application = null) =>
        new(Guid.CreateVersion7(utc.AddTicks(Interlocked.Increment(ref _ids))), modality, kind, utc, London, before, after, followUp, application);

    private static TreatmentPoint Press(DateTime utc) => Session(EarSeeds, TreatmentKind.EarSeeds, utc, null, null, application: Application);

    private static InsightsInput Fixture() => new(
        From,
        To,
        [.. CheckIns.Select(c => new PainPoint(Local(c.Month, c.Day, c.Hour, c.Minute), London, c.Pain, c.Reach))],
        [
            Session(Swedish, TreatmentKind.Massage, Local(3, 3, 18), 7, 5, 6),
            Session(Heat, TreatmentKind.HeatOrCold, Local(3, 5, 19), 4, 3),
            Session(Swedish, TreatmentKind.Massage, Local(3, 10, 18), 8, 5),
            Session(Heat, TreatmentKind.HeatOrCold, Local(3, 12, 19), 5, 3),
            Session(Swedish, TreatmentKind.Massage, Local(3, 17, 18), 7, 4, 4),
            Session(Swedish, TreatmentKind.Massage, Local(3, 24, 18), 8, 6, 7),
            Session(Swedish, TreatmentKind.Massage, Local(3, 29, 10), 7, 7),
            Session(Swedish, TreatmentKind.Massage, Local(4, 7, 18), 8, 5, 5),
            Session(Swedish, TreatmentKind.Massage, Local(4, 14, 10), 7, 5),
            Session(Swedish, TreatmentKind.Massage, Local(4, 14, 16), 7, 5, 6),
            Session(Heat, TreatmentKind.HeatOrCold, Local(4, 16, 19), 4, 4),
            Session(Heat, TreatmentKind.HeatOrCold, Local(4, 23, 19), 4, 2),
            Press(Local(4, 20, 9, 30)), Press(Local(4, 20, 20)),
            Press(Local(4, 21, 0, 15)), Press(Local(4, 21, 12)), Press(Local(4, 21, 20)),
            Press(Local(4, 22, 12)),
            Press(Local(4, 23, 8)), Press(Local(4, 23, 12)), Press(Local(4, 23, 16)), Press(Local(4, 23, 20)),
        ],
        [new EarSeedPeriod(Application, Local(4, 20, 8), Local(4, 25, 8), Local(4, 24, 20), London)]);

    private static InsightsReport Report() => InsightsCalculator.Compute(Fixture());

    private static ModalityEffect Modality(string id) => Assert.Single(Report().Modalities, m => m.ModalityId == id);

    [Fact]
    public void Fixture_LocalTimeRule_MatchesTheTimeZoneDatabase()
    {
        // The helper's hand-written rule and .NET's tz data must agree, or every expectation below is off.
        Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(London, out var zone));
        foreach (var c in CheckIns)
        {
            var utc = Local(c.Month, c.Day, c.Hour, c.Minute);
            Assert.Equal(new DateTime(2026, c.Month, c.Day, c.Hour, c.Minute, 0), TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        }
    }

    [Fact]
    public void DailySeries_AcrossTheClockChange_UsesTheLocalDay()
    {
        var days = Report().Days;

        // 56 days less the 3 without check-ins (7, 8 March, 18 April).
        Assert.Equal(53, days.Count);
        Assert.Equal(From, days[0].Date);
        Assert.Equal(To, days[^1].Date);
        // 29 Mar: only the 09:30 BST check-in (7). 30 Mar: 00:30 BST (5) and 09:00 (6) → 11 / 2 = 5.5.
        Assert.Equal(7.0, Assert.Single(days, d => d.Date == new DateOnly(2026, 3, 29)).Pain);
        var monday = Assert.Single(days, d => d.Date == new DateOnly(2026, 3, 30));
        Assert.Equal(5.5, monday.Pain);
        Assert.Equal(2, monday.CheckIns);
        // Trend on 30 Mar: the days 24–30 Mar: 8 + 6 + 4 + 4 + 4 + 7 + 5.5 = 38.5; 38.5 / 7 = 5.5.
        Assert.Equal(5.5, monday.Trend);
        // 28 Mar: the 23:30 GMT check-in is still Saturday (GMT = UTC before the change).
        Assert.Equal(1, Assert.Single(days, d => d.Date == new DateOnly(2026, 3, 28)).CheckIns);
        // 12 Apr: (4 + 5) / 2 = 4.5.
        Assert.Equal(4.5, Assert.Single(days, d => d.Date == new DateOnly(2026, 4, 12)).Pain);
    }

    [Fact]
    public void Modalities_OrderedByHowOftenUsed()
    {
        // Ear-seed presses 10, Swedish massage 8 (S1–S6, S7a, S7b), heat 4.
        Assert.Equal([(EarSeeds, 10), (Swedish, 8), (Heat, 4)], Report().Modalities.Select(m => (m.ModalityId, m.Treatments)));
    }

    [Fact]
    public void Swedish_ImmediateEffect_MeanAndTInterval()
    {
        // after − before: S1 5−7 = −2, S2 5−8 = −3, S3 4−7 = −3, S4 6−8 = −2, S5 7−7 = 0,
        // S6 5−8 = −3, S7a 5−7 = −2, S7b 5−7 = −2. n = 8 (both sessions of 14 Apr count).
        // mean = −17 / 8 = −2.125.
        // deviations: 0.125 (×4: S1, S4, S7a, S7b), −0.875 (×3: S2, S3, S6), 2.125 (S5).
        // Σd² = 4 × 0.015625 + 3 × 0.765625 + 4.515625 = 0.0625 + 2.296875 + 4.515625 = 6.875.
        // s = √(6.875 / 7) = √0.982143 = 0.991.
        // t(0.975, 7 df) = 2.365. s / √8 = 0.991031 / 2.828427 = 0.350382.
        // half-width = 2.364624 × 0.350382 = 0.829; interval −2.125 ± 0.829 = −2.954 to −1.296.
        var immediate = Modality(Swedish).Immediate;

        Assert.Equal(8, immediate.N);
        Assert.True(immediate.Shown);
        Assert.Equal(-2.13, immediate.Mean); // −2.125 rounded away from zero
        Assert.Equal(0.99, immediate.StandardDeviation);
        Assert.Equal(2.365, immediate.TQuantile);
        Assert.Equal(-2.95, immediate.Low);
        Assert.Equal(-1.30, immediate.High);
    }

    [Fact]
    public void Swedish_NextDayEffect_FollowUpWhereGiven_ElseTheNextLocalDay()
    {
        // One observation per treatment day (7 days):
        //   3 Mar  S1 follow-up: 6 − 7 = −1
        //  10 Mar  S2 no follow-up → check-ins: D(11 Mar) − D(10 Mar) = 5 − 7.5 = −2.5
        //  17 Mar  S3 follow-up: 4 − 7 = −3
        //  24 Mar  S4 follow-up: 7 − 8 = −1
        //  29 Mar  S5 no follow-up → check-ins across the clock change: D(30 Mar) − D(29 Mar) = 5.5 − 7 = −1.5
        //          (by UTC days it would be 6 − 6 = 0)
        //   7 Apr  S6 follow-up: 5 − 8 = −3
        //  14 Apr  S7a has no follow-up, S7b has: the earliest with a before and a follow-up → 6 − 7 = −1
        // mean = −13 / 7 = −1.857.
        // deviations from −1.857143: 0.857143 (×3), −0.642857, −1.142857 (×2), 0.357143.
        // Σd² = 3 × 0.734694 + 0.413265 + 2 × 1.306122 + 0.127551 = 2.204082 + 0.413265 + 2.612245 + 0.127551 = 5.357143.
        // s = √(5.357143 / 6) = √0.892857 = 0.945.
        // t(0.975, 6 df) = 2.447. s / √7 = 0.944911 / 2.645751 = 0.357143.
        // half-width = 2.446912 × 0.357143 = 0.874; interval −1.857 ± 0.874 = −2.731 to −0.983.
        var effect = Modality(Swedish);

        Assert.Equal(7, effect.NextDay.N);
        Assert.Equal(-1.86, effect.NextDay.Mean);
        Assert.Equal(0.94, effect.NextDay.StandardDeviation);
        Assert.Equal(2.447, effect.NextDay.TQuantile);
        Assert.Equal(-2.73, effect.NextDay.Low);
        Assert.Equal(-0.98, effect.NextDay.High);
    }

    [Fact]
    public void Swedish_ComparedWithUntreatedDaysThatStartedAsBad()
    {
        // Untreated days: check-ins, no treatment of any kind, and check-ins the next day. Those
        // with pain 6–8 (the only ones within 1 point of a Swedish start of 7, 7.5 or 8):
        //   pain 7 or 8:  9 Mar 7 → D(10 Mar) 7.5: +0.5;  16 Mar 8 → 7: −1;  23 Mar 8 → 8: 0;
        //                 3 Apr 7 → 6: −1;  11 Apr 8 → 4.5: −3.5.          5 days, Σ = −5
        //   pain 6:       20 Mar 6 → 4: −2;  25 Mar 6 → 4: −2;  4 Apr 6 → 5: −1.  3 days, Σ = −5
        //   (6 Mar, pain 7, is not one: 7 Mar has no check-in. 30 Mar, 5.5, is 1.5 from 7.)
        // Baselines: start 7 → days with pain 6–8: 8 days, Σ = −10, b = −1.25.
        //            start 7.5 or 8 → days with pain 7–8 (6.5–8.5, 7–9): 5 days, Σ = −5, b = −1.
        // Differences (change − b):
        //   3 Mar  −1 − (−1.25) = 0.25;   10 Mar −2.5 − (−1) = −1.5;   17 Mar −3 − (−1.25) = −1.75;
        //  24 Mar  −1 − (−1)    = 0;      29 Mar −1.5 − (−1.25) = −0.25;  7 Apr −3 − (−1) = −2;
        //  14 Apr  −1 − (−1.25) = 0.25.
        // Treated: 7 days, mean −13 / 7 = −1.857. Untreated: 8 distinct days;
        // mean of the baselines = (4 × −1.25 + 3 × −1) / 7 = −8 / 7 = −1.143.
        // Mean difference = −5 / 7 = −0.714.
        // deviations from −0.714286: 0.964286 (×2), −0.785714, −1.035714, 0.714286, 0.464286, −1.285714.
        // Σd² = 2 × 0.929847 + 0.617347 + 1.072704 + 0.510204 + 0.215561 + 1.653061 = 5.928571.
        // s = √(5.928571 / 6) = √0.988095 = 0.994. t(0.975, 6 df) = 2.447. s / √7 = 0.375708.
        // half-width = 2.446912 × 0.375708 = 0.919; interval −0.714 ± 0.919 = −1.634 to 0.205.
        var compared = Modality(Swedish).ComparedWithUntreated;

        Assert.True(compared.Shown);
        Assert.Equal(7, compared.Treated);
        Assert.Equal(8, compared.UntreatedDays);
        Assert.Equal(-1.86, compared.TreatedMean);
        Assert.Equal(-1.14, compared.UntreatedMean);
        Assert.Equal(7, compared.Difference.N);
        Assert.Equal(-0.71, compared.Difference.Mean);
        Assert.Equal(0.99, compared.Difference.StandardDeviation);
        Assert.Equal(2.447, compared.Difference.TQuantile);
        Assert.Equal(-1.63, compared.Difference.Low);
        Assert.Equal(0.21, compared.Difference.High);
    }

    [Fact]
    public void Swedish_Responders_ImmediateAndNextDay()
    {
        // Immediate (fall ≥ 2, or ≥ 30% of before): S1 2 ✓, S2 3 ✓, S3 3 ✓, S4 2 ✓, S5 0 ✗,
        // S6 3 ✓, S7a 2 ✓, S7b 2 ✓ → 7 of 8 = 0.875.
        // Next day: 7 → 6 (fall 1 < 2 and < 2.1) ✗; 7.5 → 5 (2.5) ✓; 7 → 4 ✓; 8 → 7 (1 < 2.4) ✗;
        // 7 → 5.5 (1.5 < 2.1) ✗; 8 → 5 ✓; 7 → 6 ✗ → 3 of 7 = 0.429.
        var effect = Modality(Swedish);

        Assert.Equal(new ResponderShare(7, 8), effect.ImmediateResponders);
        Assert.Equal(0.875, effect.ImmediateResponders.Share);
        Assert.Equal(new ResponderShare(3, 7), effect.NextDayResponders);
        Assert.Equal(0.429, effect.NextDayResponders.Share);
    }

    [Fact]
    public void Heat_FourSessions_NotEnoughDataYet()
    {
        // H1 3−4 = −1, H2 3−5 = −2, H3 0, H4 2−4 = −2: n = 4 < 5 → no mean, no interval.
        // Next day by check-ins: 5 Mar 4 → 6 Mar 7: +3; 12 Mar 5 → 4: −1; 16 Apr 4 → 4: 0;
        // 23 Apr 3 → 3: 0. n = 4 → not shown, and so not compared with untreated days.
        // Responders: 4 → 3 (1 < 2 and < 1.2) ✗, 5 → 3 ✓, 4 → 4 ✗, 4 → 2 ✓: 2 of 4, no share below 5.
        var heat = Modality(Heat);

        Assert.Equal(4, heat.Immediate.N);
        Assert.False(heat.Immediate.Shown);
        Assert.Null(heat.Immediate.Mean);
        Assert.Null(heat.Immediate.Low);
        Assert.Equal(4, heat.NextDay.N);
        Assert.Null(heat.NextDay.Mean);
        Assert.Equal(4, heat.ComparedWithUntreated.Treated);
        Assert.False(heat.ComparedWithUntreated.Shown);
        Assert.Null(heat.ComparedWithUntreated.Difference.Mean);
        Assert.Null(heat.ComparedWithUntreated.UntreatedMean);
        Assert.Equal(new ResponderShare(2, 4), heat.ImmediateResponders);
        Assert.Null(heat.ImmediateResponders.Share);
    }

    [Fact]
    public void EarSeedPresses_NoBeforeOrAfter_NextDayFromCheckIns()
    {
        // Presses carry no pain before/after: no immediate observation. Next day by check-ins,
        // one per day with presses: 20 Apr 4 → 3: −1; 21 Apr 3 → 4: +1; 22 Apr 4 → 3: −1; 23 Apr 3 → 3: 0.
        // n = 4: not shown. Responders: none of the 4 falls by 2 or by 30%.
        var seeds = Modality(EarSeeds);

        Assert.Equal(0, seeds.Immediate.N);
        Assert.Equal(4, seeds.NextDay.N);
        Assert.False(seeds.NextDay.Shown);
        Assert.Equal(new ResponderShare(0, 4), seeds.NextDayResponders);
    }

    [Fact]
    public void Radiation_ByWeek_RetreatedTowardTheBack()
    {
        // Levels: back 1, buttock 2, thigh 3, below knee 4, foot 5; "–" days (2 Mar, 19 Apr) left out.
        // Blocks of 7 days ending 26 Apr:
        //   2–8 Mar:   3 Mar 4, 4 Mar 3, 5 Mar 3, 6 Mar 4 (7, 8 none)      → 4 days, 14 / 4 = 3.5
        //   9–15 Mar:  9, 10 → 4; 11–15 → 3                               → 7 days, 23 / 7 = 3.29
        //  16–22 Mar:  16, 17 → 4; 18–22 → 3                              → 23 / 7 = 3.29
        //  23–29 Mar:  23, 24 → 4; 25–29 → 3                              → 23 / 7 = 3.29
        //  30 Mar–5 Apr: 3 Apr 3, six days 2                              → 15 / 7 = 2.14
        //   6–12 Apr:  7, 11 Apr 3; five days 2                           → 16 / 7 = 2.29
        //  13–19 Apr:  14 Apr 3; 13, 15, 16, 17 → 2 (18 none, 19 –)       → 5 days, 11 / 5 = 2.2
        //  20–26 Apr:  seven days 2                                        → 14 / 7 = 2
        // Last 4 weeks: 56 / 26 = 2.154; the 4 before: 83 / 25 = 3.32. 2.154 ≤ 3.32 − 0.5 → retreated.
        var radiation = Report().Radiation;

        Assert.Equal(8, radiation.Weeks.Count);
        Assert.Equal([3.5, 3.29, 3.29, 3.29, 2.14, 2.29, 2.2, 2.0], radiation.Weeks.Select(w => w.MeanLevel!.Value));
        Assert.Equal([4, 7, 7, 7, 7, 7, 5, 7], radiation.Weeks.Select(w => w.Days));
        Assert.Equal(new DateOnly(2026, 3, 2), radiation.Weeks[0].From);
        Assert.Equal(new DateOnly(2026, 3, 8), radiation.Weeks[0].To);
        Assert.Equal(Radiation.BelowKnee, radiation.Weeks[0].Furthest);
        Assert.Equal(Radiation.Buttock, radiation.Weeks[^1].Furthest);
        Assert.Equal(26, radiation.LastFourWeeksDays);
        Assert.Equal(2.15, radiation.LastFourWeeks);
        Assert.Equal(25, radiation.FourWeeksBeforeDays);
        Assert.Equal(3.32, radiation.FourWeeksBefore);
        Assert.Equal(RadiationDirection.Retreated, radiation.Direction);
    }

    [Fact]
    public void Adherence_EarSeedPresses_AgainstTwoToThreeADay()
    {
        // Seeds on 20 Apr 08:00, off 24 Apr 20:00: due 20, 21, 22, 23, 24 Apr (5 days).
        // Presses by local day: 20 → 2 (09:30, 20:00); 21 → 3 (00:15 BST is still 21 Apr locally,
        // 20 Apr in UTC); 22 → 1; 23 → 4; 24 → 0.
        // Met (2–3): 20, 21 → 2; below: 22, 24 → 2; above: 23 → 1; with any: 4; total 10.
        // Mean 10 / 5 = 2; met 2 / 5 = 0.4; with any 4 / 5 = 0.8.
        var presses = Report().EarSeedPresses;

        Assert.Equal(DailyTarget.EarSeedPresses, presses.Target);
        Assert.Equal(5, presses.DaysDue);
        Assert.Equal(2, presses.DaysMet);
        Assert.Equal(2, presses.DaysBelow);
        Assert.Equal(1, presses.DaysAbove);
        Assert.Equal(4, presses.DaysWithAny);
        Assert.Equal(10, presses.Total);
        Assert.Equal(2.0, presses.MeanPerDay);
        Assert.Equal(0.4, presses.ShareMet);
        Assert.Equal(0.8, presses.ShareWithAny);
    }

    [Fact]
    public void Adherence_CheckIns_ShareOfDays()
    {
        // Due: 2 Mar (first day with a check-in) to 26 Apr = 56 days. Without: 7, 8 Mar, 18 Apr → 53 with.
        // Check-ins: 53 days, three of them with two (10 Mar, 30 Mar, 12 Apr) → 56; 56 / 56 = 1.
        // Share with a check-in: 53 / 56 = 0.946.
        var checkIns = Report().CheckIns;

        Assert.Equal(56, checkIns.DaysDue);
        Assert.Equal(53, checkIns.DaysWithAny);
        Assert.Equal(53, checkIns.DaysMet);
        Assert.Equal(3, checkIns.DaysBelow);
        Assert.Equal(56, checkIns.Total);
        Assert.Equal(1.0, checkIns.MeanPerDay);
        Assert.Equal(0.946, checkIns.ShareWithAny);
    }

    [Fact]
    public void WeekSummary_LastFullLocalWeek()
    {
        // Today is Sunday 26 Apr: its week is 20–26 Apr, so the last full week is Mon 13 – Sun 19 Apr.
        // Days: 13 → 4, 14 → 7, 15 → 5, 16 → 4, 17 → 4, 18 none, 19 → 4: 28 / 6 = 4.667.
        // Week before (6–12 Apr): 4 + 7 + 5 + 4 + 4 + 8 + 4.5 = 36.5; 36.5 / 7 = 5.214.
        // Change: 4.667 − 5.214 = −0.548. Check-ins 6. Treatments: Swedish 2 (14 Apr), heat 1 (16 Apr).
        // Best: lowest 4, first on 13 Apr. Worst: 7 on 14 Apr.
        var week = Report().Week;

        Assert.Equal(new DateOnly(2026, 4, 13), week.From);
        Assert.Equal(new DateOnly(2026, 4, 19), week.To);
        Assert.Equal(4.67, week.MeanPain);
        Assert.Equal(5.21, week.PreviousMeanPain);
        Assert.Equal(-0.55, week.Change);
        Assert.Equal(6, week.CheckIns);
        Assert.Equal(6, week.DaysWithCheckIns);
        Assert.Equal([new ModalityCount(Swedish, 2), new ModalityCount(Heat, 1)], week.Treatments);
        Assert.Equal(new DayValue(new DateOnly(2026, 4, 13), 4), week.Best);
        Assert.Equal(new DayValue(new DateOnly(2026, 4, 14), 7), week.Worst);
    }

    [Fact]
    public void Compare_FourSwedishDays_CountsOnly_NotShown()
    {
        // Keep only the Swedish sessions of 3, 17, 24 Mar and 7 Apr (all with follow-ups; 18:00
        // local, so their UTC date is their local day). 10 Mar, 29 Mar and 14 Apr become untreated:
        //   10 Mar 7.5 → 5: −2.5;  29 Mar 7 → 5.5: −1.5;  14 Apr 7 → 5: −2 — all within 1 of 7 and of 8.
        // Starts 7 (3, 17 Mar): 8 + 3 = 11 days; starts 8 (24 Mar, 7 Apr): 5 + 3 = 8 days; 11 distinct.
        // 4 treated days < 5 → counts only: no means, no interval.
        var input = Fixture();
        var keep = new HashSet<DateOnly> { new(2026, 3, 3), new(2026, 3, 17), new(2026, 3, 24), new(2026, 4, 7) };
        var fewer = input with
        {
            Treatments = [.. input.Treatments.Where(t => t.ModalityId != Swedish || keep.Contains(DateOnly.FromDateTime(t.StartedAtUtc)))],
        };

        var compared = Assert.Single(InsightsCalculator.Compute(fewer).Modalities, m => m.ModalityId == Swedish).ComparedWithUntreated;

        Assert.Equal(4, compared.Treated);
        Assert.Equal(11, compared.UntreatedDays);
        Assert.False(compared.Shown);
        Assert.Null(compared.TreatedMean);
        Assert.Null(compared.UntreatedMean);
        Assert.Equal(4, compared.Difference.N);
        Assert.Null(compared.Difference.Mean);
    }

    [Fact]
    public void ReadFrom_CoversTheFixedWindowsAndTheTrend()
    {
        // A 7-day period still needs 8 weeks back for the radiation comparison: 26 Apr − 55 = 2 Mar.
        Assert.Equal(new DateOnly(2026, 3, 2), InsightsCalculator.ReadFrom(new DateOnly(2026, 4, 20), To));
        // A long period needs 6 days before its start for the trend.
        Assert.Equal(new DateOnly(2025, 4, 25), InsightsCalculator.ReadFrom(new DateOnly(2025, 5, 1), To));
    }
}

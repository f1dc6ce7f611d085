namespace SciaticaRelief.Core.Insights;

/// <summary>An ear-seed application reduced to when the seeds were on.</summary>
/// <param name="RemoveByUtc">When they were due off; the end while they have not been taken off.</param>
/// <param name="RemovedAtUtc">When they came off, if they have.</param>
public sealed record EarSeedPeriod(Guid Id, DateTime AppliedAtUtc, DateTime RemoveByUtc, DateTime? RemovedAtUtc, string TimeZoneId);

/// <summary>
/// The plain rows the insights are computed from. <see cref="CheckIns"/> and
/// <see cref="Treatments"/> should reach back before <see cref="From"/> far enough for the fixed
/// windows (8 weeks for the radiation trend, 2 full weeks for the weekly summary: see
/// <see cref="InsightsCalculator.ReadFrom"/>) and the 7-day trend; rows outside are ignored where
/// a figure is defined on the period.
/// </summary>
/// <param name="From">The period's first local day.</param>
/// <param name="To">The period's last local day: the Person's today.</param>
public sealed record InsightsInput(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<PainPoint> CheckIns,
    IReadOnlyList<TreatmentPoint> Treatments,
    IReadOnlyList<EarSeedPeriod> EarSeeds);

/// <summary>Every insight for one Person and one period.</summary>
/// <param name="Days">The daily series in the period (<see cref="DailySeries"/>).</param>
/// <param name="Modalities">Each modality's effect, most used first (<see cref="TreatmentEffects"/>).</param>
/// <param name="Radiation">Reach down the leg by week, and its direction (fixed 8-week window ending today).</param>
/// <param name="CheckIns">Days with a check-in, from the first day with one in the period to today.</param>
/// <param name="EarSeedPresses">Presses a day against 2–3 while seeds were on, in the period.</param>
/// <param name="Week">The last full local week (fixed window).</param>
public sealed record InsightsReport(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DayPain> Days,
    IReadOnlyList<ModalityEffect> Modalities,
    RadiationTrend Radiation,
    Adherence CheckIns,
    Adherence EarSeedPresses,
    WeekSummary Week);

/// <summary>Computes every insight from plain rows; pure (no clock, no I/O).</summary>
public static class InsightsCalculator
{
    /// <summary>
    /// The first local day whose rows the report needs: the period's start, or earlier for the
    /// fixed windows (8 weeks of radiation, two full weeks for the summary) and the 7-day trend.
    /// </summary>
    public static DateOnly ReadFrom(DateOnly from, DateOnly to)
    {
        var windows = to.AddDays(-(7 * 2 * RadiationTrend.ComparedWeeks - 1));
        var week = WeekSummary.LastFullWeekStart(to).AddDays(-7);
        var earliest = new[] { from.AddDays(-(DailySeries.TrendDays - 1)), windows, week }.Min();
        return earliest;
    }

    public static InsightsReport Compute(InsightsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (from, to) = (input.From, input.To);
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(input));
        }
        var means = DailySeries.Means(input.CheckIns);
        var days = DailySeries.FromMeans(means).Where(d => d.Date >= from && d.Date <= to).ToList();
        var zones = new ZoneCache();
        var dated = input.Treatments.Select(t => (Point: t, Date: zones.LocalDay(t.StartedAtUtc, t.TimeZoneId))).ToList();

        var inPeriod = means.Where(d => d.Date >= from && d.Date <= to).ToList();
        var checkIns = Adherence.Compute(DailyTarget.CheckIns,
            inPeriod.Count == 0 ? [] : Adherence.Days(inPeriod[0].Date, to, from, to),
            inPeriod.SelectMany(d => Enumerable.Repeat(d.Date, d.CheckIns)));

        var seedDays = input.EarSeeds.SelectMany(a => Adherence.Days(
            zones.LocalDay(a.AppliedAtUtc, a.TimeZoneId),
            zones.LocalDay(a.RemovedAtUtc ?? a.RemoveByUtc, a.TimeZoneId),
            from, to));
        var presses = Adherence.Compute(DailyTarget.EarSeedPresses, seedDays,
            dated.Where(t => t.Point.EarSeedApplicationId is not null).Select(t => t.Date));

        var weeks = (to.DayNumber - from.DayNumber + 7) / 7;
        return new InsightsReport(
            from,
            to,
            days,
            TreatmentEffects.Compute(dated, means, from, to),
            RadiationTrend.Compute(means, to, weeks),
            checkIns,
            presses,
            WeekSummary.Compute(means, dated.Select(t => (t.Point.ModalityId, t.Date)), to));
    }
}

namespace SciaticaRelief.Core.Insights;

/// <summary>
/// What a plan asks for each day it is in force: at least <paramref name="MinPerDay"/> times, at
/// most <paramref name="MaxPerDay"/> (null: no upper limit). Today the defaults below stand in for a
/// plan; when Plans arrive (a later issue) a plan item becomes one of these and feeds the same
/// computation.
/// </summary>
/// <param name="Id">A stable id for the target ("ear-seed-presses", "check-ins", or a plan item's id).</param>
public sealed record DailyTarget(string Id, int MinPerDay, int? MaxPerDay)
{
    /// <summary>Press the seeds 2–3 times a day while they are on (CLINICAL.md section 5).</summary>
    public static DailyTarget EarSeedPresses { get; } = new("ear-seed-presses", 2, 3);

    /// <summary>At least one check-in a day.</summary>
    public static DailyTarget CheckIns { get; } = new("check-ins", 1, null);
}

/// <summary>How closely the days that were due met a <see cref="DailyTarget"/>.</summary>
/// <param name="DaysDue">Days the target was in force.</param>
/// <param name="DaysMet">Due days with a count from MinPerDay to MaxPerDay.</param>
/// <param name="DaysBelow">Due days with fewer than MinPerDay (none at all included).</param>
/// <param name="DaysAbove">Due days with more than MaxPerDay.</param>
/// <param name="DaysWithAny">Due days with at least one.</param>
/// <param name="Total">Everything done on the due days.</param>
/// <param name="MeanPerDay">Total ÷ DaysDue, 2 decimals; null without due days.</param>
/// <param name="ShareMet">DaysMet ÷ DaysDue, 3 decimals; null without due days.</param>
/// <param name="ShareWithAny">DaysWithAny ÷ DaysDue, 3 decimals; null without due days.</param>
public sealed record Adherence(
    DailyTarget Target,
    int DaysDue,
    int DaysMet,
    int DaysBelow,
    int DaysAbove,
    int DaysWithAny,
    int Total,
    double? MeanPerDay,
    double? ShareMet,
    double? ShareWithAny)
{
    /// <summary>
    /// Counts what was done on each due day. Things done on a day that was not due are not counted
    /// (a press after the seeds came off says nothing about the plan).
    /// </summary>
    /// <param name="dueDays">The local days the target was in force (duplicates count once).</param>
    /// <param name="doneOn">The local day of each thing done, one entry per time.</param>
    public static Adherence Compute(DailyTarget target, IEnumerable<DateOnly> dueDays, IEnumerable<DateOnly> doneOn)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(dueDays);
        ArgumentNullException.ThrowIfNull(doneOn);
        var counts = new Dictionary<DateOnly, int>();
        foreach (var day in dueDays)
        {
            counts[day] = 0;
        }
        foreach (var day in doneOn)
        {
            if (counts.TryGetValue(day, out var c))
            {
                counts[day] = c + 1;
            }
        }
        int met = 0, below = 0, above = 0, any = 0, total = 0;
        foreach (var count in counts.Values)
        {
            total += count;
            any += count > 0 ? 1 : 0;
            if (count < target.MinPerDay)
            {
                below++;
            }
            else if (target.MaxPerDay is { } max && count > max)
            {
                above++;
            }
            else
            {
                met++;
            }
        }
        var due = counts.Count;
        return new Adherence(target, due, met, below, above, any, total,
            due == 0 ? null : Estimate.Round((double)total / due),
            due == 0 ? null : Share(met, due),
            due == 0 ? null : Share(any, due));
    }

    /// <summary>The local days from <paramref name="first"/> to <paramref name="last"/>, both included, within [from, to].</summary>
    public static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last, DateOnly from, DateOnly to)
    {
        var start = first > from ? first : from;
        var end = last < to ? last : to;
        for (var d = start; d <= end; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    private static double Share(int part, int whole) => Math.Round((double)part / whole, 3, MidpointRounding.AwayFromZero);
}

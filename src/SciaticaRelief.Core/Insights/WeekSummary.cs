namespace SciaticaRelief.Core.Insights;

/// <summary>A day and its pain, for the week's best and worst.</summary>
public sealed record DayValue(DateOnly Date, double Pain);

/// <summary>How many treatments of one modality.</summary>
public sealed record ModalityCount(string ModalityId, int Count);

/// <summary>
/// The last full local week (Monday to Sunday, ISO 8601) before the week containing today.
/// </summary>
/// <remarks>
/// Contract: the week's pain is the mean of its days' pains (each the mean of that day's "pain
/// now"; days without check-ins are not counted), 2 decimals, and so is the week before's; the
/// change is week − week before (negative: less pain), from the exact means. Best day = the lowest
/// day's pain, worst = the highest; ties go to the earlier day; both need at least two days with
/// check-ins. Treatments are counted by the local day of their start, by modality, most first.
/// </remarks>
/// <param name="Change">MeanPain − PreviousMeanPain, 2 decimals; null unless both weeks have check-ins.</param>
public sealed record WeekSummary(
    DateOnly From,
    DateOnly To,
    double? MeanPain,
    double? PreviousMeanPain,
    double? Change,
    int CheckIns,
    int DaysWithCheckIns,
    IReadOnlyList<ModalityCount> Treatments,
    DayValue? Best,
    DayValue? Worst)
{
    /// <summary>Monday of the last full week before the week that contains <paramref name="today"/>.</summary>
    public static DateOnly LastFullWeekStart(DateOnly today)
    {
        var sinceMonday = ((int)today.DayOfWeek + 6) % 7;
        return today.AddDays(-sinceMonday - 7);
    }

    /// <param name="days">Daily means (any order).</param>
    /// <param name="treatmentDays">Each treatment's modality and local day.</param>
    /// <param name="today">The Person's local today.</param>
    public static WeekSummary Compute(IEnumerable<DayMean> days, IEnumerable<(string ModalityId, DateOnly Date)> treatmentDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(treatmentDays);
        var from = LastFullWeekStart(today);
        var to = from.AddDays(6);
        var all = days.ToList();
        var week = all.Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToList();
        var previous = all.Where(d => d.Date >= from.AddDays(-7) && d.Date < from).ToList();
        double? mean = week.Count == 0 ? null : week.Average(d => d.Pain);
        double? before = previous.Count == 0 ? null : previous.Average(d => d.Pain);
        var treatments = treatmentDays
            .Where(t => t.Date >= from && t.Date <= to)
            .GroupBy(t => t.ModalityId, StringComparer.Ordinal)
            .Select(g => new ModalityCount(g.Key, g.Count()))
            .OrderByDescending(m => m.Count).ThenBy(m => m.ModalityId, StringComparer.Ordinal)
            .ToList();
        DayValue? best = null, worst = null;
        if (week.Count >= 2)
        {
            var low = week.OrderBy(d => d.Pain).ThenBy(d => d.Date).First();
            var high = week.OrderByDescending(d => d.Pain).ThenBy(d => d.Date).First();
            best = new DayValue(low.Date, Estimate.Round(low.Pain));
            worst = new DayValue(high.Date, Estimate.Round(high.Pain));
        }
        return new WeekSummary(from, to,
            mean is { } m ? Estimate.Round(m) : null,
            before is { } b ? Estimate.Round(b) : null,
            mean is { } m2 && before is { } b2 ? Estimate.Round(m2 - b2) : null,
            week.Sum(d => d.CheckIns), week.Count, treatments, best, worst);
    }
}

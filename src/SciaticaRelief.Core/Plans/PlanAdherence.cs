namespace SciaticaRelief.Core.Plans;

/// <summary>How many of an item's planned days in a window were marked done.</summary>
/// <param name="Planned">Local dates in the window the item was planned for, up to and including today.</param>
/// <param name="Done">Of those, the dates marked done.</param>
public sealed record ItemAdherence(PlanItem Item, int Planned, int Done)
{
    /// <summary>Done / planned, or null when nothing was planned yet (no rate to show).</summary>
    public double? Rate => Planned == 0 ? null : (double)Done / Planned;
}

/// <summary>
/// Adherence of plan items over local dates [from, to]: a planned date counts as done when a
/// completion names it. Dates after <paramref name="today"/> are not yet due and do not count, so a
/// plan that started this week is not shown as missed.
/// </summary>
public static class PlanAdherence
{
    /// <summary>Longest window counted at once, bounding the work of one request.</summary>
    public const int MaxDays = 366;

    public static IReadOnlyList<ItemAdherence> Compute(IEnumerable<PlanItem> items, IEnumerable<PlanCompletion> completions,
        DateOnly from, DateOnly to, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(completions);
        if (to.DayNumber - from.DayNumber > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"At most {MaxDays} days at once.");
        }
        var last = to < today ? to : today;
        var done = completions.Select(c => (c.PlanItemId, c.OccurrenceDate)).ToHashSet();
        var result = new List<ItemAdherence>();
        foreach (var item in items)
        {
            int planned = 0, completed = 0;
            for (var date = from; date <= last; date = date.AddDays(1))
            {
                if (PlanSchedule.OccursOn(item, date))
                {
                    planned++;
                    if (done.Contains((item.Id, date)))
                    {
                        completed++;
                    }
                }
            }
            result.Add(new ItemAdherence(item, planned, completed));
        }
        return result;
    }
}

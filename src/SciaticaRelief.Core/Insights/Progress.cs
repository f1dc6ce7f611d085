namespace SciaticaRelief.Core.Insights;

/// <summary>
/// The month re-screen of CLINICAL.md section 1: after 28 days of check-ins, a last week whose
/// average pain is not at least 30% below the first week's (the clinically important change,
/// Farrar et al. 2001) suggests a routine appointment.
/// </summary>
public static class Progress
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(28);
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);
    public const decimal ImportantFraction = 0.30m;

    /// <summary>True when both weeks have check-ins and the last is not 30% better than the first.</summary>
    public static bool NoProgress(IReadOnlyCollection<int> firstWeekPain, IReadOnlyCollection<int> lastWeekPain)
    {
        ArgumentNullException.ThrowIfNull(firstWeekPain);
        ArgumentNullException.ThrowIfNull(lastWeekPain);
        if (firstWeekPain.Count == 0 || lastWeekPain.Count == 0)
        {
            return false;
        }
        // Decimal, so an exact 30% fall (5 → 3.5) is not lost to binary rounding.
        var first = (decimal)firstWeekPain.Sum() / firstWeekPain.Count;
        var last = (decimal)lastWeekPain.Sum() / lastWeekPain.Count;
        if (first <= 0)
        {
            return false;
        }
        return last > first * (1 - ImportantFraction);
    }
}

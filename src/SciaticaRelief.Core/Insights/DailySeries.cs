using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Time;

namespace SciaticaRelief.Core.Insights;

/// <summary>A check-in reduced to what the daily series needs.</summary>
public readonly record struct PainPoint(DateTime AtUtc, string TimeZoneId, int PainNow, Radiation Radiation);

/// <summary>One local day of the series.</summary>
/// <param name="Date">The Person's local day (in the zone the check-in was made in).</param>
/// <param name="Pain">The mean of that day's "pain now" values.</param>
/// <param name="Trend">The 7-day rolling mean: the mean of the daily means of the days with check-ins in the 7 days ending here.</param>
/// <param name="Radiation">How far down the pain reached that day (the furthest of its check-ins).</param>
/// <param name="CheckIns">How many check-ins the day had.</param>
public sealed record DayPain(DateOnly Date, double Pain, double Trend, Radiation Radiation, int CheckIns);

/// <summary>One local day's unrounded mean, for figures computed from it (the insights' next-day changes).</summary>
/// <param name="Date">The local day (each check-in in the zone it was made in).</param>
/// <param name="Pain">The exact mean of that day's "pain now" values (not rounded).</param>
/// <param name="Radiation">The furthest the pain reached that day.</param>
/// <param name="CheckIns">How many check-ins the day had.</param>
public sealed record DayMean(DateOnly Date, double Pain, Radiation Radiation, int CheckIns);

/// <summary>
/// The day's pain and its trend, defined so two people compute the same figure: the day's pain is
/// the mean of that local day's "pain now" values; the trend is a 7-day rolling mean of those.
/// </summary>
public static class DailySeries
{
    public const int TrendDays = 7;

    public static IReadOnlyList<DayPain> Compute(IEnumerable<PainPoint> points) => FromMeans(Means(points));

    /// <summary>
    /// Each local day's exact mean, oldest first: the figures the series rounds for display, and
    /// the input of <see cref="InsightsCalculator"/> (which must not compute from rounded values).
    /// A check-in's day is its local day in the zone it was made in; an unknown zone counts as UTC.
    /// </summary>
    public static IReadOnlyList<DayMean> Means(IEnumerable<PainPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var zones = new ZoneCache();
        var days = new Dictionary<DateOnly, (int Sum, int Count, Radiation Furthest)>();
        foreach (var p in points)
        {
            var day = zones.LocalDay(p.AtUtc, p.TimeZoneId);
            days[day] = days.TryGetValue(day, out var d)
                ? (d.Sum + p.PainNow, d.Count + 1, p.Radiation > d.Furthest ? p.Radiation : d.Furthest)
                : (p.PainNow, 1, p.Radiation);
        }
        var result = new List<DayMean>(days.Count);
        foreach (var (day, d) in days)
        {
            result.Add(new DayMean(day, (double)d.Sum / d.Count, d.Furthest, d.Count));
        }
        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        return result;
    }

    /// <summary>The rounded series with its trend, from <see cref="Means"/>.</summary>
    public static IReadOnlyList<DayPain> FromMeans(IReadOnlyList<DayMean> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var result = new List<DayPain>(days.Count);
        var start = 0;
        double sum = 0;
        for (var i = 0; i < days.Count; i++)
        {
            sum += days[i].Pain;
            while (days[start].Date.DayNumber <= days[i].Date.DayNumber - TrendDays)
            {
                sum -= days[start].Pain;
                start++;
            }
            var trend = sum / (i - start + 1);
            result.Add(new DayPain(days[i].Date, Math.Round(days[i].Pain, 2), Math.Round(trend, 2), days[i].Radiation, days[i].CheckIns));
        }
        return result;
    }
}

/// <summary>IANA zones looked up once per computation; an unknown zone counts as UTC (as the series always has).</summary>
internal sealed class ZoneCache
{
    private readonly Dictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);

    public TimeZoneInfo Find(string timeZoneId)
    {
        if (!_zones.TryGetValue(timeZoneId, out var zone))
        {
            _zones[timeZoneId] = zone = LocalTime.TryFindZone(timeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        }
        return zone;
    }

    public DateOnly LocalDay(DateTime utc, string timeZoneId) => LocalTime.LocalDay(utc, Find(timeZoneId));
}

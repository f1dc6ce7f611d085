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

/// <summary>
/// The day's pain and its trend, defined so two people compute the same figure: the day's pain is
/// the mean of that local day's "pain now" values; the trend is a 7-day rolling mean of those.
/// </summary>
public static class DailySeries
{
    public const int TrendDays = 7;

    public static IReadOnlyList<DayPain> Compute(IEnumerable<PainPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        var days = points
            .GroupBy(p =>
            {
                if (!zones.TryGetValue(p.TimeZoneId, out var zone))
                {
                    zones[p.TimeZoneId] = zone = LocalTime.TryFindZone(p.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
                }
                return LocalTime.LocalDay(p.AtUtc, zone);
            })
            .Select(g => (Date: g.Key, Pain: g.Average(p => p.PainNow), Radiation: g.Max(p => p.Radiation), Count: g.Count()))
            .OrderBy(d => d.Date)
            .ToList();

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
            result.Add(new DayPain(days[i].Date, Math.Round(days[i].Pain, 2), Math.Round(trend, 2), days[i].Radiation, days[i].Count));
        }
        return result;
    }
}

using System.Text.Json.Serialization;
using SciaticaRelief.Core.Journal;

namespace SciaticaRelief.Core.Insights;

/// <summary>Which way the pain's reach down the leg moved.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RadiationDirection>))]
public enum RadiationDirection
{
    [JsonStringEnumMemberName("not-enough-data")] NotEnoughData,

    /// <summary>It reaches less far: toward the back, which counts as improvement.</summary>
    [JsonStringEnumMemberName("retreated")] Retreated,

    [JsonStringEnumMemberName("stable")] Stable,

    /// <summary>It reaches further down the leg.</summary>
    [JsonStringEnumMemberName("spread")] Spread,
}

/// <summary>One 7-day block of the radiation series.</summary>
/// <param name="From">First local day of the block.</param>
/// <param name="To">Last local day of the block.</param>
/// <param name="Days">Days in the block with check-ins and a marked body map.</param>
/// <param name="MeanLevel">Mean reach of those days (back 1 … foot 5), 2 decimals; null without days.</param>
/// <param name="Furthest">The furthest reach of the block.</param>
public sealed record RadiationWeek(DateOnly From, DateOnly To, int Days, double? MeanLevel, Radiation? Furthest);

/// <summary>
/// How far down the leg the pain reaches, by week, and whether it retreated toward the back.
/// </summary>
/// <remarks>
/// Contract: a day's reach is the furthest of its check-ins (<see cref="DayMean.Radiation"/>) as a
/// level: back 1, buttock 2, thigh 3, below the knee 4, foot 5. Days whose check-ins marked no area
/// (<see cref="Radiation.None"/>) are left out: an empty body map cannot be told from one not filled
/// in. Weeks are 7-day blocks ending on the period's last day (block 0 = to − 6 … to), so the
/// series and the comparison line up. The direction compares the mean level of the last 4 blocks
/// (to − 27 … to) with the 4 before (to − 55 … to − 28): retreated when the last is lower by at
/// least 0.5 (half a region on average), spread when higher by at least 0.5, stable otherwise; not
/// enough data while either side has fewer than 7 days.
/// </remarks>
/// <param name="Weeks">The blocks, oldest first.</param>
/// <param name="LastFourWeeks">Mean level of the last 28 days, 2 decimals.</param>
/// <param name="FourWeeksBefore">Mean level of the 28 days before, 2 decimals.</param>
public sealed record RadiationTrend(
    IReadOnlyList<RadiationWeek> Weeks,
    int LastFourWeeksDays,
    double? LastFourWeeks,
    int FourWeeksBeforeDays,
    double? FourWeeksBefore,
    RadiationDirection Direction)
{
    public const int ComparedWeeks = 4;
    public const int MinimumDays = 7;
    public const double Threshold = 0.5;

    /// <param name="days">The daily means (any order; days outside the blocks are ignored).</param>
    /// <param name="to">The last local day.</param>
    /// <param name="weeks">How many blocks the series shows (at least the 8 the comparison needs).</param>
    public static RadiationTrend Compute(IEnumerable<DayMean> days, DateOnly to, int weeks)
    {
        ArgumentNullException.ThrowIfNull(days);
        weeks = Math.Max(weeks, 2 * ComparedWeeks);
        var first = to.AddDays(-(7 * weeks - 1));
        var blocks = new List<(int Count, int Sum, Radiation Furthest)>(new (int, int, Radiation)[weeks]);
        foreach (var d in days)
        {
            if (d.Radiation == Radiation.None || d.Date < first || d.Date > to)
            {
                continue;
            }
            var block = (to.DayNumber - d.Date.DayNumber) / 7;
            var (count, sum, furthest) = blocks[block];
            blocks[block] = (count + 1, sum + (int)d.Radiation, d.Radiation > furthest ? d.Radiation : furthest);
        }

        var series = new List<RadiationWeek>(weeks);
        for (var b = weeks - 1; b >= 0; b--)
        {
            var (count, sum, furthest) = blocks[b];
            series.Add(new RadiationWeek(to.AddDays(-(7 * b + 6)), to.AddDays(-7 * b), count,
                count == 0 ? null : Estimate.Round((double)sum / count), count == 0 ? null : furthest));
        }

        var (lastDays, lastMean) = Pool(blocks.Take(ComparedWeeks));
        var (beforeDays, beforeMean) = Pool(blocks.Skip(ComparedWeeks).Take(ComparedWeeks));
        var direction = lastDays < MinimumDays || beforeDays < MinimumDays
            ? RadiationDirection.NotEnoughData
            : lastMean <= beforeMean - Threshold + 1e-9 ? RadiationDirection.Retreated
            : lastMean >= beforeMean + Threshold - 1e-9 ? RadiationDirection.Spread
            : RadiationDirection.Stable;
        return new RadiationTrend(series, lastDays, lastDays == 0 ? null : Estimate.Round(lastMean),
            beforeDays, beforeDays == 0 ? null : Estimate.Round(beforeMean), direction);
    }

    private static (int Days, double Mean) Pool(IEnumerable<(int Count, int Sum, Radiation Furthest)> blocks)
    {
        int count = 0, sum = 0;
        foreach (var b in blocks)
        {
            count += b.Count;
            sum += b.Sum;
        }
        return (count, count == 0 ? 0 : (double)sum / count);
    }
}

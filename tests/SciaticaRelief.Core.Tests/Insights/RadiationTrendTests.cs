using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Journal;

namespace SciaticaRelief.Core.Tests.Insights;

public sealed class RadiationTrendTests
{
    private static readonly DateOnly To = new(2026, 6, 28);

    /// <summary>One day a day for 56 days: the 28 older at <paramref name="before"/>, the 28 recent at <paramref name="last"/>.</summary>
    private static IEnumerable<DayMean> Days(Radiation before, Radiation last, int recentDays = 28) =>
        Enumerable.Range(0, 56)
            .Where(i => i >= 28 || i < recentDays)
            .Select(i => new DayMean(To.AddDays(-i), 4, i < 28 ? last : before, 1));

    public static TheoryData<Radiation, Radiation, int, RadiationDirection, string> Rows { get; } = new()
    {
        { Radiation.Foot, Radiation.BelowKnee, 28, RadiationDirection.Retreated, "foot (5) → below knee (4): a whole region toward the back" },
        { Radiation.Buttock, Radiation.Thigh, 28, RadiationDirection.Spread, "buttock (2) → thigh (3): further down the leg" },
        { Radiation.Thigh, Radiation.Thigh, 28, RadiationDirection.Stable, "the same reach" },
        { Radiation.Thigh, Radiation.Buttock, 6, RadiationDirection.NotEnoughData, "only 6 recent days with a marked body map: under 7" },
        { Radiation.Thigh, Radiation.None, 28, RadiationDirection.NotEnoughData, "recent days marked nothing: an empty map is not an improvement we can tell" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Compute_LastFourWeeksAgainstTheFourBefore(Radiation before, Radiation last, int recentDays, RadiationDirection expected, string why)
    {
        var trend = RadiationTrend.Compute(Days(before, last, recentDays), To, weeks: 1);

        Assert.True(expected == trend.Direction, why);
        Assert.Equal(8, trend.Weeks.Count); // at least the 8 weeks the comparison needs
    }

    [Fact]
    public void Compute_HalfARegionOnAverage_IsTheThreshold()
    {
        // Before: thigh (3) every day. Last: 14 days buttock (2), 14 days thigh (3) → 2.5 = 3 − 0.5: retreated.
        var days = Enumerable.Range(0, 56).Select(i => new DayMean(To.AddDays(-i), 4,
            i >= 28 ? Radiation.Thigh : i % 2 == 0 ? Radiation.Buttock : Radiation.Thigh, 1));

        var trend = RadiationTrend.Compute(days, To, weeks: 8);

        Assert.Equal(2.5, trend.LastFourWeeks);
        Assert.Equal(3, trend.FourWeeksBefore);
        Assert.Equal(RadiationDirection.Retreated, trend.Direction);
    }
}

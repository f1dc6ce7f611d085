using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Journal;

namespace SciaticaRelief.Core.Tests.Insights;

public sealed class DailySeriesTests
{
    private const string Berlin = "Europe/Berlin";

    private static PainPoint At(DateTime utc, int pain, Radiation radiation = Radiation.Back, string zone = Berlin) =>
        new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone, pain, radiation);

    /// <summary>A check-in at noon UTC (13:00 or 14:00 in Berlin: safely mid-day) on the given day of July 2026.</summary>
    private static PainPoint July(int day, int pain, Radiation radiation = Radiation.Back) => At(new DateTime(2026, 7, day, 12, 0, 0), pain, radiation);

    [Fact]
    public void Compute_NoPoints_Empty()
    {
        Assert.Empty(DailySeries.Compute([]));
    }

    [Fact]
    public void Compute_TwoCheckInsOneDay_PainIsTheirMean()
    {
        // The day's pain is the mean of "pain now", not the last or the worst value.
        var series = DailySeries.Compute([At(new DateTime(2026, 7, 10, 7, 0, 0), 4), At(new DateTime(2026, 7, 10, 18, 0, 0), 6)]);

        var day = Assert.Single(series);
        Assert.Equal(new DateOnly(2026, 7, 10), day.Date);
        Assert.Equal(5.0, day.Pain);
        Assert.Equal(2, day.CheckIns);
    }

    [Fact]
    public void Compute_UnevenMean_RoundedToTwoDecimals()
    {
        // 4, 4, 5 → 4.333…: the series shows two decimals so two people compute the same figure.
        var series = DailySeries.Compute([July(10, 4), July(10, 4), At(new DateTime(2026, 7, 10, 15, 0, 0), 5)]);

        Assert.Equal(4.33, Assert.Single(series).Pain);
    }

    [Fact]
    public void Compute_LateEveningUtc_CountsOnTheLocalNextDay()
    {
        // 23:30 UTC on 10 July is 01:30 CEST on 11 July in Berlin: a "day" is the Person's local day.
        var series = DailySeries.Compute([At(new DateTime(2026, 7, 10, 21, 0, 0), 2), At(new DateTime(2026, 7, 10, 23, 30, 0), 8)]);

        Assert.Equal([new DateOnly(2026, 7, 10), new DateOnly(2026, 7, 11)], series.Select(d => d.Date));
        Assert.Equal([2.0, 8.0], series.Select(d => d.Pain));
    }

    [Fact]
    public void Compute_PointsInDifferentZones_EachUsesItsOwnLocalDay()
    {
        // Travel: each check-in keeps the zone it was made in.
        var sameInstant = new DateTime(2026, 7, 10, 23, 30, 0);

        var series = DailySeries.Compute([At(sameInstant, 3, zone: Berlin), At(sameInstant, 7, zone: "America/New_York")]);

        Assert.Equal([new DateOnly(2026, 7, 10), new DateOnly(2026, 7, 11)], series.Select(d => d.Date));
        Assert.Equal([7.0, 3.0], series.Select(d => d.Pain));
    }

    public sealed record TrendRow(PainPoint[] Points, (int Day, double Trend)[] Expected, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<TrendRow> TrendRows { get; } = new()
    {
        new([July(1, 2), July(2, 4), July(3, 6)], [(1, 2), (2, 3), (3, 4)],
            "consecutive days: the trend is the mean of the daily means so far"),
        new([July(1, 8), July(9, 2)], [(1, 8), (9, 2)],
            "a day 8 days after the last is outside its 7-day window: not averaged with it"),
        new([July(1, 8), July(7, 2)], [(1, 8), (7, 5)],
            "6 days later is still inside the 7-day window ending that day"),
        new([July(1, 8), July(8, 2)], [(1, 8), (8, 2)],
            "7 days later: the window is days 2-8, so day 1 has just left it"),
        new([July(1, 2), July(1, 8), July(2, 2)], [(1, 5), (2, 3.5)],
            "the trend averages days, not check-ins: a busy day counts once"),
        new([July(3, 6), July(1, 2), July(2, 4)], [(1, 2), (2, 3), (3, 4)],
            "input out of order: days are sorted first"),
        new([July(1, 1), July(2, 2), July(3, 3), July(4, 4), July(5, 5), July(6, 6), July(7, 7), July(8, 8), July(20, 9)],
            [(1, 1), (2, 1.5), (3, 2), (4, 2.5), (5, 3), (6, 3.5), (7, 4), (8, 5), (20, 9)],
            "a full window slides: day 8's trend is days 2-8; after a long gap the window restarts"),
    };

    [Theory]
    [MemberData(nameof(TrendRows))]
    public void Compute_Trend_MeanOfDailyMeansInSevenDayWindow(TrendRow row)
    {
        var series = DailySeries.Compute(row.Points);

        Assert.Equal(row.Expected.Select(e => new DateOnly(2026, 7, e.Day)), series.Select(d => d.Date));
        Assert.Equal(row.Expected.Select(e => e.Trend), series.Select(d => d.Trend));
    }

    [Fact]
    public void Compute_Radiation_IsTheDaysFurthest()
    {
        // The chart shows how far down the leg the pain reached that day, not the last entry's.
        var series = DailySeries.Compute([July(10, 3, Radiation.BelowKnee), July(10, 3, Radiation.Back), July(11, 3, Radiation.Buttock)]);

        Assert.Equal([Radiation.BelowKnee, Radiation.Buttock], series.Select(d => d.Radiation));
    }
}

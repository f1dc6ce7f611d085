using SciaticaRelief.Core.Insights;

namespace SciaticaRelief.Core.Tests.Insights;

public sealed class ImportantChangeTests
{
    public static TheoryData<double, double, bool, string> Rows { get; } = new()
    {
        { 8, 6, true, "a fall of 2 points: reached by points (30% of 8 would be 2.4)" },
        { 8, 6.5, false, "a fall of 1.5 from 8: under 2 points and under 30% (2.4)" },
        { 3, 2, true, "a fall of 1 from 3 is 33%: reached by the 30% rule though under 2 points" },
        { 5, 3.5, true, "5 → 3.5 is exactly 30%: reached (no binary-rounding miss)" },
        { 10, 7, true, "10 → 7: 3 points and 30%: both rules" },
        { 10, 8, true, "10 → 8: 2 points, only 20%: reached by points" },
        { 10, 8.5, false, "10 → 8.5: 1.5 points, 15%: neither" },
        { 1, 0, true, "1 → 0 is a 100% fall" },
        { 0, 0, false, "a before of 0: nothing to fall from, 30% of 0 must not count a zero change" },
        { 0, 2, false, "a before of 0 and a rise" },
        { 4, 4, false, "no change" },
        { 4, 6, false, "a rise of 2 is not an improvement" },
        { 7.5, 5.5, true, "daily means: a fall of exactly 2.0" },
        { 13.0 / 3, 13.0 / 3 - 1.3, true, "daily means: 4.333 → 3.033 is exactly 30%" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Reached_BeforeAndAfter_TwoPointsOrThirtyPercent(double before, double after, bool expected, string why)
    {
        Assert.True(expected == ImportantChange.Reached(before, after), why);
    }

    [Fact]
    public void ResponderShare_CountsAndShareFromFive()
    {
        var four = ResponderShare.Of([(8, 5), (8, 7), (6, 4), (0, 0)]);
        var five = ResponderShare.Of([(8, 5), (8, 7), (6, 4), (0, 0), (3, 2)]);

        Assert.Equal(new ResponderShare(2, 4), four);
        Assert.Null(four.Share); // below 5 observations: counts only
        Assert.Equal(new ResponderShare(3, 5), five);
        Assert.Equal(0.6, five.Share);
    }
}

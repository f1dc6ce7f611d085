using SciaticaRelief.Core.Insights;

namespace SciaticaRelief.Core.Tests.Insights;

public sealed class AdherenceTests
{
    private static readonly DateOnly Monday = new(2026, 6, 1);

    [Fact]
    public void Compute_PlanTarget_DaysMetBelowAndAbove()
    {
        // A plan item of "3 to 4 a day" (how a later plan will feed this): days 1–4 due with 0, 3, 4, 5.
        var target = new DailyTarget("routine-gb30", 3, 4);
        var done = new[] { 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3 }.Select(i => Monday.AddDays(i));

        var adherence = Adherence.Compute(target, Enumerable.Range(0, 4).Select(i => Monday.AddDays(i)), done);

        Assert.Equal(4, adherence.DaysDue);
        Assert.Equal(2, adherence.DaysMet);
        Assert.Equal(1, adherence.DaysBelow);
        Assert.Equal(1, adherence.DaysAbove);
        Assert.Equal(3, adherence.DaysWithAny);
        Assert.Equal(12, adherence.Total);
        Assert.Equal(3, adherence.MeanPerDay);
        Assert.Equal(0.5, adherence.ShareMet);
        Assert.Equal(0.75, adherence.ShareWithAny);
    }

    [Fact]
    public void Compute_DoneOnADayNotDue_NotCounted_AndNoUpperLimit()
    {
        // Check-ins have no upper limit: 5 on one day is still "met". A check-in outside the due days is ignored.
        var adherence = Adherence.Compute(DailyTarget.CheckIns, [Monday], Enumerable.Repeat(Monday, 5).Append(Monday.AddDays(9)));

        Assert.Equal(1, adherence.DaysMet);
        Assert.Equal(0, adherence.DaysAbove);
        Assert.Equal(5, adherence.Total);
    }

    [Fact]
    public void Compute_NothingDue_NoShares()
    {
        var adherence = Adherence.Compute(DailyTarget.EarSeedPresses, [], [Monday]);

        Assert.Equal(0, adherence.DaysDue);
        Assert.Null(adherence.MeanPerDay);
        Assert.Null(adherence.ShareMet);
    }

    [Fact]
    public void Days_ClippedToThePeriod_BothEndsIncluded()
    {
        Assert.Equal([Monday.AddDays(2), Monday.AddDays(3)], Adherence.Days(Monday, Monday.AddDays(5), Monday.AddDays(2), Monday.AddDays(3)));
        Assert.Empty(Adherence.Days(Monday.AddDays(4), Monday.AddDays(5), Monday, Monday.AddDays(3)));
    }
}

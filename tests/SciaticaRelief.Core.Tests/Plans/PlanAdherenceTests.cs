using SciaticaRelief.Core.Plans;
using static SciaticaRelief.Core.Tests.Plans.PlanTestItems;

namespace SciaticaRelief.Core.Tests.Plans;

public sealed class PlanAdherenceTests
{
    private static readonly DateOnly Monday = new(2027, 3, 1);

    private static PlanCompletion Done(PlanItem item, DateOnly date) =>
        new() { PlanItemId = item.Id, OccurrenceDate = date, Id = Guid.NewGuid() };

    [Theory]
    // why: a daily item over a full week, done on 5 of 7 days.
    [InlineData("daily", 6, 5, 7, 5)]
    // why: days after today are not yet due, so a plan started this week is not shown as missed.
    [InlineData("daily", 2, 3, 3, 3)]
    // why: a weekly item on Monday and Thursday is planned twice a week.
    [InlineData("mon-thu", 6, 1, 2, 1)]
    // why: nothing planned yet gives no rate, not zero.
    [InlineData("mon-thu", -1, 0, 0, 0)]
    public void Compute_Cases(string recurrence, int todayOffset, int doneDays, int planned, int done)
    {
        var item = Item(start: Monday, recurrence: recurrence == "daily" ? Recurrence.Daily : Weekly(DayOfWeek.Monday, DayOfWeek.Thursday));
        var completions = Enumerable.Range(0, 7).Select(Monday.AddDays)
            .Where(d => PlanSchedule.OccursOn(item, d)).Take(doneDays).Select(d => Done(item, d));

        var result = Assert.Single(PlanAdherence.Compute([item], completions, Monday, Monday.AddDays(6), Monday.AddDays(todayOffset)));

        Assert.Equal(planned, result.Planned);
        Assert.Equal(done, result.Done);
        Assert.Equal(planned == 0 ? null : (double)done / planned, result.Rate);
    }

    [Fact]
    public void Compute_CompletionOfAnotherItem_DoesNotCount()
    {
        var item = Item(start: Monday);
        var other = Item(start: Monday, id: Guid.NewGuid());

        var result = Assert.Single(PlanAdherence.Compute([item], [Done(other, Monday)], Monday, Monday, Monday));

        Assert.Equal(0, result.Done);
    }

    [Fact]
    public void Compute_WindowLongerThanAYear_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PlanAdherence.Compute([], [], Monday, Monday.AddDays(400), Monday));
}

using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Triage;
using static SciaticaRelief.Core.Tests.Plans.PlanTestItems;

namespace SciaticaRelief.Core.Tests.Plans;

public sealed class PlanScheduleTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    public static TheoryData<string, DateOnly, TimeOnly, DateTime, bool, bool, string> Instants { get; } = new()
    {
        { "Europe/London", new(2027, 3, 27), new(1, 30), Utc(2027, 3, 27, 1, 30), false, false, "GMT the day before the change: local = UTC" },
        { "Europe/London", new(2027, 3, 28), new(1, 30), Utc(2027, 3, 28, 1, 30), true, false, "spring-forward night: London jumps 01:00 GMT to 02:00 BST, so 01:30 becomes 02:30 BST (01:30 UTC)" },
        { "Europe/London", new(2027, 3, 28), new(2, 30), Utc(2027, 3, 28, 1, 30), false, false, "02:30 exists in London that night (the gap is 01:00-02:00): BST, not shifted" },
        { "Europe/London", new(2027, 3, 29), new(1, 30), Utc(2027, 3, 29, 0, 30), false, false, "BST after the change: 01:30 local is 00:30 UTC" },
        { "Europe/London", new(2026, 10, 25), new(1, 30), Utc(2026, 10, 25, 0, 30), false, true, "autumn: 01:30 happens twice, the first (BST) is taken" },
        { "America/New_York", new(2027, 3, 14), new(2, 30), Utc(2027, 3, 14, 7, 30), true, false, "US spring forward: 02:30 EST becomes 03:30 EDT" },
        { "America/New_York", new(2027, 11, 7), new(1, 30), Utc(2027, 11, 7, 5, 30), false, true, "US fall back: first 01:30 (EDT, -4)" },
        { "America/New_York", new(2027, 11, 8), new(9, 0), Utc(2027, 11, 8, 14, 0), false, false, "EST after fall back: 09:00 is 14:00 UTC" },
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void Expand_DailyItem_LocalTimeToTheRightInstant(string zone, DateOnly date, TimeOnly time, DateTime expected, bool shifted, bool ambiguous, string why)
    {
        var item = Item(zone: zone, start: date.AddDays(-3), time: time);
        var day = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var o = PlanSchedule.Expand(item, day.AddHours(-12), day.AddHours(36)).Single(x => x.Date == date);
        Assert.True((expected, shifted, ambiguous) == (o.StartUtc, o.ShiftedForward, o.Ambiguous), why);
    }

    public static TheoryData<Recurrence, DateOnly?, int, string> Counts { get; } = new()
    {
        { Recurrence.None, null, 1, "a single item happens once" },
        { Recurrence.Daily, null, 28, "daily over four weeks" },
        { Recurrence.Daily, new DateOnly(2027, 3, 1), 4, "the end date is the last day (inclusive): 26, 27, 28 Feb and 1 Mar" },
        { Weekly(DayOfWeek.Monday, DayOfWeek.Thursday), null, 8, "two chosen days a week" },
        { new Recurrence(RecurrenceKind.EveryNWeeks, 2, [DayOfWeek.Saturday]), null, 2, "every other Saturday: 27 Feb and 13 Mar" },
        { new Recurrence(RecurrenceKind.EveryNWeeks, 3, [DayOfWeek.Friday]), null, 2, "every third Friday: 26 Feb, 19 Mar" },
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void Expand_Recurrences_CountInFourWeeks(Recurrence recurrence, DateOnly? end, int expected, string why)
    {
        // Friday 26 Feb 2027, four weeks.
        var item = Item(start: new DateOnly(2027, 2, 26), time: new TimeOnly(9, 0), recurrence: recurrence, end: end);
        Assert.True(expected == PlanSchedule.Expand(item, Utc(2027, 2, 26, 0, 0), Utc(2027, 3, 26, 0, 0)).Count, why);
    }

    [Fact]
    public void Expand_Weekly_StaysAtLocalTimeAcrossDst()
    {
        var item = Item(zone: "America/New_York", start: new DateOnly(2027, 10, 25), time: new TimeOnly(9, 0), recurrence: Weekly(DayOfWeek.Monday));
        var hours = PlanSchedule.Expand(item, Utc(2027, 10, 25, 0, 0), Utc(2027, 11, 16, 0, 0)).Select(o => (o.LocalStart.Hour, o.StartUtc.Hour));
        Assert.Equal([(9, 13), (9, 13), (9, 14), (9, 14)], hours);
    }

    public static TheoryData<PlanItemKind, TriageLevel, bool, string> Pauses { get; } = new()
    {
        { PlanItemKind.MassageAppointment, TriageLevel.Urgent, true, "urgent pauses massage" },
        { PlanItemKind.HomeRoutine, TriageLevel.Emergency, true, "emergency pauses home care" },
        { PlanItemKind.EarSeedChange, TriageLevel.Urgent, true, "ear seeds are home care" },
        { PlanItemKind.EarSeedPresses, TriageLevel.Urgent, true, "ear seed presses are home care" },
        { PlanItemKind.DailyCheckIn, TriageLevel.Emergency, false, "the check-in records that things changed: never paused" },
        { PlanItemKind.MassageAppointment, TriageLevel.Routine, false, "routine: suggestions go on" },
        { PlanItemKind.HomeRoutine, TriageLevel.SelfCare, false, "no red flag" },
    };

    [Theory]
    [MemberData(nameof(Pauses))]
    public void IsPaused_FollowsTriage(PlanItemKind kind, TriageLevel level, bool paused, string why) =>
        Assert.True(paused == PlanSchedule.IsPaused(kind, level), why);

    [Fact]
    public void NextUp_SoonestFirst_PausedLeftOut()
    {
        var massage = Item(kind: PlanItemKind.MassageAppointment, time: new TimeOnly(18, 0), recurrence: Weekly(DayOfWeek.Friday), id: Guid.NewGuid());
        var checkIn = Item(kind: PlanItemKind.DailyCheckIn, time: new TimeOnly(20, 0), id: Guid.NewGuid());
        var now = Utc(2027, 4, 2, 12, 0); // a Friday noon, BST
        var next = PlanSchedule.NextUp([checkIn, massage], now, 3, TriageLevel.SelfCare);
        Assert.Equal([(massage.Id, 17), (checkIn.Id, 19), (checkIn.Id, 19)], next.Select(o => (o.Item.Id, o.StartUtc.Hour)));
        Assert.All(PlanSchedule.NextUp([checkIn, massage], now, 3, TriageLevel.Urgent), o => Assert.Equal(checkIn.Id, o.Item.Id));
    }

    [Fact]
    public void TimeNotes_SayWhatWasShiftedAndWhatWasAmbiguous()
    {
        var gap = PlanSchedule.TimeNotes(Item(start: new DateOnly(2027, 3, 1), time: new TimeOnly(1, 30), end: new DateOnly(2027, 4, 1)));
        var note = Assert.Single(gap);
        Assert.Equal(new DateOnly(2027, 3, 28), note.Date);
        Assert.Contains("02:30", note.Message, StringComparison.Ordinal);
        var overlap = PlanSchedule.TimeNotes(Item(start: new DateOnly(2026, 10, 20), time: new TimeOnly(1, 30), end: new DateOnly(2026, 11, 1)));
        Assert.Contains("first 01:30", Assert.Single(overlap).Message, StringComparison.Ordinal);
        Assert.Empty(PlanSchedule.TimeNotes(Item(start: new DateOnly(2027, 3, 1), time: new TimeOnly(18, 0))));
    }
}

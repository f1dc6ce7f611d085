using SciaticaRelief.Core.Questionnaires;

namespace SciaticaRelief.Core.Tests.Questionnaires;

public sealed class ScheduleRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    public sealed record Row(ScheduleFrequency Frequency, DateOnly StartsOn, DateOnly? LastAnswered, DateOnly NextDue, bool Due, string Why, bool Active = true)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<Row> Rows { get; } = new()
    {
        new(ScheduleFrequency.Weekly, new(2026, 11, 25), null, new(2026, 11, 25), true, "never answered: due on its first day"),
        new(ScheduleFrequency.Weekly, new(2026, 12, 1), null, new(2026, 12, 1), false, "a schedule starting next week is not due yet"),
        new(ScheduleFrequency.Weekly, new(2026, 11, 1), new(2026, 11, 18), new(2026, 11, 25), true, "answered 7 days ago: due today"),
        new(ScheduleFrequency.Weekly, new(2026, 11, 1), new(2026, 11, 19), new(2026, 11, 26), false, "answered 6 days ago: due tomorrow"),
        new(ScheduleFrequency.Daily, new(2026, 11, 1), new(2026, 11, 25), new(2026, 11, 26), false, "daily, answered today: done for today"),
        new(ScheduleFrequency.Daily, new(2026, 11, 1), new(2026, 11, 20), new(2026, 11, 21), true, "missed days stay due, once"),
        new(ScheduleFrequency.Monthly, new(2026, 10, 1), new(2026, 10, 31), new(2026, 11, 30), false, "a calendar month after 31 October is 30 November"),
        new(ScheduleFrequency.Monthly, new(2026, 10, 1), new(2026, 10, 25), new(2026, 11, 25), true, "a month after 25 October is today"),
        new(ScheduleFrequency.Weekly, new(2026, 11, 30), new(2026, 11, 10), new(2026, 11, 30), false, "an answer before the start does not make it due before the start"),
        new(ScheduleFrequency.Weekly, new(2026, 11, 1), null, new(2026, 11, 1), false, "a stopped schedule is never due", Active: false),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void StatusOf_GivesTheNextDueDay(Row row)
    {
        var schedule = new QuestionnaireSchedule { InstrumentId = "sciatica-index", Frequency = row.Frequency, StartsOn = row.StartsOn, Active = row.Active };

        var status = ScheduleRules.StatusOf(schedule, row.LastAnswered, Today);

        Assert.Equal(row.NextDue, status.NextDue);
        Assert.Equal(row.Due, status.Due);
    }
}

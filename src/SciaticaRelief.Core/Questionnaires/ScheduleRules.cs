namespace SciaticaRelief.Core.Questionnaires;

/// <summary>When a scheduled Instrument is next due, in the Person's local days.</summary>
/// <param name="NextDue">The local day it is (or was) due.</param>
/// <param name="Due">True when that day is today or past: show it as due.</param>
public sealed record ScheduleStatus(DateOnly NextDue, bool Due);

/// <summary>
/// A schedule is due one interval (a day, 7 days, a calendar month) after the last answer, and on
/// its start day when it has never been answered. Answering early moves the next one on: people
/// answer when they can, and the spacing between answers is what the important change assumes.
/// </summary>
public static class ScheduleRules
{
    public static ScheduleStatus StatusOf(QuestionnaireSchedule schedule, DateOnly? lastAnswered, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var next = lastAnswered is { } last ? After(last, schedule.Frequency) : schedule.StartsOn;
        if (next < schedule.StartsOn)
        {
            next = schedule.StartsOn;
        }
        return new ScheduleStatus(next, schedule.Active && next <= today);
    }

    public static DateOnly After(DateOnly day, ScheduleFrequency frequency) => frequency switch
    {
        ScheduleFrequency.Daily => day.AddDays(1),
        ScheduleFrequency.Weekly => day.AddDays(7),
        ScheduleFrequency.Monthly => day.AddMonths(1),
    };

    public static string WireName(this ScheduleFrequency frequency) => frequency switch
    {
        ScheduleFrequency.Daily => "daily",
        ScheduleFrequency.Weekly => "weekly",
        ScheduleFrequency.Monthly => "monthly",
    };

    public static bool TryParse(string? name, out ScheduleFrequency frequency)
    {
        foreach (var f in Enum.GetValues<ScheduleFrequency>())
        {
            if (string.Equals(f.WireName(), name, StringComparison.Ordinal))
            {
                frequency = f;
                return true;
            }
        }
        frequency = default;
        return false;
    }
}

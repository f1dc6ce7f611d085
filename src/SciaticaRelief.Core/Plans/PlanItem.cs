using System.Text.Json.Serialization;

namespace SciaticaRelief.Core.Plans;

/// <summary>What a plan item asks the Person to do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanItemKind>))]
public enum PlanItemKind
{
    [JsonStringEnumMemberName("massage-appointment")] MassageAppointment,
    [JsonStringEnumMemberName("home-routine")] HomeRoutine,
    [JsonStringEnumMemberName("ear-seed-change")] EarSeedChange,
    [JsonStringEnumMemberName("ear-seed-presses")] EarSeedPresses,
    [JsonStringEnumMemberName("daily-check-in")] DailyCheckIn,
}

public static class PlanItemKindExtensions
{
    /// <summary>
    /// Massage and home care pause while triage says to seek care (PRODUCT.md); the daily check-in
    /// does not, since it is how a Person records that things changed.
    /// </summary>
    public static bool IsSelfCare(this PlanItemKind kind) => kind switch
    {
        PlanItemKind.MassageAppointment => true,
        PlanItemKind.HomeRoutine => true,
        PlanItemKind.EarSeedChange => true,
        PlanItemKind.EarSeedPresses => true,
        PlanItemKind.DailyCheckIn => false,
    };

    /// <summary>The default title, shown (and put in the calendar) when the Person gave none.</summary>
    public static string Label(this PlanItemKind kind) => kind switch
    {
        PlanItemKind.MassageAppointment => "Massage appointment",
        PlanItemKind.HomeRoutine => "Home routine",
        PlanItemKind.EarSeedChange => "Change ear seeds",
        PlanItemKind.EarSeedPresses => "Press ear seeds",
        PlanItemKind.DailyCheckIn => "Daily check-in",
    };
}

[JsonConverter(typeof(JsonStringEnumConverter<RecurrenceKind>))]
public enum RecurrenceKind
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("daily")] Daily,
    /// <summary>Every week on the chosen days.</summary>
    [JsonStringEnumMemberName("weekly")] Weekly,
    /// <summary>Every N weeks (2 or more) on the chosen days; weeks start on Monday (RFC 5545 WKST default).</summary>
    [JsonStringEnumMemberName("every-n-weeks")] EveryNWeeks,
}

/// <summary>How an item repeats. <paramref name="IntervalWeeks"/> is 1 for weekly; days are empty unless weekly.</summary>
public sealed record Recurrence(RecurrenceKind Kind, int IntervalWeeks, IReadOnlyList<DayOfWeek> Days)
{
    public static Recurrence None { get; } = new(RecurrenceKind.None, 1, []);
    public static Recurrence Daily { get; } = new(RecurrenceKind.Daily, 1, []);
    public bool Repeats => Kind != RecurrenceKind.None;
}

/// <summary>
/// One validated plan item. The time is a local wall-clock time in the Person's zone, kept as such
/// (not as an instant) so a weekly 18:00 massage stays at 18:00 across daylight-saving changes.
/// </summary>
public sealed record PlanItem(
    Guid Id,
    PlanItemKind Kind,
    string? Title,
    string? Place,
    string? TherapistName,
    string? ModalityId,
    DateOnly StartDate,
    TimeOnly TimeOfDay,
    int DurationMinutes,
    Recurrence Recurrence,
    DateOnly? EndDate,
    int? ReminderMinutesBefore,
    string ZoneId)
{
    public string DisplayTitle => Title ?? Kind.Label();
}

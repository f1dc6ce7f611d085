namespace SciaticaRelief.Core.Plans;

/// <summary>A plan item as the form or the API sends it: anything may be missing or out of range.</summary>
public sealed record PlanItemInput
{
    public PlanItemKind? Kind { get; init; }
    public string? Title { get; init; }
    public string? Place { get; init; }
    public string? TherapistName { get; init; }
    public string? ModalityId { get; init; }
    public DateOnly? StartDate { get; init; }
    public TimeOnly? TimeOfDay { get; init; }
    public int? DurationMinutes { get; init; }
    public RecurrenceKind? Recurrence { get; init; }
    public int? IntervalWeeks { get; init; }
    public IReadOnlyList<DayOfWeek>? Days { get; init; }
    public DateOnly? EndDate { get; init; }
    public int? ReminderMinutesBefore { get; init; }
    public string? ZoneId { get; init; }
}

using SciaticaRelief.Core.Plans;

namespace SciaticaRelief.Core.Tests.Plans;

internal static class PlanTestItems
{
    public static PlanItem Item(
        PlanItemKind kind = PlanItemKind.HomeRoutine, string zone = "Europe/London", DateOnly? start = null,
        TimeOnly? time = null, Recurrence? recurrence = null, DateOnly? end = null, int? reminder = null,
        string? title = null, string? place = null, string? therapist = null, Guid? id = null) =>
        new(id ?? Guid.Parse("6f1c2a0e-1b7d-4c1e-9f3a-2d5e8c7b9a01"), kind, title, place, therapist,
            kind == PlanItemKind.HomeRoutine ? "heat" : null, start ?? new DateOnly(2027, 3, 26), time ?? new TimeOnly(1, 30), 30,
            recurrence ?? Recurrence.Daily, end, reminder, zone);

    public static Recurrence Weekly(params DayOfWeek[] days) => new(RecurrenceKind.Weekly, 1, days);
}

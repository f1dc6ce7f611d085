using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Validation;
using static SciaticaRelief.Core.Tests.Plans.PlanTestItems;

namespace SciaticaRelief.Core.Tests.Plans;

public sealed class AppointmentOverlapTests
{
    private static readonly DateTime From = new(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    // The existing appointment: Fridays 18:00-18:30 from Friday 5 March 2027.
    private static readonly PlanItem Existing = Item(kind: PlanItemKind.MassageAppointment, start: new DateOnly(2027, 3, 5),
        time: new TimeOnly(18, 0), recurrence: Weekly(DayOfWeek.Friday), id: Guid.NewGuid());

    public static TheoryData<PlanItemKind, TimeOnly, Recurrence, bool, string> Rows { get; } = new()
    {
        { PlanItemKind.MassageAppointment, new(18, 15), Weekly(DayOfWeek.Friday), true, "starts inside the other" },
        { PlanItemKind.MassageAppointment, new(17, 45), Weekly(DayOfWeek.Friday), true, "ends inside the other" },
        { PlanItemKind.MassageAppointment, new(18, 30), Weekly(DayOfWeek.Friday), false, "starts as the other ends: back to back is fine" },
        { PlanItemKind.MassageAppointment, new(18, 0), Weekly(DayOfWeek.Thursday), false, "another day" },
        { PlanItemKind.MassageAppointment, new(18, 0), new Recurrence(RecurrenceKind.EveryNWeeks, 4, [DayOfWeek.Friday]), true, "every fourth Friday still meets a weekly Friday" },
        { PlanItemKind.HomeRoutine, new(18, 0), Weekly(DayOfWeek.Friday), false, "home care may overlap an appointment" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Check_FindsClashesBetweenAppointments(PlanItemKind kind, TimeOnly time, Recurrence recurrence, bool clash, string why)
    {
        var candidate = Item(kind: kind, start: new DateOnly(2027, 3, 1), time: time, recurrence: recurrence, id: Guid.NewGuid());
        var errors = new ValidationErrors();
        AppointmentOverlap.Check(candidate, [Existing], From, errors);
        Assert.True(clash == !errors.IsEmpty, why);
    }

    [Fact]
    public void Check_SameItemEdited_IsNotItsOwnClash()
    {
        var errors = new ValidationErrors();
        AppointmentOverlap.Check(Existing, [Existing], From, errors);
        Assert.True(errors.IsEmpty);
    }
}

using SciaticaRelief.Core.Plans;

namespace SciaticaRelief.Core.Tests.Plans;

public sealed class PlanItemValidatorTests
{
    private static readonly string[] HomeIds = ["self-acupressure", "heat", "massage-chair"];

    private static PlanItemInput Valid => new()
    {
        Kind = PlanItemKind.HomeRoutine, ModalityId = "heat", StartDate = new DateOnly(2026, 12, 7),
        TimeOfDay = new TimeOnly(18, 0), DurationMinutes = 20, Recurrence = RecurrenceKind.Daily, ZoneId = "Europe/London",
    };

    [Fact]
    public void Valid_Input_GivesTheItem()
    {
        var result = PlanItemValidator.Validate(Guid.NewGuid(), Valid, HomeIds);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.All));
        Assert.Equal("heat", result.Value!.ModalityId);
    }

    public static TheoryData<Func<PlanItemInput, PlanItemInput>, string, string> Invalid { get; } = new()
    {
        { i => i with { Kind = null }, "kind", "kind is required" },
        { i => i with { Kind = (PlanItemKind)99 }, "kind", "a number outside the enum from JSON" },
        { i => i with { ModalityId = null }, "modalityId", "a home routine names its modality" },
        { i => i with { ModalityId = "swedish-massage" }, "modalityId", "a therapist's treatment is not a home routine" },
        { i => i with { ZoneId = "Mars/Olympus" }, "zoneId", "unknown zone" },
        { i => i with { ZoneId = null }, "zoneId", "zone missing" },
        { i => i with { StartDate = null }, "startDate", "start date required" },
        { i => i with { StartDate = new DateOnly(1999, 12, 31) }, "startDate", "a typing mistake years off" },
        { i => i with { TimeOfDay = null }, "timeOfDay", "time required" },
        { i => i with { DurationMinutes = 0 }, "durationMinutes", "nothing takes no time" },
        { i => i with { DurationMinutes = 481 }, "durationMinutes", "over eight hours is not one session" },
        { i => i with { DurationMinutes = null }, "durationMinutes", "duration required" },
        { i => i with { ReminderMinutesBefore = -5 }, "reminderMinutesBefore", "a reminder after the start" },
        { i => i with { ReminderMinutesBefore = 10081 }, "reminderMinutesBefore", "over a week ahead" },
        { i => i with { EndDate = new DateOnly(2026, 12, 6) }, "endDate", "end before start" },
        { i => i with { Recurrence = RecurrenceKind.EveryNWeeks }, "intervalWeeks", "every N weeks needs N" },
        { i => i with { Recurrence = RecurrenceKind.EveryNWeeks, IntervalWeeks = 1 }, "intervalWeeks", "N=1 is weekly" },
        { i => i with { Recurrence = RecurrenceKind.EveryNWeeks, IntervalWeeks = 53 }, "intervalWeeks", "more than a year apart" },
        { i => i with { Recurrence = RecurrenceKind.Weekly, Days = [(DayOfWeek)7] }, "days", "not a weekday" },
        { i => i with { Recurrence = RecurrenceKind.Weekly, Days = [DayOfWeek.Friday], EndDate = new DateOnly(2026, 12, 10) }, "days", "Monday to Thursday holds no Friday: no occurrence at all" },
        { i => i with { Recurrence = (RecurrenceKind)9 }, "recurrence", "unknown recurrence" },
        { i => i with { Title = new string('a', 81) }, "title", "title over 80 characters" },
        { i => i with { Title = "x\r\nBEGIN:VEVENT" }, "title", "a line break in a one-line field (calendar injection)" },
        { i => i with { Title = "bell\u0007" }, "title", "control character" },
        { i => i with { Kind = PlanItemKind.MassageAppointment, Place = new string('p', 201) }, "place", "place over 200" },
        { i => i with { Kind = PlanItemKind.MassageAppointment, TherapistName = "Ann\0" }, "therapistName", "NUL in a name" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_Input_NamesTheField(Func<PlanItemInput, PlanItemInput> change, string field, string why)
    {
        var result = PlanItemValidator.Validate(Guid.NewGuid(), change(Valid), HomeIds);
        Assert.False(result.IsValid, why);
        Assert.NotEmpty(result.Errors.For(field));
    }

    [Fact]
    public void Weekly_NoDayChosen_TakesTheStartDatesDay()
    {
        var result = PlanItemValidator.Validate(Guid.NewGuid(), Valid with { Recurrence = RecurrenceKind.Weekly }, HomeIds);
        Assert.Equal([DayOfWeek.Monday], result.Value!.Recurrence.Days);
    }

    [Fact]
    public void Massage_KeepsPlaceAndTherapist_OtherKindsDropThem()
    {
        var massage = PlanItemValidator.Validate(Guid.NewGuid(),
            Valid with { Kind = PlanItemKind.MassageAppointment, Place = "Clinic, 1 High St", TherapistName = "Ann" }, HomeIds).Value!;
        Assert.Equal(("Clinic, 1 High St", "Ann", (string?)null), (massage.Place, massage.TherapistName, massage.ModalityId));
        var checkIn = PlanItemValidator.Validate(Guid.NewGuid(), Valid with { Kind = PlanItemKind.DailyCheckIn, Place = "x" }, HomeIds).Value!;
        Assert.Null(checkIn.Place);
    }
}

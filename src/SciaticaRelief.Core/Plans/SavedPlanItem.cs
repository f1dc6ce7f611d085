namespace SciaticaRelief.Core.Plans;

/// <summary>
/// A plan item as stored: the columns of <see cref="PlanItem"/>, plus who assigned it, the
/// Therapist's home-care details, and an edit counter that becomes the feed's SEQUENCE so calendar
/// apps take an edit as newer.
/// </summary>
public sealed class SavedPlanItem
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }
    public PlanItemKind Kind { get; set; }
    public string? Title { get; set; }
    public string? Place { get; set; }
    public string? TherapistName { get; set; }
    public string? ModalityId { get; set; }
    public DateOnly StartDate { get; set; }
    public TimeOnly TimeOfDay { get; set; }
    public int DurationMinutes { get; set; }
    public RecurrenceKind RecurrenceKind { get; set; }
    public int IntervalWeeks { get; set; } = 1;

    /// <summary>Bit (1 &lt;&lt; (int)DayOfWeek) for each chosen day.</summary>
    public int Days { get; set; }

    public DateOnly? EndDate { get; set; }
    public int? ReminderMinutesBefore { get; set; }
    public string ZoneId { get; set; } = "UTC";

    /// <summary>Point ids (body or ear) of a Therapist's home-care plan.</summary>
    public List<string> Points { get; set; } = [];

    /// <summary>The Therapist's instructions (machine use, frequency, how long), shown with the item.</summary>
    public string? Instructions { get; set; }

    /// <summary>
    /// The precautions of this home care for the Person's health conditions when it was planned or
    /// assigned (<see cref="PlanItemValidator.CheckSafety"/>), with their sources: shown with the item.
    /// </summary>
    public List<Recommendations.Precaution> Precautions { get; set; } = [];

    /// <summary>The Therapist who assigned it; null when the Person planned it.</summary>
    public Guid? AssignedByTherapistId { get; set; }

    /// <summary>Bumped on every edit; the feed's SEQUENCE.</summary>
    public int Sequence { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }

    public PlanItem ToPlanItem() => new(Id, Kind, Title, Place, TherapistName, ModalityId, StartDate, TimeOfDay, DurationMinutes,
        new Recurrence(RecurrenceKind, IntervalWeeks, DaysOf(Days)), EndDate, ReminderMinutesBefore, ZoneId);

    /// <summary>Copies a validated item's schedule into this row (not the ids, owner or assignment).</summary>
    public void CopyFrom(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Kind = item.Kind;
        Title = item.Title;
        Place = item.Place;
        TherapistName = item.TherapistName;
        ModalityId = item.ModalityId;
        StartDate = item.StartDate;
        TimeOfDay = item.TimeOfDay;
        DurationMinutes = item.DurationMinutes;
        RecurrenceKind = item.Recurrence.Kind;
        IntervalWeeks = item.Recurrence.IntervalWeeks;
        Days = item.Recurrence.Days.Aggregate(0, (bits, d) => bits | (1 << (int)d));
        EndDate = item.EndDate;
        ReminderMinutesBefore = item.ReminderMinutesBefore;
        ZoneId = item.ZoneId;
    }

    private static List<DayOfWeek> DaysOf(int bits) =>
        [.. Enum.GetValues<DayOfWeek>().Where(d => (bits & (1 << (int)d)) != 0).OrderBy(d => ((int)d + 6) % 7)];
}

/// <summary>One occurrence of a plan item marked done (adherence); unique per item and local date.</summary>
public sealed class PlanCompletion
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }
    public Guid PlanItemId { get; set; }
    public DateOnly OccurrenceDate { get; set; }
    public DateTime CompletedAtUtc { get; set; }

    /// <summary>The treatment logged for it, when the Person saved one.</summary>
    public Guid? TreatmentId { get; set; }
}

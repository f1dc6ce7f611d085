using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Web.Treatments;

namespace SciaticaRelief.Web.Plans;

/// <summary>A plan item as the API takes it (create and update). The time zone is the Profile's; it is not sent.</summary>
/// <param name="Kind">massage-appointment, home-routine, ear-seed-change, ear-seed-presses or daily-check-in.</param>
/// <param name="Place">Massage appointments: where.</param>
/// <param name="TherapistName">Massage appointments: with whom.</param>
/// <param name="ModalityId">Home routines: a home-care modality id from GET /api/v1/modalities (setting "home").</param>
/// <param name="StartDate">The first local date, e.g. 2026-12-01.</param>
/// <param name="TimeOfDay">The local wall-clock time, e.g. 18:00; it stays 18:00 across daylight-saving changes.</param>
/// <param name="Recurrence">none, daily, weekly or every-n-weeks.</param>
/// <param name="IntervalWeeks">every-n-weeks: 2 to 52.</param>
/// <param name="Days">weekly and every-n-weeks: day names (monday ... sunday); none means the start date's day.</param>
/// <param name="EndDate">The last local date of a repeating item; none repeats until deleted.</param>
/// <param name="ReminderMinutesBefore">A calendar alarm this many minutes before; none for no alarm.</param>
public sealed record PlanItemRequest(
    PlanItemKind? Kind,
    string? Title,
    string? Place,
    string? TherapistName,
    string? ModalityId,
    DateOnly? StartDate,
    TimeOnly? TimeOfDay,
    int? DurationMinutes,
    RecurrenceKind? Recurrence,
    int? IntervalWeeks,
    IReadOnlyList<string>? Days,
    DateOnly? EndDate,
    int? ReminderMinutesBefore)
{
    /// <summary>The input for Core's validator; day names that are not days go into <paramref name="errors"/>.</summary>
    public PlanItemInput ToInput(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new PlanItemInput
        {
            Kind = Kind,
            Title = Title,
            Place = Place,
            TherapistName = TherapistName,
            ModalityId = ModalityId,
            StartDate = StartDate,
            TimeOfDay = TimeOfDay,
            DurationMinutes = DurationMinutes,
            Recurrence = Recurrence,
            IntervalWeeks = IntervalWeeks,
            Days = PlanDays.Parse(Days, errors),
            EndDate = EndDate,
            ReminderMinutesBefore = ReminderMinutesBefore,
        };
    }
}

/// <summary>Day names on the wire: "monday" ... "sunday".</summary>
public static class PlanDays
{
    public static string Name(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>Monday first, as the form lists them.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static List<DayOfWeek> Parse(IEnumerable<string?>? names, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var days = new List<DayOfWeek>();
        foreach (var name in names ?? [])
        {
            var day = Week.Cast<DayOfWeek?>().FirstOrDefault(d => string.Equals(Name(d!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (day is null)
            {
                errors.Add("days", $"\"{name}\" is not a day of the week: use monday ... sunday.");
                continue;
            }
            days.Add(day.Value);
        }
        return days;
    }
}

/// <summary>Who assigned an item: a Therapist's home-care plan.</summary>
public sealed record AssignedByResponse(Guid TherapistId, string Name);

/// <summary>A plan item as the API returns it, with its daylight-saving notes.</summary>
/// <param name="Precautions">Home care's precautions for the Person's health conditions when it was planned or assigned, each with its source.</param>
public sealed record PlanItemResponse(
    Guid Id,
    PlanItemKind Kind,
    string? Title,
    string DisplayTitle,
    string? Place,
    string? TherapistName,
    string? ModalityId,
    DateOnly StartDate,
    string TimeOfDay,
    int DurationMinutes,
    RecurrenceKind Recurrence,
    int IntervalWeeks,
    IReadOnlyList<string> Days,
    DateOnly? EndDate,
    int? ReminderMinutesBefore,
    string TimeZone,
    IReadOnlyList<string> Points,
    string? Instructions,
    AssignedByResponse? AssignedBy,
    IReadOnlyList<string> TimeNotes,
    IReadOnlyList<Core.Recommendations.Precaution> Precautions,
    int Sequence,
    int Version)
{
    public static PlanItemResponse From(SavedPlanItem s, string? therapistName = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        var item = s.ToPlanItem();
        return new(s.Id, s.Kind, s.Title, item.DisplayTitle, s.Place, s.TherapistName, s.ModalityId, s.StartDate,
            s.TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), s.DurationMinutes,
            s.RecurrenceKind, s.IntervalWeeks, [.. item.Recurrence.Days.Select(PlanDays.Name)], s.EndDate, s.ReminderMinutesBefore, s.ZoneId,
            s.Points, s.Instructions,
            s.AssignedByTherapistId is { } t ? new AssignedByResponse(t, therapistName ?? "") : null,
            [.. PlanSchedule.TimeNotes(item).Select(n => n.Message)], s.Precautions, s.Sequence, s.Version);
    }
}

/// <summary>One occurrence of a plan item.</summary>
/// <param name="Date">The local date it is planned for (send it to .../done).</param>
/// <param name="Paused">Triage pauses it (massage and home care while seeking care).</param>
/// <param name="Done">Marked done for this date.</param>
/// <param name="TimeNote">A daylight-saving note for this day (moved forward out of a gap, or the first of two).</param>
/// <param name="Link">The page that logs it (a treatment entry, the ear seeds, the check-in).</param>
public sealed record OccurrenceResponse(
    Guid ItemId,
    PlanItemKind Kind,
    string Title,
    DateOnly Date,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool Paused,
    bool Done,
    bool ShiftedForward,
    bool Ambiguous,
    string? TimeNote,
    string Link)
{
    public static OccurrenceResponse From(PlanOccurrence o, bool done, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(o);
        string? note = null;
        if (o.ShiftedForward || o.Ambiguous)
        {
            note = PlanSchedule.TimeNotes(o.Item).FirstOrDefault(n => n.Date == o.Date)?.Message;
        }
        return new(o.Item.Id, o.Item.Kind, o.Item.DisplayTitle, o.Date, Times.InZone(o.StartUtc, zone), Times.InZone(o.EndUtc, zone),
            o.Paused, done, o.ShiftedForward, o.Ambiguous, note, PlanLinks.LogLink(o.Item));
    }
}

/// <summary>Where the pages send a Person to log what a plan item asked.</summary>
public static class PlanLinks
{
    public static string LogLink(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind switch
        {
            // An appointment names no modality: the treatment form asks which massage it was.
            PlanItemKind.MassageAppointment => item.ModalityId is { } m ? "/treatments/new?modality=" + Uri.EscapeDataString(m) : "/treatments/new",
            PlanItemKind.HomeRoutine => item.ModalityId is { } r ? "/treatments/new?modality=" + Uri.EscapeDataString(r) : "/treatments/new",
            PlanItemKind.EarSeedChange => "/ear-seeds",
            PlanItemKind.EarSeedPresses => "/ear-seeds",
            PlanItemKind.DailyCheckIn => "/checkin",
        };
    }
}

/// <summary>Marking an occurrence done: the local date it was planned for.</summary>
public sealed record DoneRequest(DateOnly? Date);

/// <param name="Created">False when this date was already marked done (nothing was added).</param>
/// <param name="Link">The page that logs it.</param>
public sealed record DoneResponse(Guid ItemId, DateOnly Date, DateTimeOffset CompletedAt, bool Created, string Link);

public sealed record AdherenceItemResponse(Guid ItemId, string Title, PlanItemKind Kind, int Planned, int Done, double? Rate, AssignedByResponse? AssignedBy);

/// <summary>Adherence over local dates [from, to]; dates after today are not due and do not count.</summary>
public sealed record AdherenceResponse(DateOnly From, DateOnly To, IReadOnlyList<AdherenceItemResponse> Items);

/// <summary>The plan's pause: while triage says to seek care, massage and home care wait.</summary>
/// <param name="TriageResult">The page of the triage result that paused it.</param>
public sealed record PauseResponse(bool Paused, string? Level, string? TriageResult);

public sealed record OccurrencesResponse(DateOnly From, DateOnly To, string TimeZone, PauseResponse Pause, IReadOnlyList<OccurrenceResponse> Items);

/// <summary>The private calendar feed URL, shown once: only its hash is kept.</summary>
public sealed record FeedTokenResponse(string Url, string WebcalUrl, DateTimeOffset CreatedAt);

/// <summary>A Therapist's home-care assignment.</summary>
/// <param name="Kind">home-routine (acupressure with body points, a machine, heat) or ear-seed-presses (with ear points).</param>
/// <param name="ModalityId">Home routines: a home-care modality id.</param>
/// <param name="Points">Point ids from GET /api/v1/points: body points for acupressure, ear points for ear-seed presses.</param>
/// <param name="Recurrence">daily or weekly.</param>
/// <param name="Days">weekly: day names.</param>
/// <param name="StartDate">The first local date; today by default.</param>
/// <param name="Instructions">How to do it (how long, how firmly, what to watch for); shown with the item.</param>
public sealed record ClientPlanItemRequest(
    PlanItemKind? Kind,
    string? Title,
    string? ModalityId,
    IReadOnlyList<string>? Points,
    RecurrenceKind? Recurrence,
    IReadOnlyList<string>? Days,
    DateOnly? StartDate,
    TimeOnly? TimeOfDay,
    int? DurationMinutes,
    DateOnly? EndDate,
    int? ReminderMinutesBefore,
    string? Instructions);

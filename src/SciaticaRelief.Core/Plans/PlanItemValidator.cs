using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Safety;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Plans;

/// <summary>
/// The safety check of a home-care item for the Person's health conditions: errors (the API's
/// field names) for what is refused, and the precautions of what is allowed, with their sources.
/// </summary>
public sealed record HomeCareSafety(ValidationErrors Errors, IReadOnlyList<Precaution> Precautions)
{
    /// <summary>The reasons of the refusals behind <see cref="Errors"/>, each with its source (the modality's first, then the points').</summary>
    public IReadOnlyList<Precaution> Refusals { get; init; } = [];
}

/// <summary>Checks a plan item. Field names are the API's camelCase names.</summary>
public static class PlanItemValidator
{
    public const int TitleMaxLength = 80;
    public const int PlaceMaxLength = 200;
    public const int TherapistMaxLength = 100;
    public const int MaxDurationMinutes = 480;
    /// <summary>A week: a reminder further ahead than that is not a reminder.</summary>
    public const int MaxReminderMinutes = 7 * 24 * 60;
    public const int MaxIntervalWeeks = 52;
    /// <summary>Dates outside these years are typing mistakes, and keep expansion bounded.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <param name="homeModalityIds">The modality ids a home routine may name (the catalogue's home-care modalities).</param>
    public static Validated<PlanItem> Validate(Guid id, PlanItemInput input, IReadOnlyCollection<string> homeModalityIds)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(homeModalityIds);
        var errors = new ValidationErrors();

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Choose what kind of plan item this is.");
            kind = PlanItemKind.DailyCheckIn;
        }

        var title = OneLine(input.Title, "title", "Title", TitleMaxLength, errors);
        string? place = null, therapist = null, modalityId = null;
        if (kind == PlanItemKind.MassageAppointment)
        {
            place = OneLine(input.Place, "place", "Place", PlaceMaxLength, errors);
            therapist = OneLine(input.TherapistName, "therapistName", "Therapist's name", TherapistMaxLength, errors);
        }
        if (kind == PlanItemKind.HomeRoutine)
        {
            if (string.IsNullOrWhiteSpace(input.ModalityId))
            {
                errors.Add("modalityId", "Choose the home routine (acupressure, a machine, heat, ...).");
            }
            else if (!homeModalityIds.Contains(input.ModalityId))
            {
                errors.Add("modalityId", "That is not a home-care routine this app knows.");
            }
            else
            {
                modalityId = input.ModalityId;
            }
        }

        if (!LocalTime.TryFindZone(input.ZoneId, out _))
        {
            errors.Add("zoneId", "The time zone is not a known IANA zone (for example Europe/London); set it in your profile.");
        }

        if (input.StartDate is not { } start)
        {
            errors.Add("startDate", "Start date is required.");
        }
        else if (start < EarliestDate || start > LatestDate)
        {
            errors.Add("startDate", $"Start date must be between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}.");
        }
        if (input.TimeOfDay is null)
        {
            errors.Add("timeOfDay", "Time of day is required.");
        }
        errors.Range("durationMinutes", "Duration (minutes)", input.DurationMinutes, 1, MaxDurationMinutes, required: true);
        errors.Range("reminderMinutesBefore", "Reminder (minutes before)", input.ReminderMinutesBefore, 0, MaxReminderMinutes);

        var recurrence = ReadRecurrence(input, errors);
        DateOnly? end = null;
        if (input.EndDate is { } endDate && recurrence.Repeats)
        {
            if (input.StartDate is { } s && endDate < s)
            {
                errors.Add("endDate", "End date is before the start date.");
            }
            else if (endDate > LatestDate)
            {
                errors.Add("endDate", $"End date must be no later than {LatestDate:yyyy-MM-dd}.");
            }
            end = endDate;
        }

        if (!errors.IsEmpty)
        {
            return new Validated<PlanItem>(null, errors);
        }
        var item = new PlanItem(id, kind, title, place, therapist, modalityId, input.StartDate!.Value, input.TimeOfDay!.Value,
            input.DurationMinutes!.Value, recurrence, end, input.ReminderMinutesBefore, input.ZoneId!);
        if (PlanSchedule.FirstDate(item) is null)
        {
            errors.Add("days", "None of the chosen days falls between the start and end dates.");
            return new Validated<PlanItem>(null, errors);
        }
        return new Validated<PlanItem>(item, errors);
    }

    private static Recurrence ReadRecurrence(PlanItemInput input, ValidationErrors errors)
    {
        var kind = input.Recurrence ?? RecurrenceKind.None;
        if (!Enum.IsDefined(kind))
        {
            errors.Add("recurrence", "Choose how often this repeats.");
            return Recurrence.None;
        }
        switch (kind)
        {
            case RecurrenceKind.None:
                return Recurrence.None;
            case RecurrenceKind.Daily:
                return Recurrence.Daily;
            case RecurrenceKind.Weekly:
            case RecurrenceKind.EveryNWeeks:
                var interval = 1;
                if (kind == RecurrenceKind.EveryNWeeks)
                {
                    errors.Range("intervalWeeks", "Every how many weeks", input.IntervalWeeks, 2, MaxIntervalWeeks, required: true);
                    interval = input.IntervalWeeks ?? 2;
                }
                var days = input.Days ?? [];
                if (days.Any(d => !Enum.IsDefined(d)))
                {
                    errors.Add("days", "A chosen day is not a day of the week.");
                    return Recurrence.None;
                }
                // No day chosen: the start date's day, as a calendar app would do.
                IReadOnlyList<DayOfWeek> chosen = days.Count > 0
                    ? [.. days.Distinct().OrderBy(d => ((int)d + 6) % 7)]
                    : input.StartDate is { } s ? [s.DayOfWeek] : [];
                return new Recurrence(kind, interval, chosen);
            default:
                throw new ArgumentOutOfRangeException(nameof(input), kind, "Unknown recurrence.");
        }
    }

    /// <summary>
    /// What a home routine may be: the catalogue's home-care modalities one does on a schedule
    /// (self-acupressure, machines, heat or cold, staying active). Ear seeds have their own plan
    /// kinds; medicine is never scheduled by the app (it does not advise doses); "other" is not a routine.
    /// </summary>
    public static IReadOnlyList<Modality> HomeRoutines(ModalityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.All.Where(m => m.Setting == ModalitySetting.Home
            && m.Kind is TreatmentKind.Acupressure or TreatmentKind.Machine or TreatmentKind.HeatOrCold or TreatmentKind.Rest)];
    }

    /// <summary>
    /// Whether a home-care item (a Therapist's assignment, or the Person's own routine) is safe for
    /// the Person's health conditions (<see cref="CareSafety"/>): a refused modality is an error on
    /// "modalityId", a refused point one on "points", each with the rule's reason and source; the
    /// precautions of the rest are returned to show with the item. A home routine is checked with its
    /// modality and points; ear-seed items with the ear-seeds modality and their ear points; other
    /// kinds are not home care and pass. Unknown ids are left to the validation that reports them.
    /// </summary>
    public static HomeCareSafety CheckSafety(PlanItemKind kind, string? modalityId, IEnumerable<string> points, HealthCondition conditions,
        ModalityCatalog modalities, PointCatalog pointCatalog)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(modalities);
        ArgumentNullException.ThrowIfNull(pointCatalog);
        var errors = new ValidationErrors();
        var precautions = new List<Precaution>();
        var refusals = new List<Precaution>();
        var modality = kind switch
        {
            PlanItemKind.HomeRoutine => modalities.Find(modalityId),
            PlanItemKind.EarSeedChange or PlanItemKind.EarSeedPresses => modalities.Find(EarSeedCycle.ModalityId),
            PlanItemKind.MassageAppointment or PlanItemKind.DailyCheckIn => null,
        };
        if (modality is null)
        {
            return new HomeCareSafety(errors, precautions);
        }
        var verdict = CareSafety.ForModality(modality, conditions);
        if (verdict.Refusal is { } refusal)
        {
            errors.Add("modalityId", $"{modality.Name} is not advised with the health conditions in the profile: {refusal.Reason} ({refusal.Source})");
            refusals.Add(new Precaution(refusal.Reason, refusal.Source));
        }
        precautions.AddRange(verdict.Cautions.Select(c => c.ToPrecaution()));
        foreach (var point in points.Select(pointCatalog.Find).OfType<AcuPoint>().DistinctBy(p => p.Id))
        {
            var pointVerdict = CareSafety.ForPoint(point, conditions);
            if (pointVerdict.Refusal is { } pointRefusal)
            {
                errors.Add("points", $"{point.Label} is not advised with the health conditions in the profile: {pointRefusal.Reason} ({pointRefusal.Source})");
                refusals.Add(new Precaution(pointRefusal.Reason, pointRefusal.Source));
            }
            precautions.AddRange(pointVerdict.Cautions.Select(c => c.ToPrecaution()));
        }
        return new HomeCareSafety(errors, [.. precautions.Distinct()]) { Refusals = refusals };
    }

    /// <summary>Single-line text: the shared free-text rules, and no line breaks (they go into one calendar line).</summary>
    private static string? OneLine(string? text, string field, string label, int maxLength, ValidationErrors errors)
    {
        var before = errors.For(field).Count();
        var clean = TextRules.Clean(text, field, label, maxLength, errors);
        if (clean is not null && clean.Any(c => c is '\n' or '\t'))
        {
            errors.Add(field, $"{label} must be on one line.");
            return null;
        }
        return errors.For(field).Count() > before ? null : clean;
    }
}

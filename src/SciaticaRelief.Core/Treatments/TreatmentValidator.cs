using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Treatments;

/// <summary>A Treatment that passed validation, ready to store.</summary>
public sealed record TreatmentValues(
    Modality Modality,
    ResolvedTime Time,
    int? DurationMinutes,
    int? PainBefore,
    int? PainAfter,
    string? Therapist,
    int? Pressure,
    int? Intensity,
    int BodyAreas,
    BruiseSize Bruising,
    int BruiseAreas,
    int? Soreness,
    SideEffectSign Signs,
    IReadOnlyList<MedicineDose> Doses,
    IReadOnlyList<PointPressed> Points,
    Guid? EarSeedApplicationId,
    string? Notes)
{
    public void ApplyTo(Treatment t, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(t);
        t.ModalityId = Modality.Id;
        t.Kind = Modality.Kind;
        t.StartedAtUtc = Time.Utc;
        t.TimeZoneId = timeZoneId;
        t.DurationMinutes = DurationMinutes;
        t.PainBefore = PainBefore;
        t.PainAfter = PainAfter;
        t.Therapist = Therapist;
        t.Pressure = Pressure;
        t.Intensity = Intensity;
        t.BodyAreas = BodyAreas;
        t.Bruising = Bruising;
        t.BruiseAreas = BruiseAreas;
        t.Soreness = Soreness;
        t.Signs = Signs;
        t.Doses = [.. Doses];
        t.Points = [.. Points];
        t.EarSeedApplicationId = EarSeedApplicationId;
        t.Notes = Notes;
    }
}

/// <summary>
/// Validates a Treatment for its Modality's kind: the modality exists; only the fields of that kind
/// are given (<see cref="TreatmentFields"/>); pressure and intensity 1–5, pain 0–10, soreness 0–10,
/// minutes 1–600; doses in milligrams of a known ingredient; known points and body areas; a time
/// not in the future; notes through <see cref="TextRules"/>.
/// </summary>
public static class TreatmentValidator
{
    public const int MaxMinutes = 600;
    public const int MaxNameLength = 100;
    public const int MaxDoses = 10;
    public const int MaxPointSeconds = 1800;

    /// <summary>Clock skew allowed for "now" from a phone or another machine (as for check-ins).</summary>
    public static readonly TimeSpan FutureTolerance = CheckInValidator.FutureTolerance;

    public static Validated<TreatmentValues> Validate(TreatmentInput input, DateTime nowUtc, TimeZoneInfo zone, ModalityCatalog catalog, LabelMaximums labels)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(labels);
        var errors = new ValidationErrors();

        if (string.IsNullOrWhiteSpace(input.ModalityId))
        {
            errors.Add("modalityId", "Choose what you had or did (the modality).");
            return new Validated<TreatmentValues>(null, errors);
        }
        if (!catalog.TryGet(input.ModalityId, out var modality))
        {
            errors.Add("modalityId", $"Unknown modality \"{Shorten(input.ModalityId)}\". GET /api/v1/modalities lists the ids.");
            return new Validated<TreatmentValues>(null, errors);
        }
        var kind = modality.Kind;
        RefuseFieldsThatDoNotApply(input, modality, errors);

        errors.Range("durationMinutes", "Minutes", input.DurationMinutes, 1, MaxMinutes);
        errors.Range("painBefore", "Pain before", input.PainBefore, 0, 10);
        errors.Range("painAfter", "Pain after", input.PainAfter, 0, 10);
        errors.Range("pressure", "Pressure", input.Pressure, 1, 5);
        errors.Range("intensity", "Intensity", input.Intensity, 1, 5);
        errors.Range("soreness", "Soreness", input.Soreness, 0, 10);
        var therapist = TextRules.Clean(input.Therapist, "therapist", "The therapist's name", MaxNameLength, errors);
        var notes = TextRules.Clean(input.Notes, "notes", "Notes", TextRules.NotesMaxLength, errors);

        if (input.Areas.Any(a => !Enum.IsDefined(a.Region) || !Enum.IsDefined(a.Side))
            || input.BruiseAreas.Any(a => !Enum.IsDefined(a.Region) || !Enum.IsDefined(a.Side)))
        {
            errors.Add(input.Areas.Any(a => !Enum.IsDefined(a.Region) || !Enum.IsDefined(a.Side)) ? "areas" : "bruiseAreas",
                "Unknown body area: use low-back, buttock, thigh, calf or foot, on the left, right or both sides.");
        }
        if (input.Bruising is { } size && !Enum.IsDefined(size))
        {
            errors.Add("bruising", "Bruising must be none, small, medium or large.");
        }
        if (input.BruiseAreas.Count > 0 && input.Bruising is null or BruiseSize.None)
        {
            errors.Add("bruising", "You marked where the bruises are: say how big the largest one is (small, medium or large).");
        }
        if ((input.Signs & ~FlagLists.All<SideEffectSign>()) != 0)
        {
            errors.Add("signs", "Unknown sign.");
        }

        var doses = ReadDoses(input, kind, labels, errors);
        var points = ReadPoints(input, errors);
        if (kind == TreatmentKind.EarSeeds && input.EarSeedApplicationId is null)
        {
            errors.Add("earSeedApplicationId", "A press of ear seeds belongs to an application: put seeds on first (/ear-seeds), then press them.");
        }

        var time = ResolveTime(input, nowUtc, zone);
        if (time.Utc > nowUtc + FutureTolerance)
        {
            errors.Add("startedAt", "The time of a treatment cannot be in the future.");
        }
        else if (time.Utc < CheckInValidator.Earliest)
        {
            errors.Add("startedAt", "The time of a treatment cannot be before the year 2000.");
        }

        if (!errors.IsEmpty)
        {
            return new Validated<TreatmentValues>(null, errors);
        }
        var bruising = input.Bruising ?? BruiseSize.None;
        return new Validated<TreatmentValues>(new TreatmentValues(
            modality, time, input.DurationMinutes, input.PainBefore, input.PainAfter, therapist, input.Pressure, input.Intensity,
            BodyMap.ToBits(input.Areas), bruising, BodyMap.ToBits(input.BruiseAreas), input.Soreness, input.Signs,
            doses, points, input.EarSeedApplicationId, notes), errors);
    }

    private static void RefuseFieldsThatDoNotApply(TreatmentInput input, Modality modality, ValidationErrors errors)
    {
        var given = TreatmentField.None;
        if (input.DurationMinutes is not null) { given |= TreatmentField.DurationMinutes; }
        if (input.PainBefore is not null) { given |= TreatmentField.PainBefore; }
        if (input.PainAfter is not null) { given |= TreatmentField.PainAfter; }
        if (!string.IsNullOrWhiteSpace(input.Therapist)) { given |= TreatmentField.Therapist; }
        if (input.Pressure is not null) { given |= TreatmentField.Pressure; }
        if (input.Intensity is not null) { given |= TreatmentField.Intensity; }
        if (input.Areas.Count > 0) { given |= TreatmentField.Areas; }
        if (input.Bruising is not null and not BruiseSize.None || input.BruiseAreas.Count > 0) { given |= TreatmentField.Bruising; }
        if (input.Soreness is not null) { given |= TreatmentField.Soreness; }
        if (input.Signs != SideEffectSign.None) { given |= TreatmentField.Signs; }
        if (input.Points.Count > 0) { given |= TreatmentField.Points; }
        if (input.Doses.Count > 0) { given |= TreatmentField.Doses; }
        if (input.EarSeedApplicationId is not null) { given |= TreatmentField.EarSeedApplication; }

        var extra = given & ~TreatmentFields.Of(modality.Kind);
        foreach (var field in FlagLists.Split(extra))
        {
            errors.Add(TreatmentFields.WireName(field),
                $"{TreatmentFields.Label(field)} does not apply to {modality.Name} ({modality.Kind.WireName()}); leave it out.");
        }
    }

    private static List<MedicineDose> ReadDoses(TreatmentInput input, TreatmentKind kind, LabelMaximums labels, ValidationErrors errors)
    {
        var doses = new List<MedicineDose>();
        if (kind != TreatmentKind.Medicine)
        {
            return doses;
        }
        if (input.Doses.Count == 0)
        {
            errors.Add("doses", "Add at least one ingredient and its dose in milligrams.");
            return doses;
        }
        if (input.Doses.Count > MaxDoses)
        {
            errors.Add("doses", $"At most {MaxDoses} ingredients in one entry.");
            return doses;
        }
        foreach (var (dose, i) in input.Doses.Select((d, i) => (d, i)))
        {
            var field = $"doses[{i}]";
            var ingredient = labels.Find(dose?.Ingredient);
            if (dose is null || string.IsNullOrWhiteSpace(dose.Ingredient))
            {
                errors.Add(field + ".ingredient", "Choose the ingredient (the package lists it, e.g. paracetamol or ibuprofen).");
            }
            else if (ingredient is null)
            {
                errors.Add(field + ".ingredient",
                    $"Unknown ingredient \"{Shorten(dose.Ingredient)}\": this app knows {string.Join(", ", labels.Ingredients.Select(x => x.Id))}. Record another medicine under \"other\" with a note.");
            }
            var product = TextRules.Clean(dose?.Product, field + ".product", "The product's name", MaxNameLength, errors);
            if (!DoseAmount.TryParse(dose?.Dose, out var mg, out var doseError))
            {
                errors.Add(field + ".dose", doseError);
            }
            else if (ingredient is not null)
            {
                doses.Add(new MedicineDose(ingredient.Id, product, mg));
            }
        }
        if (doses.GroupBy(d => (d.Ingredient, d.Product ?? "")).Any(g => g.Count() > 1))
        {
            errors.Add("doses", "The same ingredient of the same product is listed twice: give it once, with the total.");
        }
        return doses;
    }

    private static List<PointPressed> ReadPoints(TreatmentInput input, ValidationErrors errors)
    {
        var points = new List<PointPressed>();
        foreach (var (p, i) in input.Points.Select((p, i) => (p, i)))
        {
            var field = $"points[{i}]";
            if (Treatments.Points.FindBody(p?.Point) is not { } info)
            {
                errors.Add(field + ".point",
                    $"Unknown point \"{Shorten(p?.Point ?? "")}\": use one of {string.Join(", ", Treatments.Points.Body.Select(x => x.Id))}.");
                continue;
            }
            if (p!.Feeling is not { } feeling || !Enum.IsDefined(feeling))
            {
                errors.Add(field + ".feeling", $"Say how {info.Name} felt: nothing, dull ache, relief, tender or sharp.");
                continue;
            }
            errors.Range(field + ".seconds", "Seconds held", p.Seconds, 1, MaxPointSeconds);
            points.Add(new PointPressed(info.Id, feeling, p.Seconds));
        }
        if (points.GroupBy(p => p.Point).Any(g => g.Count() > 1))
        {
            errors.Add("points", "A point is listed twice: give each point once.");
        }
        return points;
    }

    private static ResolvedTime ResolveTime(TreatmentInput input, DateTime nowUtc, TimeZoneInfo zone)
    {
        if (input.StartedAt is { } instant)
        {
            return new ResolvedTime(instant.UtcDateTime, false, false);
        }
        if (input.StartedAtLocal is { } local)
        {
            return LocalTime.ToUtc(local, zone);
        }
        return new ResolvedTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), false, false);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

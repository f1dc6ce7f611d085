using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Web.Treatments;

/// <summary>One ingredient of a medicine as the API takes it.</summary>
/// <param name="Ingredient">An ingredient id or alias from GET /api/v1/medicines/ingredients (e.g. "paracetamol").</param>
/// <param name="Product">What the package is called, free text (e.g. "cold and flu capsules").</param>
/// <param name="Dose">The amount of this ingredient, in milligrams: "500 mg" or "500". Other units ("0.5 g", "5 ml") are refused.</param>
public sealed record DoseRequest(string? Ingredient, string? Product, string? Dose);

/// <summary>A Treatment as the API takes it (create and update). Which fields apply depends on the modality's kind (GET /api/v1/modalities lists them); a field that does not apply is refused.</summary>
/// <param name="ModalityId">A modality id from GET /api/v1/modalities.</param>
/// <param name="StartedAt">An instant with its offset; or give <paramref name="StartedAtLocal"/>; or neither for now.</param>
/// <param name="StartedAtLocal">A wall-clock time in the Profile's time zone.</param>
/// <param name="Pressure">Massage: 1 (very light) to 5 (very firm).</param>
/// <param name="Intensity">Machine: the setting, 1 to 5.</param>
/// <param name="Soreness">Soreness afterwards, 0 to 10.</param>
/// <param name="Signs">Signs afterwards (CLINICAL.md section 4); they raise warnings at once.</param>
/// <param name="EarSeedApplicationId">Ear seeds: the application this press is of.</param>
/// <param name="SkinRedOrBroken">Ear seeds: the skin under the seeds is red or broken (raises a warning; not stored).</param>
public sealed record TreatmentRequest(
    string? ModalityId,
    DateTimeOffset? StartedAt,
    DateTime? StartedAtLocal,
    int? DurationMinutes,
    int? PainBefore,
    int? PainAfter,
    string? Therapist,
    int? Pressure,
    int? Intensity,
    IReadOnlyList<BodyArea>? Areas,
    BruiseSize? Bruising,
    IReadOnlyList<BodyArea>? BruiseAreas,
    int? Soreness,
    IReadOnlyList<SideEffectSign>? Signs,
    IReadOnlyList<DoseRequest>? Doses,
    IReadOnlyList<PointPressedRequest>? Points,
    Guid? EarSeedApplicationId,
    string? Notes,
    bool? SkinRedOrBroken = null)
{
    public TreatmentInput ToInput() => new()
    {
        ModalityId = ModalityId,
        StartedAt = StartedAt,
        StartedAtLocal = StartedAtLocal,
        DurationMinutes = DurationMinutes,
        PainBefore = PainBefore,
        PainAfter = PainAfter,
        Therapist = Therapist,
        Pressure = Pressure,
        Intensity = Intensity,
        Areas = Areas ?? [],
        Bruising = Bruising,
        BruiseAreas = BruiseAreas ?? [],
        Soreness = Soreness,
        Signs = FlagLists.Combine(Signs ?? []),
        Doses = [.. (Doses ?? []).Select(d => new DoseInput(d?.Ingredient, d?.Product, d?.Dose))],
        Points = [.. (Points ?? []).Select(p => new PointInput(p?.Point, p?.Feeling, p?.Seconds))],
        EarSeedApplicationId = EarSeedApplicationId,
        Notes = Notes,
    };
}

/// <param name="Point">A point id (e.g. "gb30"); GET /api/v1/modalities lists them under acupressure.</param>
public sealed record PointPressedRequest(string? Point, PointFeeling? Feeling, int? Seconds);

/// <summary>A warning as the API reports it.</summary>
/// <param name="Link">Where the page sends the Person to act on it (e.g. /triage), if anywhere.</param>
public sealed record WarningResponse(string RuleId, WarningLevel Level, string Message, string Source, WarningAction Action, string? Link)
{
    public static WarningResponse From(TreatmentWarning w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new(w.RuleId, w.Level, w.Message, w.Source, w.Action, LinkOf(w.Action));
    }

    public static string? LinkOf(WarningAction action) => action switch
    {
        WarningAction.None => null,
        WarningAction.RerunTriage => "/triage",
        WarningAction.TakeOffSeeds => "/ear-seeds",
    };
}

public sealed record DoseResponse(string Ingredient, string? Product, decimal Milligrams);

public sealed record FollowUpResponse(Guid Id, Guid TreatmentId, int HoursAfter, int Pain, DateTimeOffset RecordedAt, string? Notes)
{
    public static FollowUpResponse From(TreatmentFollowUp f, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Id, f.TreatmentId, f.HoursAfter, f.Pain, Times.InZone(f.RecordedAtUtc, zone), f.Notes);
    }
}

/// <summary>
/// A Treatment as the API returns it, with its warnings: the after-effect ones computed now, from the
/// Profile as it is now, and the contraindication ones stored when it was recorded.
/// </summary>
/// <param name="Warnings">Every warning to show, the most serious first (the stored safety warnings among them).</param>
/// <param name="SafetyWarnings">The contraindication warnings stored with the treatment when it was recorded or last edited:
/// what was done, against the health conditions the Person had then (rule ids "CONTRA:{modality or point}:{condition}";
/// level "warning" for care not advised for them, "caution" for a precaution), each with its reason and source.</param>
public sealed record TreatmentResponse(
    Guid Id,
    string ModalityId,
    string ModalityName,
    TreatmentKind Kind,
    DateTimeOffset StartedAt,
    string TimeZone,
    DateOnly LocalDate,
    int? DurationMinutes,
    int? PainBefore,
    int? PainAfter,
    string? Therapist,
    int? Pressure,
    int? Intensity,
    IReadOnlyList<BodyArea> Areas,
    BruiseSize Bruising,
    IReadOnlyList<BodyArea> BruiseAreas,
    int? Soreness,
    IReadOnlyList<SideEffectSign> Signs,
    IReadOnlyList<DoseResponse> Doses,
    IReadOnlyList<PointPressed> Points,
    Guid? EarSeedApplicationId,
    string? Notes,
    IReadOnlyList<WarningResponse> Warnings,
    IReadOnlyList<WarningResponse> SafetyWarnings,
    IReadOnlyList<FollowUpResponse> FollowUps,
    int Version,
    IReadOnlyList<string> Notices)
{
    public static TreatmentResponse From(Treatment t, ModalityCatalog catalog, IReadOnlyList<TreatmentWarning> warnings,
        IReadOnlyList<TreatmentFollowUp>? followUps = null, IReadOnlyList<string>? notices = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(catalog);
        var zone = Times.ZoneOf(t.TimeZoneId);
        return new TreatmentResponse(
            t.Id, t.ModalityId, catalog.Find(t.ModalityId)?.Name ?? t.ModalityId, t.Kind,
            Times.InZone(t.StartedAtUtc, zone), t.TimeZoneId, LocalTime.LocalDay(t.StartedAtUtc, zone),
            t.DurationMinutes, t.PainBefore, t.PainAfter, t.Therapist, t.Pressure, t.Intensity,
            BodyMap.FromBits(t.BodyAreas), t.Bruising, BodyMap.FromBits(t.BruiseAreas), t.Soreness,
            [.. FlagLists.Split(t.Signs)],
            [.. t.Doses.Select(d => new DoseResponse(d.Ingredient, d.Product, d.Milligrams))],
            t.Points, t.EarSeedApplicationId, t.Notes,
            [.. warnings.Select(WarningResponse.From)],
            [.. t.SafetyWarnings.Select(WarningResponse.From)],
            [.. (followUps ?? []).OrderBy(f => f.HoursAfter).Select(f => FollowUpResponse.From(f, zone))],
            t.Version, notices ?? []);
    }
}

public sealed record TreatmentPage(IReadOnlyList<TreatmentResponse> Items, int Page, int PageSize, int Total);

/// <summary>A follow-up as the API takes it: the pain 24 or 48 hours after the treatment.</summary>
/// <param name="HoursAfter">24 or 48.</param>
/// <param name="Pain">0 (no pain) to 10 (worst imaginable).</param>
public sealed record FollowUpRequest(int? HoursAfter, int? Pain, string? Notes);

/// <summary>A follow-up the Person has not given yet (GET /api/v1/treatments/follow-ups/due).</summary>
public sealed record DueFollowUpResponse(Guid TreatmentId, string ModalityId, string ModalityName, DateTimeOffset StartedAt, int HoursAfter, string Link);

/// <summary>A modality of the catalogue, with the fields a Treatment of its kind has.</summary>
public sealed record ModalityResponse(string Id, string Name, TreatmentKind Kind, ModalitySetting Setting, string Summary, IReadOnlyList<string> Fields, IReadOnlyList<PointInfo> Points)
{
    public static ModalityResponse From(Modality m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var fields = FlagLists.Split(TreatmentFields.Of(m.Kind)).Select(TreatmentFields.WireName).ToList();
        var points = m.Kind switch
        {
            TreatmentKind.Acupressure => Core.Treatments.Points.Body,
            TreatmentKind.EarSeeds => Core.Treatments.Points.Ear,
            _ => [],
        };
        return new(m.Id, m.Name, m.Kind, m.Setting, m.Summary, fields, points);
    }
}

public sealed record IngredientResponse(string Id, string Name, IReadOnlyList<string> Aliases);

/// <summary>Ear seeds put on, as the API takes them.</summary>
/// <param name="Points">Ear point ids: shen-men, sympathetic, subcortex, sciatic-nerve, buttocks, lumbosacral (CLINICAL.md section 5).</param>
/// <param name="RemoveBy">When to take them off; by default 5 days after they went on.</param>
/// <param name="SkinRedOrBroken">The skin of the ear is red or broken (raises a warning; not stored).</param>
public sealed record EarSeedRequest(Ear? Ear, IReadOnlyList<string>? Points, DateTimeOffset? AppliedAt, DateTime? AppliedAtLocal, DateTimeOffset? RemoveBy, string? Notes, bool? SkinRedOrBroken)
{
    public EarSeedInput ToInput() => new(Ear, Points ?? [], AppliedAt, AppliedAtLocal, RemoveBy, Notes, SkinRedOrBroken == true);
}

/// <summary>Taking seeds off: now, or at the time given.</summary>
public sealed record TakeOffRequest(DateTimeOffset? RemovedAt);

public sealed record EarSeedResponse(
    Guid Id,
    Ear Ear,
    IReadOnlyList<string> Points,
    DateTimeOffset AppliedAt,
    DateTimeOffset RemoveBy,
    DateTimeOffset? RemovedAt,
    string TimeZone,
    string? Notes,
    int Presses,
    DateTimeOffset? LastPressedAt,
    IReadOnlyList<WarningResponse> Warnings,
    int Version)
{
    public static EarSeedResponse From(EarSeedApplication a, int presses, DateTime? lastPressUtc, IReadOnlyList<TreatmentWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(a);
        var zone = Times.ZoneOf(a.TimeZoneId);
        return new(a.Id, a.Ear, a.Points, Times.InZone(a.AppliedAtUtc, zone), Times.InZone(a.RemoveByUtc, zone),
            a.RemovedAtUtc is { } r ? Times.InZone(r, zone) : null, a.TimeZoneId, a.Notes, presses,
            lastPressUtc is { } l ? Times.InZone(l, zone) : null,
            [.. warnings.Select(WarningResponse.From)], a.Version);
    }
}

public sealed record EarSeedPage(IReadOnlyList<EarSeedResponse> Items, int Page, int PageSize, int Total);

/// <summary>Instants shown with the offset of the zone they were recorded in.</summary>
public static class Times
{
    public static TimeZoneInfo ZoneOf(string? id) => LocalTime.TryFindZone(id, out var z) ? z : TimeZoneInfo.Utc;

    public static DateTimeOffset InZone(DateTime utc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new DateTimeOffset(LocalTime.ToLocal(utc, zone), zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
    }

    /// <summary>"Mon 23 Nov 2026, 17:00" in the zone.</summary>
    public static string Display(DateTime utc, TimeZoneInfo zone) =>
        LocalTime.ToLocal(utc, zone).ToString("ddd d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

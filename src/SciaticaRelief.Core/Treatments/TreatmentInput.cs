using SciaticaRelief.Core.Journal;

namespace SciaticaRelief.Core.Treatments;

/// <summary>One ingredient of a medicine dose as submitted: the dose is text with its unit ("500 mg").</summary>
public sealed record DoseInput(string? Ingredient, string? Product, string? Dose);

/// <summary>One acupressure point as submitted.</summary>
public sealed record PointInput(string? Point, PointFeeling? Feeling, int? Seconds);

/// <summary>A Treatment as submitted (web form, API), before validation.</summary>
public sealed record TreatmentInput
{
    public string? ModalityId { get; init; }

    /// <summary>The instant; when null, the local time below is used, else now.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>A wall-clock time in the Person's zone (the web form's datetime-local).</summary>
    public DateTime? StartedAtLocal { get; init; }

    public int? DurationMinutes { get; init; }
    public int? PainBefore { get; init; }
    public int? PainAfter { get; init; }
    public string? Therapist { get; init; }
    public int? Pressure { get; init; }
    public int? Intensity { get; init; }
    public IReadOnlyList<BodyArea> Areas { get; init; } = [];
    public BruiseSize? Bruising { get; init; }
    public IReadOnlyList<BodyArea> BruiseAreas { get; init; } = [];
    public int? Soreness { get; init; }
    public SideEffectSign Signs { get; init; }
    public IReadOnlyList<DoseInput> Doses { get; init; } = [];
    public IReadOnlyList<PointInput> Points { get; init; } = [];
    public Guid? EarSeedApplicationId { get; init; }
    public string? Notes { get; init; }
}

/// <summary>The fields of a Treatment; which apply depends on its kind (<see cref="TreatmentFields.Of"/>).</summary>
[Flags]
public enum TreatmentField
{
    None = 0,
    DurationMinutes = 1 << 0,
    PainBefore = 1 << 1,
    PainAfter = 1 << 2,
    Therapist = 1 << 3,
    Pressure = 1 << 4,
    Intensity = 1 << 5,
    Areas = 1 << 6,
    Bruising = 1 << 7,
    Soreness = 1 << 8,
    Signs = 1 << 9,
    Points = 1 << 10,
    Doses = 1 << 11,
    EarSeedApplication = 1 << 12,
    Notes = 1 << 13,
}

/// <summary>
/// Which fields apply to which kind of Treatment: the form shows these and no others, and the
/// validator refuses a value given for a field that does not apply (so an API client learns of
/// its mistake rather than having the value dropped).
/// </summary>
public static class TreatmentFields
{
    private const TreatmentField Common = TreatmentField.PainBefore | TreatmentField.PainAfter | TreatmentField.Signs | TreatmentField.Notes;
    private const TreatmentField AfterEffects = TreatmentField.Bruising | TreatmentField.Soreness;

    public static TreatmentField Of(TreatmentKind kind) => Common | kind switch
    {
        TreatmentKind.Massage => TreatmentField.DurationMinutes | TreatmentField.Therapist | TreatmentField.Pressure | TreatmentField.Areas | AfterEffects,
        TreatmentKind.Acupressure => TreatmentField.DurationMinutes | TreatmentField.Therapist | TreatmentField.Points | AfterEffects,
        TreatmentKind.Acupuncture => TreatmentField.DurationMinutes | TreatmentField.Therapist | TreatmentField.Areas | AfterEffects,
        TreatmentKind.EarSeeds => TreatmentField.DurationMinutes | TreatmentField.EarSeedApplication,
        TreatmentKind.Machine => TreatmentField.DurationMinutes | TreatmentField.Intensity | TreatmentField.Areas | AfterEffects,
        TreatmentKind.HeatOrCold => TreatmentField.DurationMinutes | TreatmentField.Areas,
        TreatmentKind.Rest => TreatmentField.DurationMinutes,
        TreatmentKind.Medicine => TreatmentField.Doses,
        TreatmentKind.Other => TreatmentField.DurationMinutes | TreatmentField.Therapist | TreatmentField.Areas | AfterEffects,
    };

    public static bool Applies(this TreatmentKind kind, TreatmentField field) => (Of(kind) & field) == field;

    /// <summary>The API's name of a field, used in error messages and problem details.</summary>
    public static string WireName(TreatmentField field) => field switch
    {
        TreatmentField.DurationMinutes => "durationMinutes",
        TreatmentField.PainBefore => "painBefore",
        TreatmentField.PainAfter => "painAfter",
        TreatmentField.Therapist => "therapist",
        TreatmentField.Pressure => "pressure",
        TreatmentField.Intensity => "intensity",
        TreatmentField.Areas => "areas",
        TreatmentField.Bruising => "bruising",
        TreatmentField.Soreness => "soreness",
        TreatmentField.Signs => "signs",
        TreatmentField.Points => "points",
        TreatmentField.Doses => "doses",
        TreatmentField.EarSeedApplication => "earSeedApplicationId",
        TreatmentField.Notes => "notes",
        _ => field.ToString(),
    };

    public static string Label(TreatmentField field) => field switch
    {
        TreatmentField.DurationMinutes => "Minutes",
        TreatmentField.PainBefore => "Pain before",
        TreatmentField.PainAfter => "Pain after",
        TreatmentField.Therapist => "Therapist",
        TreatmentField.Pressure => "Pressure",
        TreatmentField.Intensity => "Intensity",
        TreatmentField.Areas => "Areas treated",
        TreatmentField.Bruising => "Bruising",
        TreatmentField.Soreness => "Soreness",
        TreatmentField.Signs => "Signs afterwards",
        TreatmentField.Points => "Points",
        TreatmentField.Doses => "Doses",
        TreatmentField.EarSeedApplication => "Ear-seed application",
        TreatmentField.Notes => "Notes",
        _ => field.ToString(),
    };
}

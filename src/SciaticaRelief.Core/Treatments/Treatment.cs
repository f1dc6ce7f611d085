using System.Text.Json.Serialization;

namespace SciaticaRelief.Core.Treatments;

/// <summary>What sort of thing a Treatment was; each Modality of the catalogue has one.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TreatmentKind>))]
public enum TreatmentKind
{
    [JsonStringEnumMemberName("massage")] Massage,
    [JsonStringEnumMemberName("acupressure")] Acupressure,
    [JsonStringEnumMemberName("acupuncture")] Acupuncture,
    [JsonStringEnumMemberName("ear-seeds")] EarSeeds,
    [JsonStringEnumMemberName("machine")] Machine,
    [JsonStringEnumMemberName("heat-or-cold")] HeatOrCold,
    [JsonStringEnumMemberName("rest")] Rest,
    [JsonStringEnumMemberName("medicine")] Medicine,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>How big the largest bruise is, in words a person can judge.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BruiseSize>))]
public enum BruiseSize
{
    [JsonStringEnumMemberName("none")] None = 0,
    [JsonStringEnumMemberName("small")] Small = 1,
    [JsonStringEnumMemberName("medium")] Medium = 2,
    [JsonStringEnumMemberName("large")] Large = 3,
}

/// <summary>Signs after a treatment that CLINICAL.md section 4 treats as warnings.</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<SideEffectSign>))]
public enum SideEffectSign
{
    [JsonStringEnumMemberName("none")] None = 0,
    [JsonStringEnumMemberName("bruise-spreading")] BruiseSpreading = 1 << 0,
    [JsonStringEnumMemberName("bruise-away-from-treated-area")] BruiseAwayFromTreatedArea = 1 << 1,
    [JsonStringEnumMemberName("very-swollen")] VerySwollen = 1 << 2,
    [JsonStringEnumMemberName("calf-swelling")] CalfSwelling = 1 << 3,
    [JsonStringEnumMemberName("dark-urine")] DarkUrine = 1 << 4,
    [JsonStringEnumMemberName("bleeding-gums-or-nose")] BleedingGumsOrNose = 1 << 5,
    [JsonStringEnumMemberName("new-numbness")] NewNumbness = 1 << 6,
    [JsonStringEnumMemberName("new-weakness")] NewWeakness = 1 << 7,
}

/// <summary>One ingredient of an over-the-counter medicine taken, in milligrams.</summary>
/// <param name="Ingredient">The ingredient id in the label-maximums data (e.g. "ibuprofen").</param>
/// <param name="Product">What the package said, free text (e.g. "cold and flu capsules").</param>
/// <param name="Milligrams">The amount of this ingredient taken at this time.</param>
public sealed record MedicineDose(string Ingredient, string? Product, decimal Milligrams);

/// <summary>How a point felt during an acupressure routine.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PointFeeling>))]
public enum PointFeeling
{
    [JsonStringEnumMemberName("nothing")] Nothing,
    [JsonStringEnumMemberName("dull-ache")] DullAche,
    [JsonStringEnumMemberName("relief")] Relief,
    [JsonStringEnumMemberName("tender")] Tender,
    [JsonStringEnumMemberName("sharp")] Sharp,
}

/// <summary>One point pressed in a routine.</summary>
public sealed record PointPressed(string Point, PointFeeling Feeling, int? Seconds);

/// <summary>
/// One thing a Person did or had at one time, of one Modality. A health row. Kind-specific fields
/// are null where they do not apply; the validator says which apply to which kind.
/// </summary>
public sealed class Treatment
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>The Modality's id in the content catalogue (e.g. "swedish-massage").</summary>
    public string ModalityId { get; set; } = "";

    public TreatmentKind Kind { get; set; }
    public int? DurationMinutes { get; set; }
    public int? PainBefore { get; set; }
    public int? PainAfter { get; set; }

    /// <summary>Massage: the therapist's name (free text; therapist accounts come later).</summary>
    public string? Therapist { get; set; }

    /// <summary>Massage: pressure 1 (very light) to 5 (very firm).</summary>
    public int? Pressure { get; set; }

    /// <summary>Machine: intensity setting 1 to 5.</summary>
    public int? Intensity { get; set; }

    /// <summary>Where it was applied, as body-map bits.</summary>
    public int BodyAreas { get; set; }

    public BruiseSize Bruising { get; set; }

    /// <summary>Where the bruises are, as body-map bits.</summary>
    public int BruiseAreas { get; set; }

    /// <summary>Soreness afterwards, 0–10.</summary>
    public int? Soreness { get; set; }

    public SideEffectSign Signs { get; set; }

    public List<MedicineDose> Doses { get; set; } = [];
    public List<PointPressed> Points { get; set; } = [];

    /// <summary>Ear seeds: the application a press belongs to.</summary>
    public Guid? EarSeedApplicationId { get; set; }

    public string? Notes { get; set; }

    /// <summary>
    /// The contraindication warnings of what was done for the Person's health conditions when it was
    /// recorded (or last edited), with their reasons and sources (<see cref="TreatmentWarnings.Contraindications"/>):
    /// kept with the row, so a later change of the Profile does not rewrite what applied then.
    /// Empty for imported treatments (the conditions at the time are not known).
    /// </summary>
    public List<TreatmentWarning> SafetyWarnings { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>The pain reported 24 or 48 hours after a Treatment.</summary>
public sealed class TreatmentFollowUp
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }
    public Guid TreatmentId { get; set; }

    /// <summary>24 or 48.</summary>
    public int HoursAfter { get; set; }

    public int Pain { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string? Notes { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<Ear>))]
public enum Ear
{
    [JsonStringEnumMemberName("left")] Left = 1,
    [JsonStringEnumMemberName("right")] Right = 2,
}

/// <summary>Seeds on one ear at some Points, from applied-at to removed-at; presses are Treatments that point here.</summary>
public sealed class EarSeedApplication
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }
    public Ear Ear { get; set; }
    public List<string> Points { get; set; } = [];
    public DateTime AppliedAtUtc { get; set; }

    /// <summary>Take off by then (5 days of wear, CLINICAL.md section 5).</summary>
    public DateTime RemoveByUtc { get; set; }

    public DateTime? RemovedAtUtc { get; set; }
    public string TimeZoneId { get; set; } = "UTC";
    public string? Notes { get; set; }
    public int Version { get; set; }
}

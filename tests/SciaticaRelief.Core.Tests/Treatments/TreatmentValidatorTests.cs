using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Tests.Treatments;

/// <summary>Which fields apply to which kind, and the ranges: a table of cases, each saying why.</summary>
public sealed class TreatmentValidatorTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static Core.Validation.Validated<TreatmentValues> Validate(TreatmentInput input) =>
        TreatmentValidator.Validate(input, Now, London, TreatmentContent.Catalog, TreatmentContent.Labels);

    private static readonly BodyArea[] LowBack = [new(BodyRegion.LowBack, Side.Both)];

    /// <summary>A valid entry of each kind, with every field that kind has.</summary>
    public static TheoryData<string, TreatmentInput> ValidOfEachKind { get; } = new()
    {
        { "massage: modality, therapist, minutes, pressure, areas, pain, bruising where and how big, soreness, signs",
            new TreatmentInput { ModalityId = "deep-tissue-massage", Therapist = "Sam", DurationMinutes = 60, Pressure = 4, Areas = LowBack, PainBefore = 7, PainAfter = 4,
                Bruising = BruiseSize.Small, BruiseAreas = [new(BodyRegion.LowBack, Side.Left)], Soreness = 3, Signs = SideEffectSign.None, Notes = "good" } },
        { "acupressure: points and how each felt",
            new TreatmentInput { ModalityId = "self-acupressure", DurationMinutes = 20, PainBefore = 5, PainAfter = 4,
                Points = [new("gb30", PointFeeling.DullAche, 120), new("bl40", PointFeeling.Relief, null)] } },
        { "acupuncture: therapist and areas",
            new TreatmentInput { ModalityId = "acupuncture", Therapist = "Dr Lee", DurationMinutes = 30, Areas = LowBack, PainBefore = 6, PainAfter = 5 } },
        { "ear seeds: a press of an application, minutes and pain",
            new TreatmentInput { ModalityId = "ear-seeds", EarSeedApplicationId = Guid.NewGuid(), DurationMinutes = 2, PainBefore = 5, PainAfter = 5 } },
        { "machine: minutes, intensity, area",
            new TreatmentInput { ModalityId = "percussion-massage-gun", DurationMinutes = 5, Intensity = 2, Areas = [new(BodyRegion.Thigh, Side.Left)] } },
        { "heat or cold: minutes and area",
            new TreatmentInput { ModalityId = "heat", DurationMinutes = 20, Areas = LowBack, PainBefore = 6, PainAfter = 5 } },
        { "rest: minutes",
            new TreatmentInput { ModalityId = "rest-and-staying-active", DurationMinutes = 45 } },
        { "medicine: doses in mg of known ingredients",
            new TreatmentInput { ModalityId = "over-the-counter-medicine", Doses = [new("paracetamol", "Cold and flu capsules", "1,000 mg"), new("ibuprofen", null, "200")] } },
        { "other: therapist, minutes, notes",
            new TreatmentInput { ModalityId = "other", Therapist = "Physio", DurationMinutes = 30, Notes = "exercises" } },
        { "the least: only the modality (time is now)",
            new TreatmentInput { ModalityId = "swedish-massage" } },
    };

    [Theory]
    [MemberData(nameof(ValidOfEachKind))]
    public void Validate_ValidEntryOfEachKind_Passes(string why, TreatmentInput input)
    {
        var result = Validate(input);

        Assert.True(result.IsValid, why + ": " + string.Join(" | ", result.Errors.All));
        Assert.Equal(input.ModalityId, result.Value!.Modality.Id);
    }

    public sealed record BadRow(TreatmentInput Input, string Field, string Why)
    {
        public override string ToString() => Why;
    }

    private static TreatmentInput Massage => new() { ModalityId = "deep-tissue-massage" };

    public static TheoryData<BadRow> Invalid { get; } = new()
    {
        new(new TreatmentInput(), "modalityId", "no modality: nothing to file it under"),
        new(new TreatmentInput { ModalityId = "reiki" }, "modalityId", "a modality that is not in the catalogue"),
        new(Massage with { Pressure = 0 }, "pressure", "pressure is 1 (very light) to 5 (very firm): 0 is below"),
        new(Massage with { Pressure = 6 }, "pressure", "pressure 6 is above the scale"),
        new(Massage with { PainBefore = -1 }, "painBefore", "pain is 0-10: -1 is below"),
        new(Massage with { PainAfter = 11 }, "painAfter", "pain is 0-10: 11 is above"),
        new(Massage with { Soreness = 11 }, "soreness", "soreness is 0-10"),
        new(Massage with { DurationMinutes = 0 }, "durationMinutes", "minutes are 1-600: 0 is not a session"),
        new(Massage with { DurationMinutes = 601 }, "durationMinutes", "minutes are 1-600: 601 is above"),
        new(new TreatmentInput { ModalityId = "vibration-massager", Intensity = 6 }, "intensity", "intensity is 1-5"),
        new(new TreatmentInput { ModalityId = "vibration-massager", Intensity = 0 }, "intensity", "intensity 0 is below the scale"),
        new(new TreatmentInput { ModalityId = "heat", Pressure = 3 }, "pressure", "pressure does not apply to heat: refused, not silently dropped"),
        new(new TreatmentInput { ModalityId = "swedish-massage", Intensity = 3 }, "intensity", "intensity is a machine setting, not a massage field"),
        new(new TreatmentInput { ModalityId = "rest-and-staying-active", Areas = LowBack }, "areas", "rest has no treated area"),
        new(new TreatmentInput { ModalityId = "heat", Bruising = BruiseSize.Small }, "bruising", "bruising is not asked after heat"),
        new(new TreatmentInput { ModalityId = "swedish-massage", Doses = [new("ibuprofen", null, "200 mg")] }, "doses", "doses belong to a medicine entry"),
        new(new TreatmentInput { ModalityId = "swedish-massage", Points = [new("gb30", PointFeeling.Relief, null)] }, "points", "points belong to acupressure"),
        new(new TreatmentInput { ModalityId = "swedish-massage", EarSeedApplicationId = Guid.NewGuid() }, "earSeedApplicationId", "an application belongs to an ear-seed press"),
        new(new TreatmentInput { ModalityId = "over-the-counter-medicine", DurationMinutes = 5 }, "durationMinutes", "a medicine has no duration"),
        new(new TreatmentInput { ModalityId = "heat", Therapist = "Sam" }, "therapist", "heat at home has no therapist"),
        new(new TreatmentInput { ModalityId = "over-the-counter-medicine" }, "doses", "a medicine entry needs at least one dose"),
        new(new TreatmentInput { ModalityId = "over-the-counter-medicine", Doses = [new("paracetamol", null, "500 g")] }, "doses[0].dose", "grams are a clear error, not 500 mg"),
        new(new TreatmentInput { ModalityId = "over-the-counter-medicine", Doses = [new("paracetamol", null, "5 ml")] }, "doses[0].dose", "a volume is a clear error"),
        new(new TreatmentInput { ModalityId = "over-the-counter-medicine", Doses = [new("codeine", null, "30 mg")] }, "doses[0].ingredient", "an ingredient without label data is refused: it could not be checked"),
        new(new TreatmentInput { ModalityId = "over-the-counter-medicine", Doses = [new(null, "Tablets", "30 mg")] }, "doses[0].ingredient", "the ingredient is required"),
        new(new TreatmentInput { ModalityId = "over-the-counter-medicine", Doses = [new("ibuprofen", "A", "200 mg"), new("ibuprofen", "A", "200 mg")] }, "doses", "the same product and ingredient twice: give it once"),
        new(new TreatmentInput { ModalityId = "over-the-counter-medicine", Doses = [new("ibuprofen", new string('x', 101), "200 mg")] }, "doses[0].product", "a product name over 100 characters"),
        new(new TreatmentInput { ModalityId = "ear-seeds", DurationMinutes = 2 }, "earSeedApplicationId", "a press needs its application"),
        new(new TreatmentInput { ModalityId = "self-acupressure", Points = [new("li4", PointFeeling.Relief, null)] }, "points[0].point", "a point outside the sciatica list"),
        new(new TreatmentInput { ModalityId = "self-acupressure", Points = [new("gb30", null, null)] }, "points[0].feeling", "how the point felt is what the routine records"),
        new(new TreatmentInput { ModalityId = "self-acupressure", Points = [new("gb30", PointFeeling.Relief, 0)] }, "points[0].seconds", "0 seconds held"),
        new(new TreatmentInput { ModalityId = "self-acupressure", Points = [new("gb30", PointFeeling.Relief, 60), new("gb30", PointFeeling.Sharp, 60)] }, "points", "the same point twice"),
        new(Massage with { Areas = [new((BodyRegion)9, Side.Left)] }, "areas", "a body region outside the map"),
        new(Massage with { BruiseAreas = [new(BodyRegion.LowBack, Side.Left)] }, "bruising", "bruises marked but no size: the size decides normal or warning"),
        new(Massage with { Bruising = (BruiseSize)7 }, "bruising", "a bruise size outside the names"),
        new(Massage with { Signs = (SideEffectSign)(1 << 12) }, "signs", "a sign outside the names"),
        new(Massage with { StartedAt = new DateTimeOffset(Now.AddHours(1)) }, "startedAt", "an hour in the future"),
        new(Massage with { StartedAt = new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero) }, "startedAt", "before 2000"),
        new(Massage with { Notes = "a\u0000b" }, "notes", "NUL in notes (PostgreSQL refuses it)"),
        new(Massage with { Notes = new string('x', 4001) }, "notes", "notes over 4,000 characters"),
        new(Massage with { Therapist = new string('x', 101) }, "therapist", "a therapist's name over 100 characters"),
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_Invalid_NamesTheField(BadRow row)
    {
        var result = Validate(row.Input);

        Assert.False(result.IsValid, row.Why);
        Assert.True(result.Errors.For(row.Field).Any(), $"{row.Why}: expected an error on {row.Field}, got {string.Join(" | ", result.Errors.ToDictionary().Keys)}");
    }

    [Fact]
    public void Validate_Boundaries_AreInside()
    {
        var ok = Validate(new TreatmentInput
        {
            ModalityId = "deep-tissue-massage", Pressure = 5, PainBefore = 10, PainAfter = 0, Soreness = 10, DurationMinutes = 600,
            StartedAt = new DateTimeOffset(Now.AddMinutes(9)),
        });
        Assert.True(ok.IsValid, string.Join(" | ", ok.Errors.All));
        Assert.True(Validate(new TreatmentInput { ModalityId = "massage-chair", Intensity = 1, DurationMinutes = 1 }).IsValid);
    }

    [Fact]
    public void Validate_Medicine_StoresMilligramsAndTheCanonicalIngredient()
    {
        var result = Validate(new TreatmentInput { ModalityId = "over-the-counter-medicine", Doses = [new("Acetaminophen", " Night caps ", "1,000 mg")] });

        var dose = Assert.Single(result.Value!.Doses);
        Assert.Equal(new MedicineDose("paracetamol", "Night caps", 1000m), dose);
    }

    [Fact]
    public void Validate_LocalTimeInTheGap_IsMovedForward()
    {
        var result = TreatmentValidator.Validate(new TreatmentInput { ModalityId = "heat", StartedAtLocal = new DateTime(2026, 3, 29, 1, 30, 0) },
            Now, London, TreatmentContent.Catalog, TreatmentContent.Labels);

        Assert.True(result.Value!.Time.ShiftedForward);
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), result.Value.Time.Utc);
    }

    [Fact]
    public void Validate_ApplyTo_SetsKindFromTheModality()
    {
        var values = Validate(new TreatmentInput { ModalityId = "percussion-massage-gun", Intensity = 2, DurationMinutes = 5 }).Value!;
        var t = new Treatment();

        values.ApplyTo(t, "Europe/London");

        Assert.Equal(TreatmentKind.Machine, t.Kind);
        Assert.Equal("percussion-massage-gun", t.ModalityId);
        Assert.Equal(2, t.Intensity);
        Assert.Equal("Europe/London", t.TimeZoneId);
    }

    [Theory]
    [InlineData(TreatmentKind.Massage, TreatmentField.Pressure, true, "pressure is a massage field")]
    [InlineData(TreatmentKind.Machine, TreatmentField.Intensity, true, "intensity is a machine field")]
    [InlineData(TreatmentKind.Medicine, TreatmentField.Doses, true, "doses are a medicine field")]
    [InlineData(TreatmentKind.Acupressure, TreatmentField.Points, true, "points are an acupressure field")]
    [InlineData(TreatmentKind.EarSeeds, TreatmentField.EarSeedApplication, true, "a press points at its application")]
    [InlineData(TreatmentKind.Rest, TreatmentField.Bruising, false, "rest does not bruise")]
    [InlineData(TreatmentKind.Medicine, TreatmentField.DurationMinutes, false, "a dose has no duration")]
    public void Fields_PerKind(TreatmentKind kind, TreatmentField field, bool applies, string why)
    {
        Assert.True(applies == kind.Applies(field), why);
    }

    [Fact]
    public void Fields_EveryKind_HasPainNotesAndSigns()
    {
        // Pain before and after is how every treatment is compared; new numbness can follow anything.
        Assert.All(TreatmentKinds.All, k =>
        {
            Assert.True(k.Applies(TreatmentField.PainBefore | TreatmentField.PainAfter | TreatmentField.Notes | TreatmentField.Signs));
        });
    }
}

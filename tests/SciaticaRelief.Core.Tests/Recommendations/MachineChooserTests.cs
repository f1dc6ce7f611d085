using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Tests;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;

namespace SciaticaRelief.Core.Tests.Recommendations;

/// <summary>The machine chooser (issue 4 part 6): one row per rule, each saying why it exists.</summary>
public sealed class MachineChooserTests
{
    public sealed record Row(string Why, MachineQuestions Questions, Action<MachineChoice> Check)
    {
        public override string ToString() => Why;
    }

    private static MachineQuestions Q(PainArea areas = MachineChooser.AllAreas, int pressure = 5, CostTier budget = CostTier.High, bool heat = false,
        HealthCondition conditions = HealthCondition.None) => new(areas, pressure, budget, heat, conditions);

    private static DeviceSuggestion Suggested(MachineChoice c, string id) => Assert.Single(c.Suggested, s => s.Id == id);

    private static void NotSuggested(MachineChoice c, string id, string reasonPart)
    {
        Assert.DoesNotContain(c.Suggested, s => s.Id == id);
        Assert.Contains(reasonPart, Assert.Single(c.NotSuggested, s => s.Id == id).Reason, StringComparison.Ordinal);
    }

    private static readonly Row[] Rows =
    [
        new("with no limits every kind of device is suggested, so none is missing from the guide",
            Q(), c => Assert.Equal(MachineChooser.Devices.Count, c.Suggested.Count)),
        new("CLINICAL.md 4: the percussion gun's safe use names the bony areas, the back of the knee, bruises and varicose veins",
            Q(), c => Assert.Contains(Suggested(c, "percussion-massage-gun").HowToUseSafely, s =>
                s.Contains("spine", StringComparison.Ordinal) && s.Contains("back of the knee", StringComparison.Ordinal)
                && s.Contains("bruises", StringComparison.Ordinal) && s.Contains("varicose veins", StringComparison.Ordinal))),
        new("CLINICAL.md 4: 30-60 s a spot for the percussion gun",
            Q(), c => Assert.Contains(Suggested(c, "percussion-massage-gun").HowToUseSafely, s => s.Contains("30 to 60 seconds a spot", StringComparison.Ordinal))),
        new("CLINICAL.md 4: dark urine or marked swelling after a massage gun means seek care (rhabdomyolysis)",
            Q(), c => Assert.Contains(Suggested(c, "percussion-massage-gun").HowToUseSafely, s => s.Contains("dark", StringComparison.Ordinal) && s.Contains("seek care", StringComparison.Ordinal))),
        new("CLINICAL.md 4: anticoagulants rule out percussion devices, with the content's reason and source",
            Q(conditions: HealthCondition.AnticoagulantsOrBleedingDisorder), c =>
            {
                NotSuggested(c, "percussion-massage-gun", "bleeding into the muscle");
                Assert.Contains("Batavia", c.NotSuggested.Single(e => e.Id == "percussion-massage-gun").Source, StringComparison.Ordinal);
            }),
        new("CLINICAL.md 4: vigorous massage is avoided over weakened bone",
            Q(conditions: HealthCondition.Osteoporosis), c => NotSuggested(c, "percussion-massage-gun", "weak bones")),
        new("CLINICAL.md 4: reduced sensation rules out devices that warm as they work (the heated cushion; the foot massager, on the feet), and heat elsewhere must stay off where feeling is reduced",
            Q(conditions: HealthCondition.ReducedSensation), c =>
            {
                NotSuggested(c, "heated-massage-cushion", "burn");
                NotSuggested(c, "foot-massager", "burnt");
                Assert.StartsWith("Not on areas where feeling is reduced: With the heat on", Suggested(c, "shiatsu-kneading-massager").HowToUseSafely[0], StringComparison.Ordinal);
            }),
        new("CLINICAL.md 4: with reduced sensation, wanting warmth never makes warmth a reason: it says why instead",
            Q(conditions: HealthCondition.ReducedSensation, heat: true), c =>
            {
                Assert.DoesNotContain(c.Suggested, s => s.Why.Any(w => w.StartsWith("It gives warmth", StringComparison.Ordinal)));
                Assert.Contains(Suggested(c, "massage-chair").Why, w => w.StartsWith("Warmth is not suggested for you. Not on areas where feeling is reduced", StringComparison.Ordinal));
            }),
        new("CLINICAL.md 4: no massage over a suspected clot: the foot massager is out and the rest say not on the leg",
            Q(conditions: HealthCondition.SuspectedClot), c =>
            {
                NotSuggested(c, "foot-massager", "clot");
                Assert.StartsWith("Not on the leg", Suggested(c, "vibration-massager").HowToUseSafely[0], StringComparison.Ordinal);
            }),
        new("CLINICAL.md 4: pregnancy: ask the midwife or doctor first, for every device, with the source",
            Q(conditions: HealthCondition.Pregnancy), c => Assert.All(c.Suggested, s =>
            {
                Assert.Contains("midwife or doctor", s.HowToUseSafely[0], StringComparison.Ordinal);
                Assert.Equal(s.Precautions[0].Text, s.HowToUseSafely[0]);
                Assert.False(string.IsNullOrWhiteSpace(s.Precautions[0].Source));
            })),
        new("CLINICAL.md 4: a suspected clot narrows a buttock-and-leg device to the buttock: never 'made for the leg'",
            Q(areas: PainArea.Buttock | PainArea.Leg, conditions: HealthCondition.SuspectedClot), c =>
            {
                Assert.Equal("Made for the buttock.", Suggested(c, "percussion-massage-gun").Why[0]);
                Assert.DoesNotContain(c.Suggested, s => s.Why[0].Contains("leg", StringComparison.Ordinal));
            }),
        new("CLINICAL.md 4: a suspected clot with leg pain only: no device for the leg, each with the clot rule's reason",
            Q(areas: PainArea.Leg, conditions: HealthCondition.SuspectedClot), c =>
            {
                Assert.Empty(c.Suggested);
                Assert.All(c.NotSuggested.Where(e => e.Id != "heated-massage-cushion" && e.Id != "shiatsu-kneading-massager"),
                    e => Assert.Contains("clot", e.Reason, StringComparison.Ordinal));
            }),
        new("an implanted device: ask before using an electric massager near it (not the ball and roller, which has no motor)",
            Q(conditions: HealthCondition.ImplantedDevice), c =>
            {
                Assert.Contains(Suggested(c, "vibration-massager").HowToUseSafely, s => s.Contains("implanted device", StringComparison.Ordinal));
                Assert.Empty(Suggested(c, "massage-ball-and-foam-roller").Precautions);
            }),
        new("where the pain is: a device not made for that area is not suggested",
            Q(areas: PainArea.Foot), c =>
            {
                NotSuggested(c, "percussion-massage-gun", "not made for the foot");
                Suggested(c, "foot-massager");
            }),
        new("pressure liked: a device whose gentlest setting is firmer is not suggested",
            Q(pressure: 2), c =>
            {
                NotSuggested(c, "percussion-massage-gun", "firmer than you like");
                Suggested(c, "vibration-massager");
            }),
        new("budget: a device that costs more is not suggested",
            Q(budget: CostTier.Moderate), c => NotSuggested(c, "massage-chair", "costs more")),
        new("want heat: devices that warm come first among those covering as much, and say why",
            Q(areas: PainArea.LowBack, pressure: 3, budget: CostTier.Moderate, heat: true), c =>
            {
                Assert.Equal(["heated-massage-cushion", "shiatsu-kneading-massager", "vibration-massager"], c.Suggested.Select(s => s.Id));
                Assert.Contains(c.Suggested[0].Why, w => w.Contains("warmth", StringComparison.Ordinal));
            }),
        new("devices covering more of the painful areas come first, then by name (deterministic; names from the content files)",
            Q(areas: PainArea.Buttock | PainArea.Leg, pressure: 3, budget: CostTier.Moderate), c =>
                Assert.Equal(["Massage ball and foam roller", "Vibration massager", "Heated massage cushion", "Shiatsu kneading massager"], c.Suggested.Select(s => s.Name))),
        new("never brands: suggestions are kinds of device with no links",
            Q(), c => Assert.All(c.Suggested, s => Assert.DoesNotContain(s.Why.Concat(s.LookFor).Concat(s.HowToUseSafely), t => t.Contains("http", StringComparison.Ordinal)))),
    ];

    public static TheoryData<Row> Table => new(Rows);

    [Theory]
    [MemberData(nameof(Table))]
    public void Choose_Rule_HoldsAsItsRowSays(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Check(MachineChooser.Choose(row.Questions, Treatments.TreatmentContent.Catalog.All));
    }

    [Fact]
    public void Devices_AreExactlyTheMachineModalitiesOfTheShippedCatalogue()
    {
        // The chooser must offer every kind of machine the knowledge base describes, and no other.
        var machines = Treatments.TreatmentContent.Catalog.OfKind(Core.Treatments.TreatmentKind.Machine).Select(m => m.Id).Order(StringComparer.Ordinal);
        Assert.Equal(machines, MachineChooser.Devices.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Choose_WithTheShippedCatalogue_TakesCostFromTheContentAndItsAvoidRules()
    {
        var catalog = Treatments.TreatmentContent.Catalog.All;
        var choice = MachineChooser.Choose(Q(conditions: HealthCondition.AnticoagulantsOrBleedingDisorder), catalog);
        var gun = Assert.Single(choice.NotSuggested, d => d.Id == "percussion-massage-gun");
        var rule = catalog.Single(m => m.Id == "percussion-massage-gun").Knowledge!.Contraindications
            .First(r => r.Condition == HealthCondition.AnticoagulantsOrBleedingDisorder && r.Action == RuleAction.Avoid);
        Assert.Equal(rule.Reason, gun.Reason);
    }

    [Theory]
    [InlineData(PainArea.None, 3, "areas")]
    [InlineData(PainArea.Leg, 0, "pressure")]
    [InlineData(PainArea.Leg, 6, "pressure")]
    public void Validate_BadAnswer_NamesTheField(PainArea areas, int pressure, string field)
    {
        var errors = new MachineQuestions(areas, pressure, CostTier.Low, false, HealthCondition.None).Validate();
        Assert.NotEmpty(errors.For(field));
    }
}

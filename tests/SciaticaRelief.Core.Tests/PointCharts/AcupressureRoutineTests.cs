using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Core.Tests.PointCharts;

public sealed class AcupressureRoutineTests
{
    private static readonly string[] FromTheBackDown = ["bl23", "bl25", "gb30", "bl36", "gb31", "bl40", "gb34", "bl57", "bl60"];

    private const string Thinners = "Press lightly: firm pressure can bruise when the blood clots slowly.";
    private const string WeakBones = "Press lightly: firm pressure on weak bones could hurt them.";
    private const string Skin = "Not over the wound, rash or infected skin: Pressure on broken or infected skin can spread infection and slow healing: skip any point where the skin is affected.";
    private const string Fracture = "Not over or near the broken bone: Pressure on a bone that is still healing can hurt it or move it: skip any point over or near it.";
    private const string Surgery = "Not near the operation site: Firm pressure can harm a healing wound: skip any point near it.";

    public sealed record Row(HealthCondition Conditions, string[] Included, string[] Hidden, string HiddenBecause, string[] LightOnly, string[] Notes, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<Row> Rows { get; } = new()
    {
        new(HealthCondition.None, FromTheBackDown, [], "", ["bl40"], [],
            "no health context: every sciatica point from the back down the leg; BL40 is light by content (artery and nerve)"),
        new(HealthCondition.Pregnancy, FromTheBackDown[..^1], ["bl60"], PointCatalog.PregnancyReason, ["bl40"], [],
            "pregnancy hides BL60, on the list of points avoided in pregnancy (CLINICAL.md 5)"),
        new(HealthCondition.AnticoagulantsOrBleedingDisorder, FromTheBackDown, [], "", FromTheBackDown, [Thinners],
            "blood thinners: light pressure at every point (bruising), said once for the routine"),
        new(HealthCondition.Osteoporosis, FromTheBackDown, [], "", FromTheBackDown, [WeakBones],
            "osteoporosis: light pressure at every point (fragile bones)"),
        new(HealthCondition.SkinLesionOrInfection, FromTheBackDown, [], "", ["bl40"], [Skin],
            "a skin lesion: never press on it, but the points stay"),
        new(HealthCondition.SuspectedClot, ["bl23", "bl25", "gb30"], ["bl36", "gb31", "bl40", "gb34", "bl57", "bl60"], "possible blood clot", [], [],
            "a possible clot: no pressure anywhere on the leg (thigh, knee, calf, ankle); the low back and buttock points stay (CLINICAL.md 4)"),
        new(HealthCondition.RecentFracture, FromTheBackDown, [], "", ["bl40"], [Fracture],
            "a recent fracture: never over or near the broken bone; where it is, the Person knows"),
        new(HealthCondition.RecentSurgery, FromTheBackDown, [], "", ["bl40"], [Surgery],
            "recent surgery: not near the operation site"),
        new(HealthCondition.Pregnancy | HealthCondition.AnticoagulantsOrBleedingDisorder | HealthCondition.SkinLesionOrInfection,
            FromTheBackDown[..^1], ["bl60"], PointCatalog.PregnancyReason, FromTheBackDown[..^1], [Thinners, Skin],
            "the rules combine: hidden, light and skin together, in the profile form's order"),
        new(HealthCondition.ReducedSensation | HealthCondition.ImplantedDevice, FromTheBackDown, [], "", ["bl40"], [],
            "conditions without a pressing rule change nothing here"),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Build_FiltersByTheProfile(Row row)
    {
        var routine = AcupressureRoutineBuilder.Build(PointContent.Catalog, row.Conditions);

        Assert.Equal(row.Included, routine.Steps.Select(s => s.Point.Id));
        Assert.Equal(Enumerable.Range(1, row.Included.Length), routine.Steps.Select(s => s.Number));
        Assert.Equal(row.Hidden, routine.Hidden.Select(h => h.Point.Id));
        Assert.All(routine.Hidden, h => Assert.Contains(row.HiddenBecause, h.Reason, StringComparison.Ordinal));
        Assert.All(routine.Hidden, h => Assert.False(string.IsNullOrWhiteSpace(h.Source)));
        Assert.Equal(row.LightOnly, routine.Steps.Where(s => s.Pressure == PointPressure.Light).Select(s => s.Point.Id));
        Assert.Equal(row.Notes, routine.Notes);
        Assert.All(routine.Precautions, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        Assert.All(routine.Steps, s => Assert.Equal(60, s.HoldSeconds));
    }

    [Fact]
    public void Build_PressureLowered_SaysSoAtTheStepWithTheRulesSource()
    {
        var routine = AcupressureRoutineBuilder.Build(PointContent.Catalog, HealthCondition.AnticoagulantsOrBleedingDisorder);

        var gb30 = routine.Steps.Single(s => s.Point.Id == "gb30");
        Assert.Equal([AcupressureRoutineBuilder.LightStepNote], gb30.Notes);
        Assert.Contains("Batavia", gb30.Precautions[0].Source, StringComparison.Ordinal);
        Assert.Empty(routine.Steps.Single(s => s.Point.Id == "bl40").Notes); // light by content already: nothing lowered
    }

    [Fact]
    public void Build_SelfAcupressureRefused_HidesEveryPointWithTheModalitysReason()
    {
        // No shipped rule refuses self-acupressure; a clinic's content may. The routine is that modality, guided.
        var refused = new Core.Modalities.Modality("self-acupressure", "Self-acupressure", Core.Treatments.TreatmentKind.Acupressure, Core.Modalities.ModalitySetting.Home, "Press points.", "self-acupressure.md",
            new Core.Knowledge.ModalityKnowledge("Press.", 3, new Core.Knowledge.MinuteRange(10, 20), ["pain"], Core.Knowledge.CostTier.Free,
                new Core.Knowledge.Evidence(Core.Knowledge.EvidenceGrade.Low, "One trial.", [new Core.Knowledge.Citation("A trial", null, null, "V")]),
                [new Core.Knowledge.ContraindicationRule(HealthCondition.ImplantedDevice, Core.Knowledge.RuleAction.Avoid, "Not with this device.", "A source")], false, []));

        var routine = AcupressureRoutineBuilder.Build(PointContent.Catalog, HealthCondition.ImplantedDevice, refused);

        Assert.Empty(routine.Steps);
        Assert.Equal(FromTheBackDown, routine.Hidden.Select(h => h.Point.Id));
        Assert.All(routine.Hidden, h => Assert.Equal(("Not with this device.", "A source"), (h.Reason, h.Source)));
    }

    [Fact]
    public void Build_NeverIncludesEarPoints()
    {
        var routine = AcupressureRoutineBuilder.Build(PointContent.Catalog, HealthCondition.None);

        Assert.All(routine.Steps, s => Assert.Equal(PointGroup.Body, s.Point.Group));
        Assert.Equal(9 * 2 * 60, routine.TotalSeconds);
    }
}

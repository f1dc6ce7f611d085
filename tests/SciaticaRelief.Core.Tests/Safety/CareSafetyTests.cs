using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Safety;
using SciaticaRelief.Core.Treatments;
using C = SciaticaRelief.Core.Profiles.HealthCondition;
using R = SciaticaRelief.Core.Journal.BodyRegion;

namespace SciaticaRelief.Core.Tests.Safety;

/// <summary>
/// <see cref="CareSafety"/> on rules written here (not the shipped content), so each case shows the
/// rule of the verdict alone: one row per case, each saying why it exists.
/// </summary>
public sealed class CareSafetyTests
{
    private static readonly R[] Leg = [R.Thigh, R.Calf, R.Foot];

    private static ContraindicationRule Avoid(C c, string reason, string? where = null, R[]? areas = null, PointPressure? pressure = null) =>
        new(c, RuleAction.Avoid, reason, "Source of " + reason, where) { Areas = areas, MaxPressure = pressure };

    private static ContraindicationRule Caution(C c, string reason, string? where = null, PointPressure? pressure = null) =>
        new(c, RuleAction.Caution, reason, "Source of " + reason, where) { MaxPressure = pressure };

    public sealed record LevelRow(ContraindicationRule Rule, R[]? WorkedOn, SafetyLevel Expected, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<LevelRow> Levels => new(
    [
        new(Avoid(C.AnticoagulantsOrBleedingDisorder, "Bleeds."), null, SafetyLevel.Refused, "an avoid rule without a place refuses (absolute)"),
        new(Avoid(C.AnticoagulantsOrBleedingDisorder, "Bleeds."), [R.LowBack], SafetyLevel.Refused, "an absolute rule refuses wherever the care is"),
        new(Avoid(C.ReducedSensation, "Burns.", "areas where feeling is reduced"), null, SafetyLevel.Caution, "an avoid rule limited to a place is a precaution, 'not on X'"),
        new(Avoid(C.ReducedSensation, "Burns.", "areas where feeling is reduced"), [R.Foot], SafetyLevel.Caution, "a place that is not a body region never refuses, wherever the care is"),
        new(Avoid(C.SuspectedClot, "Clot.", "the leg", Leg), null, SafetyLevel.Caution, "a body-region place when where the care works is not known: a precaution"),
        new(Avoid(C.SuspectedClot, "Clot.", "the leg", Leg), [R.Calf], SafetyLevel.Refused, "care that works only inside the place (a calf point) is refused"),
        new(Avoid(C.SuspectedClot, "Clot.", "the leg", Leg), [R.Thigh, R.Calf], SafetyLevel.Refused, "all inside (a device for leg pain): refused"),
        new(Avoid(C.SuspectedClot, "Clot.", "the leg", Leg), [R.Buttock, R.Thigh], SafetyLevel.Caution, "partly inside (buttock and leg): a precaution, the rest stays"),
        new(Caution(C.Pregnancy, "Ask first."), null, SafetyLevel.Caution, "a caution rule is a precaution"),
        new(Caution(C.Pregnancy, "Ask first."), [R.Calf], SafetyLevel.Caution, "a caution rule never refuses, wherever the care is"),
    ]);

    [Theory]
    [MemberData(nameof(Levels))]
    public void LevelOf_Rule_GivesItsLevel(LevelRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Assert.Equal(row.Expected, CareSafety.LevelOf(row.Rule, row.WorkedOn));
    }

    private static readonly ContraindicationRule[] Rules =
    [
        Avoid(C.AnticoagulantsOrBleedingDisorder, "Bleeds."),
        Caution(C.Pregnancy, "Ask first."),
        Avoid(C.SuspectedClot, "Clot.", "the leg", Leg),
        Avoid(C.SkinLesionOrInfection, "Skin.", "over the wound"),
        Caution(C.Osteoporosis, "Press lightly.", pressure: PointPressure.Light),
        Avoid(C.RecentFracture, "Bone.", "over or near the broken bone"),
    ];

    public sealed record VerdictRow(C Conditions, R[]? WorkedOn, SafetyLevel Level, string[] Texts, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<VerdictRow> Verdicts => new(
    [
        new(C.None, null, SafetyLevel.Allowed, [], "no condition: allowed, no reasons"),
        new(C.LongTermSteroids, null, SafetyLevel.Allowed, [], "a condition no rule names: allowed"),
        new(C.AnticoagulantsOrBleedingDisorder, null, SafetyLevel.Refused, ["Bleeds."], "one absolute rule: refused with its reason"),
        new(C.Pregnancy, null, SafetyLevel.Caution, ["Ask first."], "a caution: offered with it"),
        new(C.SkinLesionOrInfection, null, SafetyLevel.Caution, ["Not over the wound: Skin."], "a place to keep off reads 'Not <place>: <reason>'"),
        new(C.SuspectedClot, null, SafetyLevel.Caution, ["Not on the leg: Clot."], "'the leg' follows 'not' as 'on the leg'"),
        new(C.SuspectedClot, [R.Calf], SafetyLevel.Refused, ["Clot."], "refused inside its areas: the reason alone, no 'not on' (nothing is left to keep off)"),
        new(C.SuspectedClot, [R.LowBack], SafetyLevel.Allowed, [], "care only outside the rule's areas is not concerned by it (a low-back point)"),
        new(C.Pregnancy | C.AnticoagulantsOrBleedingDisorder | C.SkinLesionOrInfection, null, SafetyLevel.Refused,
            ["Bleeds.", "Ask first.", "Not over the wound: Skin."], "the most serious level wins; refusals first, then the profile form's order"),
        new(C.RecentFracture | C.Osteoporosis, null, SafetyLevel.Caution, ["Press lightly.", "Not over or near the broken bone: Bone."], "several cautions, in the profile form's order (osteoporosis before a recent fracture)"),
    ]);

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void Evaluate_Conditions_GiveTheLevelAndReasonsInOrder(VerdictRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var verdict = CareSafety.Evaluate("care", Rules, row.Conditions, row.WorkedOn);

        Assert.Equal(row.Level, verdict.Level);
        Assert.Equal(row.Texts, verdict.Reasons.Select(r => r.Text));
        Assert.All(verdict.Reasons, r => Assert.Equal("Source of " + r.Reason, r.Source));
        Assert.Equal(row.Level != SafetyLevel.Refused, verdict.Offered);
        Assert.Equal(row.Level == SafetyLevel.Refused ? row.Texts[0] : null, verdict.Refusal?.Text);
    }

    [Fact]
    public void Evaluate_SameReasonTwice_IsGivenOnce()
    {
        // A point's file rule and its own rule may say the same thing.
        var verdict = CareSafety.Evaluate("bl23", [Caution(C.Pregnancy, "Ask first."), Caution(C.Pregnancy, "Ask first.")], C.Pregnancy);

        Assert.Single(verdict.Reasons);
    }

    [Fact]
    public void Verdict_AvoidedRegionsAndPressure_ComeFromTheRulesThatApply()
    {
        var verdict = CareSafety.Evaluate("device", Rules, C.SuspectedClot | C.Osteoporosis, [R.Buttock, R.Thigh]);

        Assert.Equal(Leg.ToHashSet(), verdict.AvoidedRegions);
        Assert.Equal(PointPressure.Light, verdict.MaxPressure);
        Assert.Null(CareSafety.Evaluate("device", Rules, C.Pregnancy).MaxPressure);
    }

    private static Modality Machine(string id, params ContraindicationRule[] rules) =>
        new(id, id, TreatmentKind.Machine, ModalitySetting.Home, "A device.", id + ".md",
            new ModalityKnowledge("Use it.", 2, new MinuteRange(5, 15), ["tension"], CostTier.Low,
                new Evidence(EvidenceGrade.Insufficient, "No trials.", [new Citation("None", null, null, "U")]), rules, true, []));

    private static DeviceKind Device(string id, PainArea areas) => new(id, id, areas, 2, CostTier.Low, DeviceHeat.None, [], []);

    public sealed record DeviceRow(PainArea Made, PainArea UsedOn, SafetyLevel Expected, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<DeviceRow> Devices => new(
    [
        new(PainArea.Foot, PainArea.None, SafetyLevel.Refused, "a foot device with a suspected clot: everything it works on is the leg"),
        new(PainArea.Buttock | PainArea.Leg, PainArea.Leg, SafetyLevel.Refused, "a buttock-and-leg device used for leg pain: refused"),
        new(PainArea.Buttock | PainArea.Leg, PainArea.Buttock | PainArea.Leg, SafetyLevel.Caution, "used for the buttock and leg: suggested for the buttock, not on the leg"),
        new(PainArea.LowBack | PainArea.Buttock, PainArea.None, SafetyLevel.Allowed, "a back cushion does not touch the leg"),
    ]);

    [Theory]
    [MemberData(nameof(Devices))]
    public void ForDevice_AreaRules_FollowWhereItIsUsed(DeviceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var content = Machine("gadget", Avoid(C.SuspectedClot, "Clot.", "the leg", Leg));

        Assert.Equal(row.Expected, CareSafety.ForDevice(Device("gadget", row.Made), content, C.SuspectedClot, row.UsedOn).Level);
    }

    [Fact]
    public void ForDevice_WithoutContent_IsRefused_ItsSafetyCannotBeChecked()
    {
        var verdict = CareSafety.ForDevice(Device("gadget", PainArea.LowBack), null, C.None);

        Assert.Equal(SafetyLevel.Refused, verdict.Level);
        Assert.Equal(CareSafety.NoRulesReason, verdict.Refusal!.Reason);
    }

    [Fact]
    public void ForModality_WithoutKnowledge_IsAllowed()
    {
        var other = new Modality("other", "Something else", TreatmentKind.Other, ModalitySetting.Home, "Anything.", "other.md");

        Assert.Equal(SafetyLevel.Allowed, CareSafety.ForModality(other, C.Pregnancy | C.SuspectedClot).Level);
    }

    [Fact]
    public void ForPoint_UsesThePointsRegion()
    {
        var calf = new AcuPoint("bl57", "BL57", "Chengshan", PointGroup.Body, "Calf.", PointPressure.Moderate, 60, 180, [], false, "WHO", "P", false, "WHO",
            new ChartPosition(ChartKind.Back, 80, 388)) { Region = R.Calf, Contraindications = [Avoid(C.SuspectedClot, "Clot.", "the leg", Leg)] };

        Assert.Equal(SafetyLevel.Refused, CareSafety.ForPoint(calf, C.SuspectedClot).Level);
        Assert.Equal(SafetyLevel.Allowed, CareSafety.ForPoint(calf with { Region = R.LowBack }, C.SuspectedClot).Level);
        Assert.Equal(SafetyLevel.Caution, CareSafety.ForPoint(calf with { Region = null }, C.SuspectedClot).Level);
    }

    public sealed record WarningRow(C Conditions, string[] Messages, WarningLevel[] Levels, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<WarningRow> WarningRows => new(
    [
        new(C.AnticoagulantsOrBleedingDisorder, ["Gun is not advised for you: Bleeds."], [WarningLevel.Warning], "recording a refused care warns: not advised, with the reason"),
        new(C.SuspectedClot, ["Gun, not on the leg: Clot."], [WarningLevel.Caution], "a place to keep off is a caution naming the place"),
        new(C.Pregnancy, ["Gun: Ask first."], [WarningLevel.Caution], "a caution is a caution"),
        new(C.None, [], [], "nothing applies: nothing to say"),
    ]);

    [Theory]
    [MemberData(nameof(WarningRows))]
    public void Warnings_Verdict_BecomeWarningsWithSourcesAndStableIds(WarningRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var warnings = CareSafety.Warnings(CareSafety.Evaluate("gun", Rules, row.Conditions), "Gun");

        Assert.Equal(row.Messages, warnings.Select(w => w.Message));
        Assert.Equal(row.Levels, warnings.Select(w => w.Level));
        Assert.All(warnings, w => Assert.StartsWith("Source of ", w.Source, StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.Matches("^CONTRA:gun:[a-z-]+$", w.RuleId));
    }

    [Theory]
    [InlineData("the leg", "on the leg", "a body part takes 'on'")]
    [InlineData("areas where feeling is reduced", "on areas where feeling is reduced", "areas take 'on'")]
    [InlineData("skin with reduced feeling", "on skin with reduced feeling", "skin takes 'on'")]
    [InlineData("near the operation site", "near the operation site", "a place with its own preposition stays")]
    [InlineData("over or near the broken bone", "over or near the broken bone", "the fracture rule's place stays")]
    public void OnWhere_ReadsAfterNot(string where, string expected, string why)
    {
        Assert.True(CareSafety.OnWhere(where) == expected, why);
    }

    [Fact]
    public void SafetyLevels_AreOrderedFromAllowedToRefused()
    {
        // Verdicts take the most serious level by comparing them.
        Assert.True(SafetyLevel.Allowed < SafetyLevel.Caution && SafetyLevel.Caution < SafetyLevel.Refused);
        Assert.Equal(SafetyLevel.Refused, Enum.GetValues<SafetyLevel>().Max());
    }

    [Fact]
    public void Surfaces_RecordingOnesAreTheTreatmentLogAndTheSessionNote()
    {
        Assert.Equal([CareSurface.TreatmentLog, CareSurface.SessionNote], CareSurfaces.All.Where(s => s.Records()));
    }

    [Fact]
    public void RegionsOfTheChoosersAreas_TheLegIsTheThighAndCalf()
    {
        Assert.Equal([R.Thigh, R.Calf], MachineChooser.RegionsOf(PainArea.Leg));
        Assert.Equal(PainArea.Leg | PainArea.Foot, MachineChooser.AreasWithin(Leg.ToHashSet()));
        Assert.Equal(PainArea.None, MachineChooser.AreasWithin(new HashSet<R> { R.Calf }));
    }
}

using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Treatments;
using S = SciaticaRelief.Core.Treatments.SideEffectSign;

namespace SciaticaRelief.Core.Tests.Treatments;

/// <summary>Bruising, soreness and other signs after a treatment against CLINICAL.md section 4: one row per rule.</summary>
public sealed class SideEffectRulesTests
{
    private static readonly int LowBackBoth = BodyMap.ToBits([new BodyArea(BodyRegion.LowBack, Side.Both)]);
    private static readonly int LeftCalf = BodyMap.ToBits([new BodyArea(BodyRegion.Calf, Side.Left)]);
    private static readonly int LeftLowBack = BodyMap.ToBits([new BodyArea(BodyRegion.LowBack, Side.Left)]);

    private static SideEffectInput Massage(BruiseSize bruising = BruiseSize.None, int bruiseAreas = 0, int? soreness = null, S signs = S.None,
        HealthCondition conditions = HealthCondition.None, string[]? points = null, int? bodyAreas = null) =>
        new(TreatmentKind.Massage, bruising, bodyAreas ?? LowBackBoth, bruiseAreas, soreness, signs, points ?? [], conditions);

    public sealed record RuleRow(string RuleId, WarningLevel Level, SideEffectInput Input, string Why)
    {
        public override string ToString() => $"{RuleId}: {Why}";
    }

    /// <summary>One row per rule. A rule without a row fails <see cref="RuleTable_CoversEveryRule"/>.</summary>
    private static readonly RuleRow[] Rows =
    [
        new("BRUISE-SMALL", WarningLevel.Info, Massage(BruiseSize.Small, LeftLowBack),
            "CLINICAL.md 4: small tender marks at pressure sites are normal: say so, reassuringly"),
        new("BRUISE-MEDIUM", WarningLevel.Caution, Massage(BruiseSize.Medium, LeftLowBack),
            "a medium bruise at the treated area is between the normal marks and a large bruise: watch it, with the signs to act on"),
        new("BRUISE-LARGE", WarningLevel.Warning, Massage(BruiseSize.Large, LeftLowBack),
            "CLINICAL.md 4: large bruises are a warning"),
        new("BRUISE-SPREADING", WarningLevel.Warning, Massage(BruiseSize.Small, signs: S.BruiseSpreading),
            "CLINICAL.md 4: a spreading bruise is a warning even when it started small"),
        new("BRUISE-SWOLLEN", WarningLevel.Warning, Massage(BruiseSize.Medium, signs: S.VerySwollen),
            "CLINICAL.md 4: a very swollen bruise is a warning"),
        new("BRUISE-AWAY", WarningLevel.Warning, Massage(BruiseSize.Small, signs: S.BruiseAwayFromTreatedArea),
            "CLINICAL.md 4: bruises away from the treated area are a warning (the Person says so)"),
        new("BRUISE-ANTICOAGULANT", WarningLevel.Warning, Massage(BruiseSize.Small, LeftLowBack, conditions: HealthCondition.AnticoagulantsOrBleedingDisorder),
            "CLINICAL.md 4: easy bruising on anticoagulants is a warning, however small"),
        new("CALF-SWELLING", WarningLevel.Warning, Massage(signs: S.CalfSwelling),
            "CLINICAL.md 4: calf swelling may be a clot"),
        new("DARK-URINE", WarningLevel.Warning, new SideEffectInput(TreatmentKind.Machine, BruiseSize.None, LeftCalf, 0, 3, S.DarkUrine, [], HealthCondition.None),
            "CLINICAL.md 4: dark urine after a massage gun may be rhabdomyolysis (Chen 2021)"),
        new("BLEEDING-GUMS-NOSE", WarningLevel.Warning, Massage(BruiseSize.Small, signs: S.BleedingGumsOrNose),
            "CLINICAL.md 4: bleeding gums or nosebleeds with bruising are a warning"),
        new("NEW-NUMBNESS-WEAKNESS", WarningLevel.Warning, Massage(signs: S.NewNumbness),
            "CLINICAL.md 4: new numbness or weakness: re-run triage"),
        new("SORENESS-NORMAL", WarningLevel.Info, Massage(soreness: 4),
            "CLINICAL.md 4: soreness up to 2-3 days is normal: say so, reassuringly"),
    ];

    public static TheoryData<RuleRow> RuleTable => new(Rows);

    [Theory]
    [MemberData(nameof(RuleTable))]
    public void Evaluate_RuleCondition_FiresTheRuleAtItsLevelWithItsSource(RuleRow row)
    {
        var warnings = SideEffectRules.Evaluate(row.Input);

        var w = Assert.Single(warnings, w => w.RuleId == row.RuleId);
        Assert.Equal(row.Level, w.Level);
        Assert.Equal(row.Level, SideEffectRules.Find(row.RuleId)!.Level);
        Assert.False(string.IsNullOrWhiteSpace(w.Source));
        Assert.False(string.IsNullOrWhiteSpace(w.Message));
    }

    [Fact]
    public void RuleTable_CoversEveryRule()
    {
        var inTable = Rows.Select(r => r.RuleId).ToHashSet(StringComparer.Ordinal);
        var inRules = SideEffectRules.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(inRules.Except(inTable));
        Assert.Empty(inTable.Except(inRules));
        Assert.Equal(Rows.Length, inTable.Count);
        Assert.Equal(inRules.Count, SideEffectRules.All.Count); // ids are unique
    }

    public sealed record QuietRow(SideEffectInput Input, string[] Fired, string[] NotFired, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<QuietRow> Combinations { get; } = new()
    {
        new(Massage(), [], ["BRUISE-SMALL", "SORENESS-NORMAL"], "nothing after the session: nothing to say"),
        new(Massage(BruiseSize.Small, LeftLowBack, conditions: HealthCondition.AnticoagulantsOrBleedingDisorder), ["BRUISE-ANTICOAGULANT"], ["BRUISE-SMALL"],
            "on anticoagulants a small bruise is not called normal: only the warning shows"),
        new(Massage(BruiseSize.Small, LeftCalf), ["BRUISE-AWAY"], ["BRUISE-SMALL"],
            "the bruise map shows a calf bruise after a low-back massage: away from the treated area, though not ticked"),
        new(Massage(BruiseSize.Small, LeftCalf, bodyAreas: 0), ["BRUISE-SMALL"], ["BRUISE-AWAY"],
            "treated areas not given: the maps cannot be compared, so no inference"),
        new(Massage(BruiseSize.Large, LeftLowBack), ["BRUISE-LARGE"], ["BRUISE-MEDIUM", "BRUISE-SMALL"], "a large bruise is not also called normal"),
        new(Massage(soreness: 5, signs: S.CalfSwelling), ["CALF-SWELLING"], ["SORENESS-NORMAL"], "with a warning sign, soreness is not called normal"),
        new(Massage(soreness: 0), [], ["SORENESS-NORMAL"], "soreness 0 is no soreness"),
        new(Massage(signs: S.NewWeakness), ["NEW-NUMBNESS-WEAKNESS"], [], "new weakness alone re-runs triage too"),
        new(new SideEffectInput(TreatmentKind.Acupressure, BruiseSize.None, 0, 0, null, S.None, ["bl60"], HealthCondition.Pregnancy), [], [],
            "BL60 pressed in pregnancy is not a side effect: the point's own verdict warns about it (CareSafety, TreatmentWarnings.Contraindications)"),
        new(Massage(BruiseSize.None, conditions: HealthCondition.AnticoagulantsOrBleedingDisorder), [], ["BRUISE-ANTICOAGULANT"],
            "anticoagulants without bruising: nothing to warn about after this session"),
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Evaluate_Combinations(QuietRow row)
    {
        var ids = SideEffectRules.Evaluate(row.Input).Select(w => w.RuleId).ToList();

        Assert.All(row.Fired, id => Assert.Contains(id, ids));
        Assert.All(row.NotFired, id => Assert.DoesNotContain(id, ids));
        if (row.Fired.Length == 0)
        {
            Assert.DoesNotContain(SideEffectRules.Evaluate(row.Input), w => w.Level >= WarningLevel.Caution);
        }
    }

    [Fact]
    public void Evaluate_NewNumbness_OffersTheSymptomCheck()
    {
        var w = Assert.Single(SideEffectRules.Evaluate(Massage(signs: S.NewNumbness)));

        Assert.Equal(WarningAction.RerunTriage, w.Action);
        Assert.Contains("symptom check", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SeveralSigns_WarningsComeBeforeInformation()
    {
        var warnings = SideEffectRules.Evaluate(Massage(BruiseSize.Medium, LeftLowBack, soreness: 3, signs: S.DarkUrine));

        Assert.Equal(warnings.OrderByDescending(w => w.Level).Select(w => w.RuleId), warnings.Select(w => w.RuleId));
        Assert.Equal("DARK-URINE", warnings[0].RuleId);
    }

    [Fact]
    public void Messages_NeverSuggestMassageOrHomeCare()
    {
        // They are shown even while triage pauses self-care (PRODUCT.md): no "try", no "next session".
        Assert.All(SideEffectRules.All, r =>
        {
            Assert.DoesNotContain("try ", r.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("next session", r.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("book", r.Message, StringComparison.OrdinalIgnoreCase);
        });
    }
}

using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Tests.Treatments;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Tests.Knowledge;

/// <summary>The repository's modality files: valid, complete, and carrying the rules the recommendation engine relies on.</summary>
public sealed class ShippedModalityKnowledgeTests
{
    private static ModalityCatalog Catalog => TreatmentContent.Catalog;

    [Fact]
    public void EveryModalityButOther_HasKnowledgeWithSourcesAndABody()
    {
        Assert.All(Catalog.All.Where(m => m.Kind != TreatmentKind.Other), m =>
        {
            Assert.NotNull(m.Knowledge);
            Assert.NotEmpty(m.Knowledge.Evidence.Sources);
            Assert.Contains("## ", m.Body, StringComparison.Ordinal); // the page has sections, not only the summary
        });
    }

    [Fact]
    public void EveryFileCitingAnUnverifiedFact_IsMarkedForReview()
    {
        // CLINICAL.md: content built on a [U] fact says "needs clinical review" until a clinician signs it off.
        var unverified = Catalog.All.Where(m => m.Knowledge is { } k
            && (k.Evidence.Sources.Any(s => s.Mark == "U") || k.Contraindications.Any(r => r.Source.Contains("[U]", StringComparison.Ordinal))));

        Assert.All(unverified, m => Assert.True(m.Knowledge!.ReviewNeeded, m.File));
    }

    public sealed record RuleRow(string ModalityId, HealthCondition Condition, RuleAction Action, string? Where, string Why)
    {
        public override string ToString() => $"{ModalityId} {Condition}: {Why}";
    }

    /// <summary>The rules the recommendation engine relies on (issue 4 and CLINICAL.md section 4): each must be data in its file.</summary>
    public static TheoryData<RuleRow> RequiredRules()
    {
        var rows = new TheoryData<RuleRow>
        {
            new("deep-tissue-massage", HealthCondition.AnticoagulantsOrBleedingDisorder, RuleAction.Avoid, null, "firm pressure bruises or bleeds on blood thinners"),
            new("percussion-massage-gun", HealthCondition.AnticoagulantsOrBleedingDisorder, RuleAction.Avoid, null, "forceful tapping bruises or bleeds on blood thinners"),
            new("neuromuscular-massage", HealthCondition.AnticoagulantsOrBleedingDisorder, RuleAction.Avoid, null, "firm, held pressure is vigorous massage: avoided on blood thinners as deep tissue is"),
            new("neuromuscular-massage", HealthCondition.Osteoporosis, RuleAction.Avoid, null, "firm, held pressure can fracture weak bone"),
            new("myofascial-release", HealthCondition.AnticoagulantsOrBleedingDisorder, RuleAction.Caution, null, "sustained, moderate pressure (3 of 5): take care, not vigorous"),
            new("foot-massager", HealthCondition.ReducedSensation, RuleAction.Avoid, null, "it works on the feet, where reduced feeling is most frequent: burns and bruises go unnoticed"),
            new("heated-massage-cushion", HealthCondition.ReducedSensation, RuleAction.Avoid, null, "its warmth is how it works: burn risk where heat is not felt"),
            new("heat", HealthCondition.ReducedSensation, RuleAction.Avoid, "areas where feeling is reduced", "burn risk where heat is not felt"),
            new("hot-stone-massage", HealthCondition.ReducedSensation, RuleAction.Avoid, "areas where feeling is reduced", "burn risk where heat is not felt"),
            new("deep-tissue-massage", HealthCondition.Osteoporosis, RuleAction.Avoid, null, "deep pressure can fracture weak bone"),
            new("percussion-massage-gun", HealthCondition.Osteoporosis, RuleAction.Avoid, null, "forceful tapping can fracture weak bone"),
            new("heat", HealthCondition.Pregnancy, RuleAction.Caution, null, "warm, not hot, in pregnancy"),
            new("acupuncture", HealthCondition.ImplantedDevice, RuleAction.Avoid, "electroacupuncture (needles with a small electric current)", "no current near a pacemaker"),
            new("deep-tissue-massage", HealthCondition.RecentSurgery, RuleAction.Avoid, "near the operation site", "no firm pressure near a healing wound"),
            new("deep-tissue-massage", HealthCondition.SkinLesionOrInfection, RuleAction.Avoid, "over the wound, rash or infected skin", "no pressure over broken skin"),
        };
        // A suspected clot rules out massage of the leg for every massage, machine and acupressure.
        foreach (var m in TreatmentContent.Catalog.All.Where(m => m.Kind is TreatmentKind.Massage or TreatmentKind.Machine or TreatmentKind.Acupressure))
        {
            rows.Add(new(m.Id, HealthCondition.SuspectedClot, RuleAction.Avoid, "the leg", "massage could loosen a clot"));
            rows.Add(new(m.Id, HealthCondition.RecentFracture, RuleAction.Avoid, "over or near the broken bone", "never over a fracture (CLINICAL.md 4)"));
        }
        foreach (var m in TreatmentContent.Catalog.All.Where(m => m.Kind is TreatmentKind.Massage))
        {
            rows.Add(new(m.Id, HealthCondition.Pregnancy, RuleAction.Caution, null, "ask your midwife or doctor"));
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(RequiredRules))]
    public void RequiredRule_IsInTheFile(RuleRow row)
    {
        var rules = Catalog.Find(row.ModalityId)!.Knowledge!.Contraindications;

        var rule = Assert.Single(rules, r => r.Condition == row.Condition);
        Assert.Equal(row.Action, rule.Action);
        Assert.Equal(row.Where, rule.Where);
        Assert.False(string.IsNullOrWhiteSpace(rule.Reason));
        Assert.False(string.IsNullOrWhiteSpace(rule.Source));
    }

    [Fact]
    public void TheLeg_IsTheThighCalfAndFoot_WhereverARuleSaysSo()
    {
        // The machine chooser, the treatment log and session notes compare these regions with where care is applied.
        Assert.All(Catalog.All.SelectMany(m => m.Knowledge?.Contraindications ?? []).Where(r => r.Where == "the leg"),
            r => Assert.Equal([Core.Journal.BodyRegion.Thigh, Core.Journal.BodyRegion.Calf, Core.Journal.BodyRegion.Foot], r.Areas));
    }

    [Fact]
    public void FirmOrVigorousMassage_FollowsDeepTissuesRules()
    {
        // CLINICAL.md 4: "deep tissue / vigorous massage: avoid with bleeding disorders or anticoagulants; never over
        // weakened bone; no deep pressure over a tumour". Firm or vigorous = intensity 4 or 5 (deep tissue, neuromuscular,
        // the percussion gun); at 3 and below (myofascial release, acupressure, kneading machines) they are cautions.
        var firm = Catalog.All.Where(m => m.Knowledge is { Intensity: >= 4 }).ToList();
        Assert.Equal(["deep-tissue-massage", "neuromuscular-massage", "percussion-massage-gun"], firm.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.All(firm, m =>
        {
            var rules = m.Knowledge!.Contraindications;
            Assert.Contains(rules, r => r.Condition == HealthCondition.AnticoagulantsOrBleedingDisorder && r is { Action: RuleAction.Avoid, Where: null });
            Assert.Contains(rules, r => r.Condition == HealthCondition.Osteoporosis && r is { Action: RuleAction.Avoid, Where: null });
            Assert.Contains(rules, r => r.Condition == HealthCondition.PastCancer && r.Action == RuleAction.Caution);
        });
        Assert.All(Catalog.All.Where(m => m.Knowledge is { Intensity: < 4 } && m.Kind is TreatmentKind.Massage or TreatmentKind.Machine or TreatmentKind.Acupressure),
            m => Assert.DoesNotContain(m.Knowledge!.Contraindications, r => r.Condition == HealthCondition.AnticoagulantsOrBleedingDisorder && r.Action == RuleAction.Avoid));
    }

    [Fact]
    public void EveryHandsOnModality_KeepsOffARecentSurgicalSiteAndBrokenSkin()
    {
        // CLINICAL.md 4: never over a wound, skin infection or recent surgical site.
        Assert.All(Catalog.All.Where(m => m.Kind is TreatmentKind.Massage or TreatmentKind.Machine or TreatmentKind.Acupressure), m =>
        {
            Assert.Contains(m.Knowledge!.Contraindications, r => r.Condition == HealthCondition.RecentSurgery && r.Where is not null);
            Assert.Contains(m.Knowledge!.Contraindications, r => r.Condition == HealthCondition.SkinLesionOrInfection && r.Where is not null);
        });
    }

    [Fact]
    public void PregnancyCautions_OnMassage_SendToTheMidwifeOrDoctor()
    {
        Assert.All(Catalog.OfKind(TreatmentKind.Massage), m =>
            Assert.Contains("midwife or doctor", m.Knowledge!.Contraindications.Single(r => r.Condition == HealthCondition.Pregnancy).Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void DeepTissue_SaysWhatTheTrialCompared()
    {
        // The article's "as effective as NSAIDs" overstates a trial with no untreated group (CLINICAL.md section 3).
        var evidence = Catalog.Find("deep-tissue-massage")!.Knowledge!.Evidence;

        Assert.Equal(EvidenceGrade.VeryLow, evidence.Grade);
        Assert.Contains("plus an anti-inflammatory", evidence.Summary, StringComparison.Ordinal);
        Assert.Contains("no untreated group", evidence.Summary, StringComparison.Ordinal);
        Assert.Contains(evidence.Sources, s => s.Doi == "10.1155/2014/287597");
    }

    [Theory]
    [InlineData("heat", EvidenceGrade.Moderate, "superficial heat, Cochrane 2006 and ACP 2017")]
    [InlineData("acupressure-by-therapist", EvidenceGrade.LowToModerate, "one good RCT (Hsieh 2006)")]
    [InlineData("myofascial-release", EvidenceGrade.Low, "meta-analysis of 8 small RCTs")]
    [InlineData("acupuncture", EvidenceGrade.Conflicting, "guidelines disagree")]
    [InlineData("hot-stone-massage", EvidenceGrade.Insufficient, "no trials found")]
    [InlineData("ear-seeds", EvidenceGrade.Low, "7 small RCTs")]
    [InlineData("percussion-massage-gun", EvidenceGrade.VeryLow, "athletic studies only")]
    public void Grades_FollowClinicalSection3(string id, EvidenceGrade grade, string why)
    {
        Assert.True(Catalog.Find(id)!.Knowledge!.Evidence.Grade == grade, why);
    }

    [Fact]
    public void Intensity_IsGivenWherePressureApplies()
    {
        Assert.All(Catalog.All.Where(m => m.Kind is not (TreatmentKind.Medicine or TreatmentKind.Rest or TreatmentKind.Other)),
            m => Assert.InRange(m.Knowledge!.Intensity!.Value, 1, 5));
        Assert.True(Catalog.Find("swedish-massage")!.Knowledge!.Intensity < Catalog.Find("deep-tissue-massage")!.Knowledge!.Intensity,
            "the article's rule 'deep tissue is too much: try Swedish' needs Swedish to be gentler");
    }
}

using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Tests.Recommendations;

/// <summary>
/// A small catalogue with the shape of content/modalities (grades from CLINICAL.md 3, rules from
/// section 4), built in code so the engine's tables do not depend on the content's wording.
/// </summary>
internal static class RecommendationFixture
{
    private static ContraindicationRule Avoid(HealthCondition c, string reason, string? where = null) =>
        new(c, RuleAction.Avoid, reason, "CLINICAL.md 4", where);

    private static ContraindicationRule Caution(HealthCondition c, string reason) =>
        new(c, RuleAction.Caution, reason, "CLINICAL.md 4");

    private static Modality M(string id, string name, TreatmentKind kind, ModalitySetting setting, int? intensity, EvidenceGrade grade,
        CostTier cost, int minMinutes, params ContraindicationRule[] rules) =>
        new(id, name, kind, setting, name + ".", id + ".md", new ModalityKnowledge(
            name + " technique.", intensity, new MinuteRange(minMinutes, minMinutes + 15), ["muscle tension"], cost,
            new Evidence(grade, "What the trials compared.", [new Citation("Source " + id, null, null, "V")]),
            rules, ReviewNeeded: false, Related: []));

    public static IReadOnlyList<Modality> Modalities { get; } =
    [
        M("deep-tissue-massage", "Deep tissue massage", TreatmentKind.Massage, ModalitySetting.Therapist, 5, EvidenceGrade.VeryLow, CostTier.High, 45,
            Avoid(HealthCondition.AnticoagulantsOrBleedingDisorder, "Firm pressure can cause bleeding into the muscle on blood thinners."),
            Avoid(HealthCondition.SuspectedClot, "A possible clot must not be massaged.", "the leg"),
            Caution(HealthCondition.Pregnancy, "In pregnancy deep pressure needs your provider's advice.")),
        M("swedish-massage", "Swedish massage", TreatmentKind.Massage, ModalitySetting.Therapist, 2, EvidenceGrade.Low, CostTier.Moderate, 45,
            Avoid(HealthCondition.SuspectedClot, "A possible clot must not be massaged.", "the leg"),
            Caution(HealthCondition.Pregnancy, "In pregnancy tell the therapist and ask your provider.")),
        M("hot-stone-massage", "Hot stone massage", TreatmentKind.Massage, ModalitySetting.Therapist, 2, EvidenceGrade.Insufficient, CostTier.High, 60,
            Avoid(HealthCondition.ReducedSensation, "You may not feel a burn.", "areas with reduced feeling")),
        M("percussion-massage-gun", "Percussion massage gun", TreatmentKind.Machine, ModalitySetting.Home, 4, EvidenceGrade.VeryLow, CostTier.Moderate, 5,
            Avoid(HealthCondition.AnticoagulantsOrBleedingDisorder, "Vigorous tapping can cause bruising and bleeding on blood thinners.")),
        M("heat", "Heat", TreatmentKind.HeatOrCold, ModalitySetting.Home, null, EvidenceGrade.Moderate, CostTier.Free, 15,
            Avoid(HealthCondition.ReducedSensation, "You may not feel a burn.", "skin with reduced feeling"),
            Caution(HealthCondition.Pregnancy, "Warm, not hot, in pregnancy.")),
        M("self-acupressure", "Self-acupressure", TreatmentKind.Acupressure, ModalitySetting.Home, 3, EvidenceGrade.Low, CostTier.Free, 10,
            Caution(HealthCondition.Pregnancy, "Some points are not pressed in pregnancy; the routine hides them.")),
        M("rest-and-staying-active", "Rest and staying active", TreatmentKind.Rest, ModalitySetting.Home, null, EvidenceGrade.Moderate, CostTier.Free, 30),
        M("over-the-counter-medicine", "Over-the-counter medicine", TreatmentKind.Medicine, ModalitySetting.Home, null, EvidenceGrade.Low, CostTier.Low, 0),
        new("other", "Something else", TreatmentKind.Other, ModalitySetting.Home, "Anything else.", "other.md"),
    ];

    public static RecommendationInput Input(
        TriageLevel level = TriageLevel.SelfCare, HealthCondition conditions = HealthCondition.None, CarePreferences? prefs = null,
        IReadOnlyList<ModalityEffect>? results = null) =>
        new(level, conditions, prefs ?? new CarePreferences(5, SettingPreference.Either, CostTier.High, 60), Modalities, results ?? []);

    /// <summary>A modality's own results: n treatment days compared with untreated days, with the mean difference.</summary>
    public static ModalityEffect Own(string id, int n, double difference, double? immediate = null) =>
        new(id, n,
            immediate is { } i ? new Estimate(n, i, 1, 2.5, i - 1, i + 1) : new Estimate(n, null, null, null, null, null),
            new Estimate(n, null, null, null, null, null),
            new UntreatedComparison(n, n, null, null, n >= Estimate.MinimumN
                ? new Estimate(n, difference, 1, 2.5, difference - 1, difference + 1)
                : new Estimate(n, null, null, null, null, null)),
            new ResponderShare(0, 0), new ResponderShare(0, 0));
}

using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Web.Knowledge;

/// <summary>The English phrases the knowledge pages build sentences from (passed through the localizer by the pages).</summary>
public static class KnowledgeText
{
    public static string Grade(EvidenceGrade grade) => grade switch
    {
        EvidenceGrade.Insufficient => "Insufficient",
        EvidenceGrade.VeryLow => "Very low",
        EvidenceGrade.Conflicting => "Conflicting",
        EvidenceGrade.Low => "Low",
        EvidenceGrade.LowToModerate => "Low to moderate",
        EvidenceGrade.Moderate => "Moderate",
    };

    public static string Cost(CostTier cost) => cost switch
    {
        CostTier.Free => "Free",
        CostTier.Low => "Low",
        CostTier.Moderate => "Moderate",
        CostTier.High => "High",
    };

    public static string Setting(ModalitySetting setting) => setting switch
    {
        ModalitySetting.Therapist => "With a therapist",
        ModalitySetting.Home => "At home",
    };

    /// <summary>The rule's action as the start of a sentence: "Avoid if ..." or "Take care if ...".</summary>
    public static string Action(RuleAction action) => action switch
    {
        RuleAction.Avoid => "Avoid if",
        RuleAction.Caution => "Take care if",
    };

    /// <summary>What a CLINICAL.md mark means, for the source list.</summary>
    public static string Mark(string mark) => mark switch
    {
        "V" => "read in the source",
        "P" => "from a secondary source",
        _ => "not verified: needs clinical review",
    };

    /// <summary>A health condition as the end of "Avoid if ...".</summary>
    public static string Condition(HealthCondition condition) => condition switch
    {
        HealthCondition.Pregnancy => "you are pregnant",
        HealthCondition.AnticoagulantsOrBleedingDisorder => "you take blood thinners (anticoagulants) or have a bleeding disorder",
        HealthCondition.ReducedSensation => "the feeling in your skin is reduced",
        HealthCondition.Osteoporosis => "you have osteoporosis (weak bones)",
        HealthCondition.PastCancer => "you have had cancer",
        HealthCondition.RecentSurgery => "you had surgery in the last 3 months",
        HealthCondition.SuspectedClot => "you have a swollen, painful calf (a possible blood clot)",
        HealthCondition.SkinLesionOrInfection => "you have a wound, rash or skin infection",
        HealthCondition.ImplantedDevice => "you have a pacemaker or another implanted electronic device",
        HealthCondition.LongTermSteroids => "you have taken steroid tablets for a long time",
        HealthCondition.Immunosuppression => "your immune system is weakened",
        HealthCondition.RecentFracture => "you have broken a bone in the last 3 months",
        _ => HealthConditions.IdOf(condition),
    };
}

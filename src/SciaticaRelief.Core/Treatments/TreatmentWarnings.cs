using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Safety;

namespace SciaticaRelief.Core.Treatments;

/// <summary>
/// Every warning about one Treatment: side effects (CLINICAL.md section 4), medicine maximums
/// (section 7), ear seeds (section 5) and the contraindications of what was done for the Person's
/// health conditions (<see cref="CareSafety"/>). Recording never refuses: a treatment that is not
/// advised is saved and warned about, and those warnings are stored with it.
/// </summary>
public static class TreatmentWarnings
{
    /// <summary>
    /// Every warning, with the contraindications of the logged modality (for where it was applied,
    /// when the body areas are given) and of each point pressed that the Person's conditions rule
    /// out (a point's precautions are the routine's and are not repeated here). The most serious
    /// first; within a level, side effects before contraindications.
    /// </summary>
    /// <param name="treatment">The Treatment.</param>
    /// <param name="profile">The Person's Profile (conditions, region).</param>
    /// <param name="doses">Every medicine dose near the Treatment's time, this Treatment's included.</param>
    /// <param name="skinRedOrBroken">For an ear-seed press: what the Person said about the skin (not stored).</param>
    public static IReadOnlyList<TreatmentWarning> For(Treatment treatment, Profile profile, IEnumerable<DoseTaken> doses,
        LabelMaximums labels, TimeZoneInfo zone, ModalityCatalog modalities, PointCatalog points, bool skinRedOrBroken = false)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        ArgumentNullException.ThrowIfNull(profile);
        var warnings = Recorded(treatment, profile, doses, labels, zone, skinRedOrBroken)
            .Concat(Contraindications(treatment, profile.Conditions, modalities, points));
        return [.. warnings.OrderByDescending(w => w.Level)];
    }

    /// <summary>
    /// The warnings of a saved Treatment: its after-effects (side effects, the medicine window, ear
    /// seeds) against the Profile now, and the contraindication warnings stored with it when it was
    /// recorded (<see cref="Treatment.SafetyWarnings"/>): the conditions the Person had then, not now.
    /// Right after saving with <see cref="Contraindications"/> stored, it is what <see cref="For"/> gives.
    /// </summary>
    public static IReadOnlyList<TreatmentWarning> ForSaved(Treatment treatment, Profile profile, IEnumerable<DoseTaken> doses,
        LabelMaximums labels, TimeZoneInfo zone, bool skinRedOrBroken = false)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        ArgumentNullException.ThrowIfNull(profile);
        var warnings = Recorded(treatment, profile, doses, labels, zone, skinRedOrBroken).Concat(treatment.SafetyWarnings);
        return [.. warnings.OrderByDescending(w => w.Level)];
    }

    /// <summary>The contraindication warnings of a Treatment alone (<see cref="CareSafety.Warnings"/>).</summary>
    public static IReadOnlyList<TreatmentWarning> Contraindications(Treatment treatment, HealthCondition conditions, ModalityCatalog modalities, PointCatalog points)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        ArgumentNullException.ThrowIfNull(modalities);
        ArgumentNullException.ThrowIfNull(points);
        var warnings = new List<TreatmentWarning>();
        if (modalities.Find(treatment.ModalityId) is { } modality)
        {
            var workedOn = treatment.BodyAreas == 0 ? null : BodyMap.RegionsOf(treatment.BodyAreas);
            warnings.AddRange(CareSafety.Warnings(CareSafety.ForModality(modality, conditions, workedOn), modality.Name));
        }
        foreach (var point in treatment.Points.Select(p => points.Find(p.Point)).OfType<AcuPoint>().DistinctBy(p => p.Id))
        {
            var verdict = CareSafety.ForPoint(point, conditions);
            if (verdict.Level == SafetyLevel.Refused)
            {
                warnings.AddRange(CareSafety.Warnings(verdict with { Reasons = verdict.Refusals }, point.Label));
            }
        }
        return warnings;
    }

    private static List<TreatmentWarning> Recorded(Treatment treatment, Profile profile, IEnumerable<DoseTaken> doses,
        LabelMaximums labels, TimeZoneInfo zone, bool skinRedOrBroken)
    {
        var warnings = new List<TreatmentWarning>();
        if (treatment.Kind == TreatmentKind.Medicine)
        {
            warnings.AddRange(MedicineCheck.Check(treatment.StartedAtUtc, doses, treatment.Doses.Select(d => d.Ingredient), labels, profile.RegionCode, zone));
        }
        if (treatment.Kind == TreatmentKind.EarSeeds && skinRedOrBroken)
        {
            warnings.AddRange(EarSeedRules.Evaluate(new EarSeedSituation(true, HealthCondition.None)));
        }
        warnings.AddRange(SideEffectRules.Evaluate(SideEffectInput.From(treatment, profile.Conditions)));
        return warnings;
    }
}

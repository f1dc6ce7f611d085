using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Core.Treatments;

/// <summary>Every warning about one Treatment: side effects (CLINICAL.md section 4), medicine maximums (section 7), ear seeds (section 5).</summary>
public static class TreatmentWarnings
{
    /// <param name="treatment">The saved Treatment.</param>
    /// <param name="profile">The Person's Profile (conditions, region).</param>
    /// <param name="doses">Every medicine dose near the Treatment's time, this Treatment's included.</param>
    /// <param name="skinRedOrBroken">For an ear-seed press: what the Person said about the skin (not stored).</param>
    public static IReadOnlyList<TreatmentWarning> For(Treatment treatment, Profile profile, IEnumerable<DoseTaken> doses,
        LabelMaximums labels, TimeZoneInfo zone, bool skinRedOrBroken = false)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        ArgumentNullException.ThrowIfNull(profile);
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
        return [.. warnings.OrderByDescending(w => w.Level)];
    }
}

using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Core.Treatments;

/// <summary>What the side-effect rules look at: a Treatment's after-effects and the Profile's conditions.</summary>
/// <param name="BodyAreas">Where it was applied (body-map bits); 0 when not given.</param>
/// <param name="BruiseAreas">Where the bruises are (body-map bits); 0 when not given.</param>
public sealed record SideEffectInput(
    TreatmentKind Kind,
    BruiseSize Bruising,
    int BodyAreas,
    int BruiseAreas,
    int? Soreness,
    SideEffectSign Signs,
    IReadOnlyList<string> Points,
    HealthCondition Conditions)
{
    public bool Has(SideEffectSign sign) => (Signs & sign) == sign;

    public bool Has(HealthCondition condition) => (Conditions & condition) == condition;

    /// <summary>Bruises marked where nothing was treated (both maps given).</summary>
    public bool BruiseOutsideTreatedArea => BodyAreas != 0 && BruiseAreas != 0 && (BruiseAreas & ~BodyAreas) != 0;

    public bool BruiseAway => Has(SideEffectSign.BruiseAwayFromTreatedArea) || BruiseOutsideTreatedArea;

    /// <summary>Anything about the bruising that a warning rule covers: then it is not called normal.</summary>
    public bool BruiseOfConcern => Bruising == BruiseSize.Large || Has(SideEffectSign.BruiseSpreading) || Has(SideEffectSign.VerySwollen)
        || BruiseAway || (Bruising != BruiseSize.None && Has(HealthCondition.AnticoagulantsOrBleedingDisorder));

    public static SideEffectInput From(Treatment t, HealthCondition conditions)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new SideEffectInput(t.Kind, t.Bruising, t.BodyAreas, t.BruiseAreas, t.Soreness, t.Signs, [.. t.Points.Select(p => p.Point)], conditions);
    }
}

/// <summary>One row of the side-effect table.</summary>
public sealed record SideEffectRule(string Id, WarningLevel Level, string Message, string Source, Func<SideEffectInput, bool> Fires, WarningAction Action = WarningAction.None)
{
    public TreatmentWarning ToWarning() => new(Id, Level, Message, Source, Action);
}

/// <summary>
/// Bruising, soreness and other signs after a treatment, against CLINICAL.md section 4: what is
/// normal (said reassuringly) and what is a warning sign (said plainly, with what to do). Every
/// rule has a stable id and its source; one test row per rule. Warnings never suggest more massage
/// or home care, so they are safe to show whatever the Person's triage standing.
/// </summary>
public static class SideEffectRules
{
    private const string Bruising = "Advice on bruising after massage from secondary sources: what is normal and what is a warning sign, not tested in trials [P]";
    private const string Ernst = "Ernst, Rheumatology 2003;42:1101 [V]";
    private const string Chen = "Chen et al., Phys Ther 2021, doi:10.1093/ptj/pzaa199 (rhabdomyolysis after a massage gun) [V]";

    public static IReadOnlyList<SideEffectRule> All { get; } =
    [
        new("BRUISE-SMALL", WarningLevel.Info,
            "Small tender marks where pressure was applied are common after firm massage. They usually appear within a day or two and fade over 1 to 2 weeks.",
            Bruising,
            i => i.Bruising == BruiseSize.Small && !i.BruiseOfConcern),
        new("BRUISE-MEDIUM", WarningLevel.Caution,
            "A medium-sized bruise where you were treated: keep an eye on it. If it grows, spreads, swells a lot or new bruises appear elsewhere, contact your doctor.",
            Bruising,
            i => i.Bruising == BruiseSize.Medium && !i.BruiseOfConcern),
        new("BRUISE-LARGE", WarningLevel.Warning,
            "A large bruise is more than the usual small marks after massage. Contact your doctor, today if it is growing.",
            Bruising,
            i => i.Bruising == BruiseSize.Large),
        new("BRUISE-SPREADING", WarningLevel.Warning,
            "A bruise that is spreading is a warning sign. Contact your doctor today.",
            Bruising,
            i => i.Has(SideEffectSign.BruiseSpreading)),
        new("BRUISE-SWOLLEN", WarningLevel.Warning,
            "A very swollen bruise is a warning sign. Contact your doctor today.",
            Bruising,
            i => i.Has(SideEffectSign.VerySwollen)),
        new("BRUISE-AWAY", WarningLevel.Warning,
            "Bruises away from where you were treated can be a sign of a bleeding problem. Contact your doctor.",
            Bruising,
            i => i.BruiseAway),
        new("BRUISE-ANTICOAGULANT", WarningLevel.Warning,
            "You bruised while taking blood thinners (anticoagulants) or with a bleeding disorder. Tell the doctor who looks after this treatment or condition, and do not have deep or firm massage until they have advised you.",
            Bruising + "; deep or firm massage is avoided with blood thinners or a bleeding disorder: a precaution from professional massage sources (Batavia M., J Bodyw Mov Ther 2004;8(1):48-57) [P]",
            i => i.Bruising != BruiseSize.None && i.Has(Profiles.HealthCondition.AnticoagulantsOrBleedingDisorder)),
        new("CALF-SWELLING", WarningLevel.Warning,
            "A swollen, painful calf can be a blood clot (deep vein thrombosis). Get medical advice today and do not massage it. If you are short of breath or have chest pain, call your emergency number now.",
            Bruising + "; never massage over a possible clot: a precaution from professional massage sources (Batavia M., J Bodyw Mov Ther 2004;8(1):48-57) [P]; a swollen, painful calf needs medical advice the same day: NICE Clinical Knowledge Summaries, Deep vein thrombosis; NHS, Deep vein thrombosis [V]",
            i => i.Has(SideEffectSign.CalfSwelling)),
        new("DARK-URINE", WarningLevel.Warning,
            "Dark, tea-coloured urine after a massage or a massage gun can be a sign of muscle breakdown (rhabdomyolysis). Get medical help today.",
            Bruising + "; " + Chen,
            i => i.Has(SideEffectSign.DarkUrine)),
        new("BLEEDING-GUMS-NOSE", WarningLevel.Warning,
            "Bleeding gums or nosebleeds together with bruising can be a sign of a bleeding problem. Contact your doctor, today if you take blood thinners.",
            Bruising,
            i => i.Has(SideEffectSign.BleedingGumsOrNose)),
        new("NEW-NUMBNESS-WEAKNESS", WarningLevel.Warning,
            "New numbness or weakness needs the symptom check again now: it asks about the signs that need a doctor soon or emergency care.",
            Bruising + "; warning signs that need a doctor soon or emergency care: NICE Clinical Knowledge Summaries, Sciatica (lumbar radiculopathy): red flags; NICE guideline NG59 [V]",
            i => i.Has(SideEffectSign.NewNumbness) || i.Has(SideEffectSign.NewWeakness),
            WarningAction.RerunTriage),
        new("SORENESS-NORMAL", WarningLevel.Info,
            "Soreness for up to 2 or 3 days after a treatment is common (about 1 in 10 people have minor discomfort the next day). If it lasts longer or gets worse, tell your therapist or doctor.",
            Bruising + "; " + Ernst,
            i => i.Soreness is >= 1 && i.Signs == SideEffectSign.None),
    ];

    public static SideEffectRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    /// <summary>The warnings that fire, the most serious first (table order within a level).</summary>
    public static IReadOnlyList<TreatmentWarning> Evaluate(SideEffectInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [.. All.Where(r => r.Fires(input)).OrderByDescending(r => r.Level).Select(r => r.ToWarning())];
    }
}

using SciaticaRelief.Core.Profiles;
using Q = SciaticaRelief.Core.Triage.RedFlagQuestion;

namespace SciaticaRelief.Core.Triage;

/// <summary>
/// The red-flag table of CLINICAL.md section 1 as code. Each rule has an id and a source; the
/// highest level that fires wins. Change a row only with its test row and its source.
/// </summary>
public static class TriageRules
{
    private const string NiceCks = "NICE CKS, Sciatica (lumbar radiculopathy): red flags; NICE NG59 (2016, updated 2020)";
    private const string CaudaEquina = NiceCks + "; British Association of Spine Surgeons, cauda equina syndrome; Long et al., Am J Emerg Med 2020";
    private const string Chou = "Chou et al., Ann Intern Med 2007;147:478-91";
    private const string Clot = "NICE CKS, Deep vein thrombosis; NHS, Deep vein thrombosis (DVT) [V]";

    public static IReadOnlyList<TriageRule> All { get; } =
    [
        // Emergency: cauda equina syndrome and other signs that need care now.
        new("E-CES-SADDLE", TriageLevel.Emergency,
            "Numbness or tingling in the saddle area", CaudaEquina,
            i => i.Says(Q.SaddleNumbness)),
        new("E-CES-BLADDER", TriageLevel.Emergency,
            "New problems starting, stopping or controlling urination, or not feeling a full bladder", CaudaEquina,
            i => i.Says(Q.BladderControl)),
        new("E-CES-BOWEL", TriageLevel.Emergency,
            "New loss of bowel control, or not feeling the need to go", CaudaEquina,
            i => i.Says(Q.BowelControl)),
        new("E-CES-BILATERAL", TriageLevel.Emergency,
            "Sciatica in both legs, or severe or worsening weakness or numbness in both legs", CaudaEquina,
            i => i.Says(Q.BothLegs)),
        new("E-CES-SEXUAL", TriageLevel.Emergency,
            "New sexual dysfunction together with sciatica", CaudaEquina + "; NHS sciatica page [P]",
            i => i.Says(Q.SexualDysfunction)),
        new("E-TRAUMA", TriageLevel.Emergency,
            "Back pain after a major injury", NiceCks + "; " + Chou,
            i => i.Says(Q.MajorTrauma)),
        new("E-CLOT-LUNG", TriageLevel.Emergency,
            "A swollen, painful leg with sudden breathlessness, chest pain or coughing up blood (a clot may have reached the lungs)", Clot,
            i => i.Says(Q.SwollenLeg) && i.Says(Q.ClotBreathless)),
        new("E-FEVER-WEAKNESS", TriageLevel.Emergency,
            "Fever or feeling very unwell together with new leg weakness", NiceCks + " [U: needs clinical review]",
            i => i.Says(Q.FeverUnwell) && i.Says(Q.LegWeakness)),

        // Urgent: see a doctor within 24-48 hours.
        new("U-LEG-WEAKNESS", TriageLevel.Urgent,
            "New or worsening weakness in one leg", NiceCks + " [P: same day if worsening fast]",
            i => i.Says(Q.LegWeakness)),
        new("U-CLOT", TriageLevel.Urgent,
            "A swollen, painful, warm or red calf or thigh: a possible blood clot needs a doctor today, and no massage until a clot is ruled out", Clot,
            i => i.Says(Q.SwollenLeg) || i.Has(HealthCondition.SuspectedClot), SameDay: true),
        new("U-INFECTION-FEVER", TriageLevel.Urgent,
            "Fever, chills or feeling very unwell with back pain", NiceCks + "; " + Chou,
            i => i.Says(Q.FeverUnwell)),
        new("U-INFECTION-RISK", TriageLevel.Urgent,
            "Injected drugs or a recent infection, with back pain", NiceCks + "; " + Chou,
            i => i.Says(Q.InfectionRisk)),
        new("U-INFECTION-IMMUNO", TriageLevel.Urgent,
            "A weakened immune system with new back pain", NiceCks + "; " + Chou,
            i => i.Has(HealthCondition.Immunosuppression) && i.Says(Q.NewOrChangedPain)),
        new("U-CANCER", TriageLevel.Urgent,
            "Cancer in the past with new back pain", NiceCks + "; " + Chou + " [U: timing needs clinical review]",
            i => i.Has(HealthCondition.PastCancer) && i.Says(Q.NewOrChangedPain)),
        new("U-FRACTURE", TriageLevel.Urgent,
            "A minor fall or strain with osteoporosis or long-term steroids", NiceCks + "; " + Chou,
            i => i.Says(Q.MinorFall) && (i.Has(HealthCondition.Osteoporosis) || i.Has(HealthCondition.LongTermSteroids))),
        new("U-SUDDEN-SEVERE", TriageLevel.Urgent,
            "Sudden severe pain in the middle of the back", NiceCks,
            i => i.Says(Q.SuddenSeverePain)),
        new("U-WEIGHT-LOSS", TriageLevel.Urgent,
            "Weight loss without trying", NiceCks + "; " + Chou,
            i => i.Says(Q.WeightLoss)),
        new("U-NIGHT-PAIN", TriageLevel.Urgent,
            "Constant pain at night that changing position does not ease", NiceCks + "; " + Chou,
            i => i.Says(Q.NightPain)),

        // Routine: book an appointment; self-care goes on meanwhile.
        new("R-AGE-FIRST-EPISODE", TriageLevel.Routine,
            "A first episode under 20 or over 50", NiceCks + "; " + Chou,
            i => i.Says(Q.FirstEpisode) && i.Age is < 20 or > 50),
        new("R-NOT-IMPROVING", TriageLevel.Routine,
            "No improvement after a few weeks, getting worse, or stopping normal activities", NiceCks,
            i => i.Says(Q.NotImproving)),
        new("R-DURATION", TriageLevel.Routine,
            "Sciatica for more than 4 to 6 weeks", NiceCks,
            i => i.Says(Q.OverSixWeeks)),
        new("R-STARTBACK-HIGH", TriageLevel.Routine,
            "STarT Back screening says high risk", "Keele STarT Back; " + NiceCks,
            i => i.StartBackHighRisk),
        new("R-NO-PROGRESS-28D", TriageLevel.Routine,
            "Four weeks of check-ins without a 30% improvement", NiceCks + " (re-screen after about a month); Farrar et al., Pain 2001 (30% = important change)",
            i => i.NoProgressAfterFourWeeks),
    ];

    public static TriageRule Get(string id) => All.Single(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    public static TriageRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));
}

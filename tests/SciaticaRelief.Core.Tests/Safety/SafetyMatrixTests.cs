using SciaticaRelief.Core.Clinical;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Safety;
using SciaticaRelief.Core.Tests.Knowledge;
using SciaticaRelief.Core.Tests.PointCharts;
using SciaticaRelief.Core.Tests.Treatments;
using SciaticaRelief.Core.Treatments;
using C = SciaticaRelief.Core.Profiles.HealthCondition;
using S = SciaticaRelief.Core.Safety.CareSurface;

namespace SciaticaRelief.Core.Tests.Safety;

/// <summary>
/// Safety is a property of every surface × every health condition: one row per pair, on the shipped
/// content, at triage level SelfCare (<see cref="SurfaceProbe"/>). A row says exactly which items the
/// surface must leave out (a recording surface: warn as not advised), each with words of its reason
/// and its source; which must be offered with a precaution (a recording surface: a caution), with
/// reason and source; and which must stay offered, so that hiding everything from everyone fails.
/// A condition or a surface without its rows fails <see cref="Matrix_HasOneRowForEveryConditionAndSurface"/>.
/// </summary>
public sealed class SafetyMatrixTests
{
    /// <summary>An item and words its reason and its source must contain (case-insensitive for the reason: recording surfaces write "Swedish massage, not on the leg").</summary>
    public sealed record Expect(string Id, string Reason, string Source);

    /// <param name="Refused">Exactly the items left out (recording: warned as not advised); any other left out fails the row.</param>
    /// <param name="Cautioned">Items offered (recording: recorded) with this precaution (caution).</param>
    /// <param name="Offered">Items that must stay offered (recording: never warned as not advised).</param>
    public sealed record Row(C Condition, S Surface, Expect[] Refused, Expect[] Cautioned, string[] Offered, string Why)
    {
        public override string ToString() => $"{HealthConditions.IdOf(Condition)} × {Surface}: {Why}";
    }

    // Sources, as the content names them.
    private const string Batavia = "Batavia M., J Bodyw Mov Ther 2004";
    private const string Carr = "Carr DJ, Acupunct Med 2015";
    private const string HeatSource = "Heat precaution from professional sources";
    private const string ColdSource = "Follows the precautions for heat by analogy";
    private const string EarSource = "Common advice on ear seeds";
    private const string EarSkinSource = "Common advice on wearing ear seeds";
    private const string AcupunctureSource = "Acupuncture safety guidance for practitioners";
    private const string ElectricSource = "Common advice for electric massagers";
    private const string LabelSource = "The warnings on the product label";

    // Items.
    private static readonly string[] Massage = ["deep-tissue-massage", "neuromuscular-massage", "myofascial-release", "swedish-massage", "hot-stone-massage"];
    private static readonly string[] Machines = ["foot-massager", "heated-massage-cushion", "massage-ball-and-foam-roller", "massage-chair", "percussion-massage-gun", "shiatsu-kneading-massager", "vibration-massager"];
    private static readonly string[] Electric = ["foot-massager", "heated-massage-cushion", "massage-chair", "percussion-massage-gun", "shiatsu-kneading-massager", "vibration-massager"];
    private static readonly string[] Firm = ["deep-tissue-massage", "neuromuscular-massage", "percussion-massage-gun"];
    private static readonly string[] FirmMassage = ["deep-tissue-massage", "neuromuscular-massage"];
    private static readonly string[] BodyPoints = ["bl23", "bl25", "gb30", "bl36", "gb31", "bl40", "gb34", "bl57", "bl60"];
    private static readonly string[] BackAndButtock = ["bl23", "bl25", "gb30"];
    private static readonly string[] LegPoints = ["bl36", "gb31", "bl40", "gb34", "bl57", "bl60"];
    private static readonly string[] EarPoints = ["shen-men", "sympathetic", "subcortex", "sciatic-nerve", "buttocks", "lumbosacral"];
    private static readonly string[] AllPoints = [.. BodyPoints, .. EarPoints];
    private static readonly string[] HomeRoutines = ["self-acupressure", .. Machines, "cold", "heat", "rest-and-staying-active"];
    private static readonly string[] Recommended = [.. Massage, "acupressure-by-therapist", "self-acupressure", "acupuncture", "ear-seeds", .. Machines, "cold", "heat", "rest-and-staying-active"];
    private static readonly string[] Logged = [.. Recommended, "over-the-counter-medicine", "other", .. BodyPoints];
    private static readonly string[] Techniques = [.. Massage, "acupressure-by-therapist", "acupuncture"];
    private static readonly string[] HandsOn = [.. Massage, "acupressure-by-therapist", "self-acupressure", .. Machines];

    private static Expect X(string id, string reason, string source = Batavia) => new(id, reason, source);

    private static Expect[] Each(IEnumerable<string> ids, string reason, string source = Batavia) => [.. ids.Select(id => X(id, reason, source))];

    private static string[] Except(string[] ids, params string[] without) => [.. ids.Where(i => !without.Contains(i))];

    private static readonly Row[] Rows =
    [
        // ---- Recommendations: the ranked list and "not for you" -----------------------------------------------
        new(C.Pregnancy, S.Recommendations, [],
            [X("swedish-massage", "midwife or doctor"), X("heat", "warm, not hot", HeatSource), X("self-acupressure", "traditionally avoided in pregnancy", Carr),
             X("ear-seeds", "midwife or doctor", EarSource), X("acupuncture", "traditionally avoided in pregnancy", Carr)],
            ["swedish-massage", "heat", "cold", "rest-and-staying-active"],
            "section 4: pregnancy is 'ask the provider', never a refusal: every massage, machine, acupressure and heat asks first"),
        new(C.AnticoagulantsOrBleedingDisorder, S.Recommendations,
            Each(Firm, "bleeding into the muscle"),
            [X("swedish-massage", "bruises come more easily"), X("acupuncture", "shallow needling", AcupunctureSource), X("myofascial-release", "bruise"),
             X("heated-massage-cushion", "bruise"), X("self-acupressure", "press gently")],
            ["swedish-massage", "heat", "cold", "ear-seeds", "rest-and-staying-active"],
            "section 4: deep or vigorous massage (deep tissue, neuromuscular, the percussion gun) is avoided on blood thinners; gentler massage stays with a precaution"),
        new(C.ReducedSensation, S.Recommendations,
            [X("foot-massager", "burnt", HeatSource), X("heated-massage-cushion", "burn", HeatSource)],
            [X("heat", "Not on areas where feeling is reduced", HeatSource), X("hot-stone-massage", "Not on areas where feeling is reduced", HeatSource),
             X("cold", "Not on areas where feeling is reduced", ColdSource), X("massage-chair", "Not on areas where feeling is reduced", HeatSource)],
            ["heat", "swedish-massage", "vibration-massager", "rest-and-staying-active"],
            "section 4: no heat where feeling is reduced: heat stays ranked with that limit (never also 'not for you'); devices that warm as they work (the feet, the cushion) are out"),
        new(C.Osteoporosis, S.Recommendations,
            Each(Firm, "fracture"),
            [X("self-acupressure", "weak bones"), X("myofascial-release", "weak bones"), X("massage-ball-and-foam-roller", "weak bones"), X("massage-chair", "weak bones")],
            ["swedish-massage", "heat", "vibration-massager", "self-acupressure"],
            "section 4: never deep or vigorous pressure on weakened bone; gentle care stays"),
        new(C.PastCancer, S.Recommendations, [],
            Each(Firm, "tumour"),
            ["swedish-massage", "deep-tissue-massage", "heat", "self-acupressure"],
            "section 4: no deep pressure over a tumour or bone cancer may have weakened: a caution (ask the cancer team), not a refusal"),
        new(C.RecentSurgery, S.Recommendations, [],
            [.. Each(["deep-tissue-massage", "swedish-massage", "self-acupressure", "foot-massager", "vibration-massager", "heated-massage-cushion"], "Not near the operation site")],
            ["swedish-massage", "heat", "cold", "rest-and-staying-active"],
            "section 4: never over a recent surgical site: a place to keep off, so a precaution of each hands-on modality"),
        new(C.SuspectedClot, S.Recommendations, [],
            Each(HandsOn, "Not on the leg"),
            ["swedish-massage", "heat", "ear-seeds", "rest-and-staying-active"],
            "section 4: never massage over a suspected clot: every hands-on modality says not on the leg (the Web pauses all of it at Urgent anyway)"),
        new(C.SkinLesionOrInfection, S.Recommendations, [],
            [.. Each(["deep-tissue-massage", "swedish-massage", "percussion-massage-gun", "self-acupressure"], "Not over the wound, rash or infected skin"),
             X("heat", "Not over broken, sunburnt, inflamed or infected skin", HeatSource), X("ear-seeds", "Not on red, sore, broken or infected skin of the ear", EarSkinSource),
             X("acupuncture", "Not through a wound", AcupunctureSource), X("cold", "Not over broken or infected skin", ColdSource)],
            ["swedish-massage", "heat", "rest-and-staying-active"],
            "section 4: never over a wound or skin infection; not on broken skin with heat: a place to keep off, everywhere"),
        new(C.ImplantedDevice, S.Recommendations, [],
            [X("acupuncture", "Not electroacupuncture", AcupunctureSource), .. Each(Electric, "implanted device", ElectricSource)],
            ["acupuncture", "massage-ball-and-foam-roller", "swedish-massage", "heat"],
            "section 4: no electroacupuncture with a pacemaker (plain needling stays); electric massagers ask first (unverified, needs review)"),
        new(C.LongTermSteroids, S.Recommendations, [], [],
            Recommended,
            "section 4 names no rule for long-term steroids: everything stays offered (weak bones are their own condition, and triage asks about falls)"),
        new(C.Immunosuppression, S.Recommendations, [], [],
            Recommended,
            "section 4 names no rule for a weakened immune system: everything stays offered (infection signs go through triage)"),
        new(C.RecentFracture, S.Recommendations, [],
            Each(HandsOn, "Not over or near the broken bone"),
            ["heat", "cold", "ear-seeds", "rest-and-staying-active", "swedish-massage"],
            "section 4: never over a fracture: every massage, acupressure and machine keeps off the broken bone; heat, cold and ear seeds have no rule"),

        // ---- The acupressure routine: guided steps ------------------------------------------------------------
        new(C.Pregnancy, S.AcupressureRoutine,
            [X("bl60", "traditionally avoided while pregnant", Carr)], [],
            Except(BodyPoints, "bl60"),
            "section 5: BL60 is on the list of points avoided in pregnancy: hidden; the other points stay"),
        new(C.AnticoagulantsOrBleedingDisorder, S.AcupressureRoutine, [],
            Each(BodyPoints, "Press lightly: firm pressure can bruise"),
            BodyPoints,
            "section 4: bruising on blood thinners: every point at light pressure, none hidden"),
        new(C.ReducedSensation, S.AcupressureRoutine, [], [],
            BodyPoints,
            "reduced feeling is a heat rule: pressing points has none"),
        new(C.Osteoporosis, S.AcupressureRoutine, [],
            Each(BodyPoints, "Press lightly: firm pressure on weak bones"),
            BodyPoints,
            "section 4: weak bones: every point at light pressure"),
        new(C.PastCancer, S.AcupressureRoutine, [], [],
            BodyPoints,
            "section 4's tumour rule is for deep pressure; acupressure is moderate and has no rule for past cancer"),
        new(C.RecentSurgery, S.AcupressureRoutine, [],
            Each(BodyPoints, "Not near the operation site"),
            BodyPoints,
            "section 4: not near a recent surgical site: the Person skips points near it"),
        new(C.SuspectedClot, S.AcupressureRoutine,
            Each(LegPoints, "possible blood clot"), [],
            BackAndButtock,
            "section 4: never over a suspected clot: every point on the leg (BL36, GB31, BL40, GB34, BL57, BL60) is hidden; the back and buttock points stay"),
        new(C.SkinLesionOrInfection, S.AcupressureRoutine, [],
            Each(BodyPoints, "Not over the wound, rash or infected skin"),
            BodyPoints,
            "section 4: never over a wound or infection: skip points where the skin is affected"),
        new(C.ImplantedDevice, S.AcupressureRoutine, [], [],
            BodyPoints,
            "no electric current in acupressure: nothing changes"),
        new(C.LongTermSteroids, S.AcupressureRoutine, [], [],
            BodyPoints,
            "no rule for long-term steroids in section 4"),
        new(C.Immunosuppression, S.AcupressureRoutine, [], [],
            BodyPoints,
            "no rule for a weakened immune system in section 4"),
        new(C.RecentFracture, S.AcupressureRoutine, [],
            Each(BodyPoints, "Not over or near the broken bone"),
            BodyPoints,
            "section 4: never over a fracture: skip points over or near it (where, the Person knows)"),

        // ---- The machine chooser: kinds of device, every area, warmth wanted ----------------------------------
        new(C.Pregnancy, S.MachineChooser, [],
            [.. Each(Except(Machines, "heated-massage-cushion"), "midwife or doctor"), X("heated-massage-cushion", "warm, not hot", HeatSource)],
            Machines,
            "section 4: pregnancy: ask first, warm not hot; no device refused"),
        new(C.AnticoagulantsOrBleedingDisorder, S.MachineChooser,
            [X("percussion-massage-gun", "bleeding into the muscle")],
            Each(Except(Machines, "percussion-massage-gun"), "blood clots slowly"),
            Except(Machines, "percussion-massage-gun"),
            "section 4: the percussion gun is vigorous massage: out on blood thinners; the others at their gentlest"),
        new(C.ReducedSensation, S.MachineChooser,
            [X("foot-massager", "burnt", HeatSource), X("heated-massage-cushion", "burn", HeatSource)],
            [X("massage-chair", "Not on areas where feeling is reduced", HeatSource), X("shiatsu-kneading-massager", "Not on areas where feeling is reduced", HeatSource),
             X("percussion-massage-gun", "Not on areas where feeling is reduced", "Massage gun safety advice")],
            ["vibration-massager", "massage-ball-and-foam-roller", "massage-chair", "shiatsu-kneading-massager", "percussion-massage-gun"],
            "section 4: no heat where feeling is reduced: no warming device for the feet or always-warm cushion, optional heat kept off there (and warmth is never a reason: see the facts below)"),
        new(C.Osteoporosis, S.MachineChooser,
            [X("percussion-massage-gun", "weak bones")],
            [X("massage-ball-and-foam-roller", "weak bones"), X("massage-chair", "weak bones"), X("shiatsu-kneading-massager", "weak bones")],
            Except(Machines, "percussion-massage-gun"),
            "section 4: no vigorous tapping on weakened bone; firm rollers and nodes keep off the spine"),
        new(C.PastCancer, S.MachineChooser, [],
            [X("percussion-massage-gun", "tumour")],
            Machines,
            "section 4: not over a tumour: the gun asks the cancer team first"),
        new(C.RecentSurgery, S.MachineChooser, [],
            Each(Machines, "Not near the operation site"),
            Machines,
            "section 4: never over a recent surgical site: every device keeps off it"),
        new(C.SuspectedClot, S.MachineChooser,
            [X("foot-massager", "possible blood clot")],
            Each(["percussion-massage-gun", "massage-ball-and-foam-roller", "vibration-massager", "massage-chair"], "Not on the leg"),
            ["heated-massage-cushion", "shiatsu-kneading-massager", "percussion-massage-gun", "vibration-massager"],
            "section 4: never over a suspected clot: the foot massager works only on the leg and is out; the others are suggested for the back and buttock, not the leg"),
        new(C.SkinLesionOrInfection, S.MachineChooser, [],
            [.. Each(Except(Machines, "heated-massage-cushion"), "Not over the wound, rash or infected skin"), X("heated-massage-cushion", "Not over broken, sunburnt, inflamed or infected skin", HeatSource)],
            Machines,
            "section 4: never over a wound or infection; no heat on broken skin"),
        new(C.ImplantedDevice, S.MachineChooser, [],
            Each(Electric, "implanted device", ElectricSource),
            Machines,
            "electric massagers near an implanted device: ask first (unverified, needs review); the ball and roller has no motor"),
        new(C.LongTermSteroids, S.MachineChooser, [], [],
            Machines,
            "no rule for long-term steroids in section 4"),
        new(C.Immunosuppression, S.MachineChooser, [], [],
            Machines,
            "no rule for a weakened immune system in section 4"),
        new(C.RecentFracture, S.MachineChooser, [],
            Each(Machines, "Not over or near the broken bone"),
            Machines,
            "section 4: never over a fracture: every device keeps off the broken bone"),

        // ---- Ear seeds: the ear points to place seeds on ------------------------------------------------------
        new(C.Pregnancy, S.EarSeeds, [],
            Each(EarPoints, "midwife or doctor", EarSource),
            EarPoints,
            "section 5: ear seeds: ask first in pregnancy"),
        new(C.AnticoagulantsOrBleedingDisorder, S.EarSeeds, [], [],
            EarPoints,
            "light taped seeds have no rule for blood thinners"),
        new(C.ReducedSensation, S.EarSeeds, [], [],
            EarPoints,
            "no heat, no rule"),
        new(C.Osteoporosis, S.EarSeeds, [], [],
            EarPoints,
            "no pressure on bone, no rule"),
        new(C.PastCancer, S.EarSeeds, [], [],
            EarPoints,
            "no deep pressure, no rule"),
        new(C.RecentSurgery, S.EarSeeds, [], [],
            EarPoints,
            "the ear is not an operation site for sciatica: no rule"),
        new(C.SuspectedClot, S.EarSeeds, [], [],
            EarPoints,
            "the ear is not the leg: ear seeds stay offered"),
        new(C.SkinLesionOrInfection, S.EarSeeds, [],
            Each(EarPoints, "Not on red, sore, broken or infected skin of the ear", EarSkinSource),
            EarPoints,
            "section 5: no seeds on red or broken skin of the ear"),
        new(C.ImplantedDevice, S.EarSeeds, [], [],
            EarPoints,
            "no current, no rule"),
        new(C.LongTermSteroids, S.EarSeeds, [], [],
            EarPoints,
            "no rule for long-term steroids in section 4"),
        new(C.Immunosuppression, S.EarSeeds, [], [],
            EarPoints,
            "no rule for a weakened immune system in section 4"),
        new(C.RecentFracture, S.EarSeeds, [], [],
            EarPoints,
            "the ear is not the broken bone: ear seeds stay offered"),

        // ---- The point charts: every body and ear point -------------------------------------------------------
        new(C.Pregnancy, S.PointCharts,
            [X("bl60", "traditionally avoided while pregnant", Carr)], [],
            Except(AllPoints, "bl60"),
            "section 5: the points avoided in pregnancy are not drawn"),
        new(C.AnticoagulantsOrBleedingDisorder, S.PointCharts, [],
            Each(BodyPoints, "Press lightly"),
            AllPoints,
            "section 4: light pressure at every body point on blood thinners"),
        new(C.ReducedSensation, S.PointCharts, [], [],
            AllPoints,
            "no pressing rule for reduced feeling"),
        new(C.Osteoporosis, S.PointCharts, [],
            Each(BodyPoints, "Press lightly"),
            AllPoints,
            "section 4: light pressure at every body point with weak bones"),
        new(C.PastCancer, S.PointCharts, [], [],
            AllPoints,
            "no deep pressure, no rule"),
        new(C.RecentSurgery, S.PointCharts, [],
            Each(BodyPoints, "Not near the operation site"),
            AllPoints,
            "section 4: not near a recent surgical site"),
        new(C.SuspectedClot, S.PointCharts,
            Each(LegPoints, "possible blood clot"), [],
            [.. BackAndButtock, .. EarPoints],
            "section 4: never over a suspected clot: the leg's points are not drawn; the back, buttock and ear stay"),
        new(C.SkinLesionOrInfection, S.PointCharts, [],
            [.. Each(BodyPoints, "Not over the wound, rash or infected skin"), .. Each(EarPoints, "Not on red, sore, broken or infected skin of the ear", EarSkinSource)],
            AllPoints,
            "section 4 and 5: never on broken or infected skin, body or ear"),
        new(C.ImplantedDevice, S.PointCharts, [], [],
            AllPoints,
            "no current, no rule"),
        new(C.LongTermSteroids, S.PointCharts, [], [],
            AllPoints,
            "no rule for long-term steroids in section 4"),
        new(C.Immunosuppression, S.PointCharts, [], [],
            AllPoints,
            "no rule for a weakened immune system in section 4"),
        new(C.RecentFracture, S.PointCharts, [],
            Each(BodyPoints, "Not over or near the broken bone"),
            AllPoints,
            "section 4: never over a fracture: body points near it are skipped; the ear stays"),

        // ---- A home-care assignment: each home routine, each body point (self-acupressure), each ear point (presses)
        new(C.Pregnancy, S.HomeCareAssignment,
            [X("bl60", "traditionally avoided while pregnant", Carr)],
            [X("self-acupressure", "traditionally avoided in pregnancy", Carr), X("heat", "warm, not hot", HeatSource), .. Each(EarPoints, "midwife or doctor", EarSource)],
            [.. Except(HomeRoutines), .. Except(BodyPoints, "bl60"), .. EarPoints],
            "section 5: BL60 cannot be assigned in pregnancy; every other routine can, with its precaution"),
        new(C.AnticoagulantsOrBleedingDisorder, S.HomeCareAssignment,
            [X("percussion-massage-gun", "bleeding into the muscle")],
            [X("self-acupressure", "press gently"), X("vibration-massager", "blood clots slowly"), .. Each(BodyPoints, "Press lightly")],
            [.. Except(HomeRoutines, "percussion-massage-gun"), .. BodyPoints, .. EarPoints],
            "section 4: a percussion gun cannot be assigned on blood thinners (the failure reported: no caution at all); gentler devices and light acupressure can"),
        new(C.ReducedSensation, S.HomeCareAssignment,
            [X("foot-massager", "burnt", HeatSource), X("heated-massage-cushion", "burn", HeatSource)],
            [X("heat", "Not on areas where feeling is reduced", HeatSource), X("cold", "Not on areas where feeling is reduced", ColdSource)],
            [.. Except(HomeRoutines, "foot-massager", "heated-massage-cushion"), .. BodyPoints],
            "section 4: no warming device where feeling is lost; heat and cold are assigned with the limit"),
        new(C.Osteoporosis, S.HomeCareAssignment,
            [X("percussion-massage-gun", "weak bones")],
            [X("massage-ball-and-foam-roller", "weak bones"), X("self-acupressure", "weak bones")],
            [.. Except(HomeRoutines, "percussion-massage-gun"), .. BodyPoints],
            "section 4: no vigorous tapping on weak bone"),
        new(C.PastCancer, S.HomeCareAssignment, [],
            [X("percussion-massage-gun", "tumour")],
            [.. HomeRoutines, .. AllPoints],
            "section 4: the gun asks the cancer team first"),
        new(C.RecentSurgery, S.HomeCareAssignment, [],
            [X("self-acupressure", "Not near the operation site"), .. Each(Machines, "Not near the operation site"), .. Each(BodyPoints, "Not near the operation site")],
            [.. HomeRoutines, .. AllPoints],
            "section 4: not near a recent surgical site"),
        new(C.SuspectedClot, S.HomeCareAssignment,
            Each(LegPoints, "possible blood clot"),
            [X("self-acupressure", "Not on the leg"), .. Each(Except(Machines, "foot-massager"), "Not on the leg")],
            [.. HomeRoutines, .. BackAndButtock, .. EarPoints],
            "section 4: never over a suspected clot: leg points cannot be assigned; devices are assigned with 'not on the leg'"),
        new(C.SkinLesionOrInfection, S.HomeCareAssignment, [],
            [X("heat", "Not over broken", HeatSource), X("self-acupressure", "Not over the wound"), .. Each(EarPoints, "Not on red, sore, broken or infected skin of the ear", EarSkinSource)],
            [.. HomeRoutines, .. AllPoints],
            "section 4: never over broken or infected skin"),
        new(C.ImplantedDevice, S.HomeCareAssignment, [],
            Each(Electric, "implanted device", ElectricSource),
            [.. HomeRoutines, .. AllPoints],
            "electric massagers near an implanted device: ask first"),
        new(C.LongTermSteroids, S.HomeCareAssignment, [], [],
            [.. HomeRoutines, .. AllPoints],
            "no rule for long-term steroids in section 4"),
        new(C.Immunosuppression, S.HomeCareAssignment, [], [],
            [.. HomeRoutines, .. AllPoints],
            "no rule for a weakened immune system in section 4"),
        new(C.RecentFracture, S.HomeCareAssignment, [],
            [X("self-acupressure", "Not over or near the broken bone"), .. Each(Machines, "Not over or near the broken bone"), .. Each(BodyPoints, "Not over or near the broken bone")],
            ["heat", "cold", "rest-and-staying-active", .. EarPoints, .. BodyPoints],
            "section 4: never over a fracture"),

        // ---- The treatment log: a plain treatment of each modality, and a run pressing each body point -------
        new(C.Pregnancy, S.TreatmentLog,
            [X("bl60", "traditionally avoided while pregnant", Carr)],
            [X("over-the-counter-medicine", "not suitable in pregnancy", LabelSource), X("swedish-massage", "midwife or doctor"), X("heat", "warm, not hot", HeatSource)],
            [.. Except(Logged, "bl60")],
            "recording never refuses: BL60 pressed in pregnancy is warned about (as the routine hides it); the rest with their cautions"),
        new(C.AnticoagulantsOrBleedingDisorder, S.TreatmentLog,
            Each(Firm, "bleeding into the muscle"),
            [X("over-the-counter-medicine", "bleeding risk of blood thinners", LabelSource), X("swedish-massage", "bruises come more easily")],
            [.. Except(Logged, Firm)],
            "section 4: logging a percussion gun, deep tissue or neuromuscular massage on blood thinners warns, with the reason and source (the failure reported)"),
        new(C.ReducedSensation, S.TreatmentLog,
            [X("foot-massager", "burnt", HeatSource), X("heated-massage-cushion", "burn", HeatSource)],
            [X("heat", "not on areas where feeling is reduced", HeatSource)],
            [.. Except(Logged, "foot-massager", "heated-massage-cushion")],
            "section 4: burn risk: warned after a warming device, cautioned after heat"),
        new(C.Osteoporosis, S.TreatmentLog,
            Each(Firm, "fracture"),
            [X("self-acupressure", "weak bones")],
            [.. Except(Logged, Firm)],
            "section 4: deep or vigorous pressure on weak bone is warned about"),
        new(C.PastCancer, S.TreatmentLog, [],
            Each(Firm, "tumour"),
            Logged,
            "section 4: deep pressure over a tumour: a caution"),
        new(C.RecentSurgery, S.TreatmentLog, [],
            Each(HandsOn, "not near the operation site"),
            Logged,
            "section 4: keep off a recent surgical site: a caution, where it was applied not being given"),
        new(C.SuspectedClot, S.TreatmentLog,
            Each(LegPoints, "possible blood clot"),
            Each(HandsOn, "not on the leg"),
            [.. Except(Logged, LegPoints)],
            "section 4: a point on the leg pressed with a suspected clot is warned about; a massage is cautioned (warned when logged on the leg: see the facts below)"),
        new(C.SkinLesionOrInfection, S.TreatmentLog, [],
            [X("deep-tissue-massage", "not over the wound"), X("heat", "not over broken", HeatSource), X("ear-seeds", "not on red, sore", EarSkinSource)],
            Logged,
            "section 4: not over broken or infected skin: a caution"),
        new(C.ImplantedDevice, S.TreatmentLog, [],
            [X("acupuncture", "not electroacupuncture", AcupunctureSource), .. Each(Electric, "implanted device", ElectricSource)],
            Logged,
            "section 4: electroacupuncture with a pacemaker: a caution when acupuncture is logged"),
        new(C.LongTermSteroids, S.TreatmentLog, [], [],
            Logged,
            "no rule for long-term steroids in section 4: nothing to warn about"),
        new(C.Immunosuppression, S.TreatmentLog, [], [],
            Logged,
            "no rule for a weakened immune system in section 4: nothing to warn about"),
        new(C.RecentFracture, S.TreatmentLog, [],
            Each(HandsOn, "not over or near the broken bone"),
            Logged,
            "section 4: never over a fracture: a caution"),

        // ---- A session note: each therapist technique alone ---------------------------------------------------
        new(C.Pregnancy, S.SessionNote, [],
            [.. Each(Except(Massage, "hot-stone-massage"), "midwife or doctor"), X("hot-stone-massage", "midwife or doctor", HeatSource),
             X("acupressure-by-therapist", "traditionally avoided in pregnancy", Carr), X("acupuncture", "traditionally avoided in pregnancy", Carr)],
            Techniques,
            "section 4: pregnancy: ask the provider: a caution on every technique"),
        new(C.AnticoagulantsOrBleedingDisorder, S.SessionNote,
            Each(FirmMassage, "bleeding into the muscle"),
            [X("swedish-massage", "bruises come more easily"), X("acupuncture", "shallow needling", AcupunctureSource)],
            [.. Except(Techniques, FirmMassage)],
            "section 4: deep tissue or neuromuscular massage of a client on blood thinners is warned about in the note"),
        new(C.ReducedSensation, S.SessionNote, [],
            [X("hot-stone-massage", "not on areas where feeling is reduced", HeatSource)],
            Techniques,
            "section 4: hot stones where feeling is reduced: a caution"),
        new(C.Osteoporosis, S.SessionNote,
            Each(FirmMassage, "fracture"),
            [X("myofascial-release", "weak bones"), X("acupressure-by-therapist", "weak bones")],
            [.. Except(Techniques, FirmMassage)],
            "section 4: deep pressure on weak bone is warned about"),
        new(C.PastCancer, S.SessionNote, [],
            Each(FirmMassage, "tumour"),
            Techniques,
            "section 4: deep pressure over a tumour: a caution"),
        new(C.RecentSurgery, S.SessionNote, [],
            [.. Each(Massage, "near the operation site"), X("acupressure-by-therapist", "near the operation site")],
            Techniques,
            "section 4: keep off a recent surgical site"),
        new(C.SuspectedClot, S.SessionNote, [],
            [.. Each(Massage, "not on the leg"), X("acupressure-by-therapist", "not on the leg")],
            Techniques,
            "section 4: never over a suspected clot: cautioned without areas, warned when the note says the leg (facts below)"),
        new(C.SkinLesionOrInfection, S.SessionNote, [],
            [.. Each(Except(Massage, "hot-stone-massage"), "not over the wound"), X("hot-stone-massage", "not over broken", HeatSource), X("acupuncture", "not through a wound", AcupunctureSource)],
            Techniques,
            "section 4: never over broken or infected skin"),
        new(C.ImplantedDevice, S.SessionNote, [],
            [X("acupuncture", "not electroacupuncture", AcupunctureSource)],
            Techniques,
            "section 4: no electroacupuncture with a pacemaker"),
        new(C.LongTermSteroids, S.SessionNote, [], [],
            Techniques,
            "no rule for long-term steroids in section 4"),
        new(C.Immunosuppression, S.SessionNote, [], [],
            Techniques,
            "no rule for a weakened immune system in section 4"),
        new(C.RecentFracture, S.SessionNote, [],
            [.. Each(Massage, "not over or near the broken bone"), X("acupressure-by-therapist", "not over or near the broken bone")],
            Techniques,
            "section 4: never over a fracture"),
    ];

    public static TheoryData<Row> Matrix => new(Rows);

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Surface_ForCondition_LeavesOutExactlyTheRefusedAndKeepsTheRest(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var view = SurfaceProbe.View(row.Surface, row.Condition);

        var refused = view.Where(x => x.Value.Level == SafetyLevel.Refused).Select(x => x.Key).Order(StringComparer.Ordinal);
        Assert.Equal(row.Refused.Select(e => e.Id).Order(StringComparer.Ordinal), refused);
        foreach (var e in row.Refused)
        {
            HasReason(view, e, SafetyLevel.Refused);
        }
        foreach (var e in row.Cautioned)
        {
            HasReason(view, e, SafetyLevel.Caution);
        }
        Assert.NotEmpty(row.Offered); // hiding everything from everyone must fail
        foreach (var id in row.Offered)
        {
            Assert.True(view.TryGetValue(id, out var seen), $"{id} is not on the surface at all");
            Assert.NotEqual(SafetyLevel.Refused, seen.Level);
        }
    }

    private static void HasReason(IReadOnlyDictionary<string, Seen> view, Expect e, SafetyLevel level)
    {
        Assert.True(view.TryGetValue(e.Id, out var seen), $"{e.Id} is not on the surface at all");
        Assert.True(seen.Level == level, $"{e.Id}: expected {level}, was {seen.Level}");
        Assert.True(seen.Reasons.Any(r => r.Text.Contains(e.Reason, StringComparison.OrdinalIgnoreCase) && r.Source.Contains(e.Source, StringComparison.Ordinal)),
            $"{e.Id}: no reason with \"{e.Reason}\" and source \"{e.Source}\" among:\n  " + string.Join("\n  ", seen.Reasons.Select(r => $"{r.Text} ({r.Source})")));
    }

    [Fact]
    public void Matrix_HasOneRowForEveryConditionAndSurface()
    {
        // Like a rule table's guard: a new health condition or a new surface needs its rows here.
        var missing = HealthConditions.All.SelectMany(c => CareSurfaces.All.Select(s => (c.Condition, Surface: s)))
            .Where(pair => !Rows.Any(r => r.Condition == pair.Condition && r.Surface == pair.Surface))
            .Select(pair => $"{HealthConditions.IdOf(pair.Condition)} × {pair.Surface}")
            .ToList();
        Assert.True(missing.Count == 0, "No row for: " + string.Join(", ", missing));
        var twice = Rows.GroupBy(r => (r.Condition, r.Surface)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
        Assert.Equal(HealthConditions.All.Count * CareSurfaces.All.Count, Rows.Length);
    }

    public static TheoryData<S> Surfaces => new(CareSurfaces.All);

    [Theory]
    [MemberData(nameof(Surfaces))]
    public void Surface_WithNoCondition_OffersEverythingWithoutPrecautions(S surface)
    {
        // The baseline the rows take away from: no health context, nothing refused or cautioned.
        var view = SurfaceProbe.View(surface, C.None);

        Assert.NotEmpty(view);
        Assert.All(view, x => Assert.True(x.Value.Level == SafetyLevel.Allowed, $"{x.Key} on {surface}: {x.Value.Level}"));
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public void Surface_EveryReason_HasWordsAndAPublicationAPersonCanRead(S surface)
    {
        foreach (var c in HealthConditions.All)
        {
            foreach (var (id, seen) in SurfaceProbe.View(surface, c.Condition))
            {
                Assert.All(seen.Reasons, r =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(r.Text), $"{id} ({c.Id}): a reason without words");
                    Assert.False(string.IsNullOrWhiteSpace(r.Source), $"{id} ({c.Id}): \"{r.Text}\" has no source");
                    Assert.Null(PersonVisibleTextTests.Problem(r.Text));
                    Assert.Null(PersonVisibleTextTests.Problem(r.Source));
                });
            }
        }
    }

    [Fact]
    public void Recording_Surfaces_NeverRefuse_TheyKeepEveryItem()
    {
        // A recording surface warns; it has an entry for every item whatever the conditions.
        var all = HealthConditions.All.Aggregate(C.None, (a, c) => a | c.Condition);
        foreach (var surface in CareSurfaces.All.Where(s => s.Records()))
        {
            Assert.Equal(SurfaceProbe.View(surface, C.None).Keys.Order(StringComparer.Ordinal), SurfaceProbe.View(surface, all).Keys.Order(StringComparer.Ordinal));
        }
    }

    // ---- Where the care was applied: the facts the rows point to ----------------------------------------------

    public sealed record WhereRow(C Condition, S Surface, string ModalityId, BodyRegion[] Areas, WarningLevel? Expected, string Why)
    {
        public override string ToString() => $"{HealthConditions.IdOf(Condition)} × {Surface} × {ModalityId} on {string.Join("+", Areas)}: {Why}";
    }

    public static TheoryData<WhereRow> WhereRows => new(
    [
        new(C.SuspectedClot, S.SessionNote, "swedish-massage", [BodyRegion.Calf], WarningLevel.Warning, "a note that the calf was massaged with a suspected clot warns: the whole session was where the rule forbids"),
        new(C.SuspectedClot, S.SessionNote, "swedish-massage", [BodyRegion.LowBack, BodyRegion.Calf], WarningLevel.Caution, "partly on the leg: a caution"),
        new(C.SuspectedClot, S.SessionNote, "swedish-massage", [BodyRegion.LowBack], null, "only the low back: the leg rule does not concern it"),
        new(C.SuspectedClot, S.TreatmentLog, "percussion-massage-gun", [BodyRegion.Thigh, BodyRegion.Foot], WarningLevel.Warning, "a gun logged on the thigh and foot with a suspected clot warns"),
        new(C.SuspectedClot, S.TreatmentLog, "heat", [BodyRegion.Calf], null, "section 4 has no clot rule for heat"),
        new(C.RecentFracture, S.TreatmentLog, "swedish-massage", [BodyRegion.Calf], WarningLevel.Caution, "where the broken bone is, the app does not know: a caution wherever it was applied"),
    ]);

    [Theory]
    [MemberData(nameof(WhereRows))]
    public void Recording_WhereItWasApplied_DecidesBetweenWarningCautionAndNothing(WhereRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var modality = TreatmentContent.Catalog.Find(row.ModalityId)!;
        IReadOnlyList<TreatmentWarning> warnings = row.Surface switch
        {
            S.SessionNote => SessionNoteValidator.SafetyWarnings([row.ModalityId], [.. row.Areas.Select(BodyMap.WireName)], row.Condition, TreatmentContent.Catalog),
            _ => TreatmentWarnings.For(
                new Treatment { ModalityId = row.ModalityId, Kind = modality.Kind, StartedAtUtc = new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc), BodyAreas = BodyMap.ToBits(row.Areas.Select(a => new BodyArea(a, Side.Left))) },
                new Profile { Conditions = row.Condition }, [], TreatmentContent.Labels, TimeZoneInfo.Utc, TreatmentContent.Catalog, PointContent.Catalog),
        };

        var contra = warnings.Where(w => w.RuleId == $"CONTRA:{row.ModalityId}:{HealthConditions.IdOf(row.Condition)}").ToList();
        if (row.Expected is { } level)
        {
            Assert.Equal(level, Assert.Single(contra).Level);
        }
        else
        {
            Assert.Empty(contra);
        }
    }

    [Fact]
    public void MachineChooser_SuspectedClot_NeverSaysMadeForTheLegOrFoot()
    {
        // Known failure 1: leg devices were suggested "made for the leg" with a possible clot.
        var choice = MachineChooser.Choose(new MachineQuestions(MachineChooser.AllAreas, 5, Core.Knowledge.CostTier.High, true, C.SuspectedClot), TreatmentContent.Catalog.All);

        Assert.All(choice.Suggested, s =>
        {
            Assert.DoesNotContain("leg", s.Why[0], StringComparison.Ordinal);
            Assert.DoesNotContain("foot", s.Why[0], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void MachineChooser_ReducedSensation_NeverOffersWarmthAsAReason()
    {
        // Known failure 2: the chooser suggested heated devices for warmth with reduced feeling.
        var choice = MachineChooser.Choose(new MachineQuestions(MachineChooser.AllAreas, 5, Core.Knowledge.CostTier.High, true, C.ReducedSensation), TreatmentContent.Catalog.All);

        Assert.DoesNotContain(choice.Suggested, s => s.Why.Any(w => w.StartsWith("It gives warmth", StringComparison.Ordinal)));
        Assert.Contains(choice.Suggested, s => s.Why.Any(w => w.StartsWith("Warmth is not suggested for you", StringComparison.Ordinal)));
    }
}

using System.Globalization;
using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Safety;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Recommendations;

/// <summary>
/// Ranks the catalogue's modalities for one Person. Deterministic: the same input gives the same
/// output, ties broken by name.
/// </summary>
/// <remarks>
/// <para>Emergency or Urgent: nothing but the advice to seek care (no list, no exclusions).</para>
/// <para>Left out without a word: modalities with no knowledge yet, and medicine (information only:
/// the product never advises a medicine, CLINICAL.md section 3).</para>
/// <para>Not for you, in this order (the first rule that applies gives the reason): a refusal by
/// the content's rules for one of the Profile's conditions; pressure firmer than the Person's tolerance
/// (deep tissue points to Swedish massage, the article's own advice); a setting the Person does not
/// want; a cost above the budget; a home session longer than the minutes they have a day. Rest and
/// staying active is advice for everyone (NICE NG59) and is never excluded by a preference.</para>
/// <para>Safety comes from <see cref="CareSafety.ForModality"/>: a refused Modality is not for you
/// with the rule's reason and source; an "avoid" rule limited to a place (no heat on skin with
/// reduced feeling) is a precaution of the ranked Modality, its first, and never an exclusion: a
/// Modality is either ranked or not for you, never both.</para>
/// <para>Rank: by evidence grade, then by the Person's own "compared with days without it" difference
/// once it is shown (n ≥ 5; a bigger fall in pain ranks higher), then by name. The reasons cite
/// the figures and never claim that a treatment caused a change.</para>
/// </remarks>
public static class RecommendationEngine
{
    /// <summary>The article's rule: deep tissue is too much → try Swedish massage.</summary>
    public const string DeepTissueId = "deep-tissue-massage";

    public const string SwedishId = "swedish-massage";

    /// <summary>The source given for exclusions that come from the Person's own preferences.</summary>
    public const string PreferencesSource = "Your care preferences";

    /// <summary>How far the Person's own results may move a Modality within its evidence grade.</summary>
    private const double PersonalWeight = 0.045;

    public static RecommendationResult Recommend(RecommendationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Level.PausesSelfCare())
        {
            return new RecommendationResult(input.Level, true, [], []);
        }

        var prefs = input.Preferences;
        var results = input.Results.ToDictionary(r => r.ModalityId, StringComparer.Ordinal);
        var candidates = input.Modalities
            .Where(m => m.Knowledge is not null && m.Kind != TreatmentKind.Medicine)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToList();

        var notForYou = new List<Exclusion>();
        var kept = new List<(Modality Modality, List<Precaution> Precautions)>();
        foreach (var m in candidates)
        {
            var safety = CareSafety.ForModality(m, input.Conditions);
            if (safety.Refusal is { } refusal)
            {
                notForYou.Add(new Exclusion(m.Id, m.Name, refusal.Reason, refusal.Source));
                continue;
            }
            if (PreferenceExclusion(m, prefs) is { } byPreference)
            {
                notForYou.Add(byPreference);
                continue;
            }
            // A place to keep off comes first ("Not on the leg: ..."); the other cautions send to a clinician.
            var precautions = safety.Cautions.Where(c => c.Where is not null).Select(c => c.ToPrecaution())
                .Concat(safety.Cautions.Where(c => c.Where is null).Select(c => new Precaution($"{c.Reason} Ask your clinician before you try it.", c.Source)))
                .ToList();
            kept.Add((m, precautions));
        }

        var gentlerThanDeepTissue = notForYou.Any(e => e.ModalityId == DeepTissueId && e.Instead == SwedishId);
        var ranked = kept
            .Select(x =>
            {
                var k = x.Modality.Knowledge!;
                results.TryGetValue(x.Modality.Id, out var own);
                var personal = own is { ComparedWithUntreated: { Shown: true, Difference.Mean: { } d } } ? -d : 0;
                var score = Math.Round((int)k.Evidence.Grade + Math.Clamp(personal, -10, 10) * PersonalWeight, 3, MidpointRounding.AwayFromZero);
                var reasons = new List<string>();
                if (gentlerThanDeepTissue && x.Modality.Id == SwedishId)
                {
                    reasons.Add("The gentler option: deep tissue massage is firmer than the pressure you find comfortable, and Swedish massage uses less pressure.");
                }
                reasons.Add(EvidenceReason(k.Evidence));
                reasons.AddRange(PersonalReasons(own));
                if (k.Intensity is { } intensity && x.Modality.Kind is TreatmentKind.Massage or TreatmentKind.Machine or TreatmentKind.Acupressure)
                {
                    reasons.Add(Invariant($"Its pressure ({intensity} of 5) is within what you find comfortable ({prefs.PressureTolerance} of 5)."));
                }
                return (x.Modality, Score: score, k, Reasons: reasons, x.Precautions);
            })
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Modality.Name, StringComparer.Ordinal)
            .ThenBy(x => x.Modality.Id, StringComparer.Ordinal)
            .Select((x, i) => new Recommendation(x.Modality.Id, x.Modality.Name, i + 1, x.Score, x.k.Evidence.Grade,
                x.Reasons, x.Precautions, x.k.ReviewNeeded))
            .ToList();

        return new RecommendationResult(input.Level, false, ranked, notForYou);
    }

    private static Exclusion? PreferenceExclusion(Modality m, CarePreferences prefs)
    {
        var k = m.Knowledge!;
        if (k.Intensity is { } intensity && intensity > prefs.PressureTolerance)
        {
            return m.Id == DeepTissueId
                ? new Exclusion(m.Id, m.Name,
                    Invariant($"Its firm pressure ({intensity} of 5) is more than you find comfortable ({prefs.PressureTolerance} of 5). If deep tissue is too much, try Swedish massage: it uses less pressure."),
                    PreferencesSource + "; the gentler option follows the advice of the source article", Instead: SwedishId)
                : new Exclusion(m.Id, m.Name,
                    Invariant($"Its pressure ({intensity} of 5) is more than you find comfortable ({prefs.PressureTolerance} of 5)."),
                    PreferencesSource);
        }
        if (m.Kind == TreatmentKind.Rest)
        {
            return null;
        }
        var settingMismatch = (prefs.Setting, m.Setting) switch
        {
            (SettingPreference.Home, ModalitySetting.Therapist) => "It needs a therapist, and you prefer care at home.",
            (SettingPreference.Therapist, ModalitySetting.Home) => "It is done at home, and you prefer care from a therapist.",
            _ => null,
        };
        if (settingMismatch is not null)
        {
            return new Exclusion(m.Id, m.Name, settingMismatch, PreferencesSource);
        }
        if (k.Cost > prefs.Budget)
        {
            return new Exclusion(m.Id, m.Name,
                $"It usually costs more ({CostWords(k.Cost)}) than your budget ({CostWords(prefs.Budget)}).", PreferencesSource);
        }
        if (m.Setting == ModalitySetting.Home && k.SessionMinutes.Min > prefs.MinutesPerDay)
        {
            return new Exclusion(m.Id, m.Name,
                Invariant($"A session takes at least {k.SessionMinutes.Min} minutes, and you have {prefs.MinutesPerDay} minutes a day for home care."),
                PreferencesSource);
        }
        return null;
    }

    private static string EvidenceReason(Evidence evidence)
    {
        var first = evidence.Sources.Count > 0 ? " (" + evidence.Sources[0].Text + ")" : "";
        return $"Evidence that it helps: {GradeWords(evidence.Grade)}{first}. {evidence.Summary}".TrimEnd();
    }

    /// <summary>The Person's own figures, once there are enough of them; associations only, never causes.</summary>
    private static IEnumerable<string> PersonalReasons(ModalityEffect? own)
    {
        if (own is null)
        {
            yield break;
        }
        var comparison = own.ComparedWithUntreated;
        if (comparison is { Shown: true, Difference.Mean: { } d })
        {
            var size = Math.Abs(d);
            var words = d switch
            {
                < 0 => Invariant($"compared with your days without it, pain fell {size:0.0} points more (n={comparison.Treated})"),
                > 0 => Invariant($"compared with your days without it, pain fell {size:0.0} points less (n={comparison.Treated})"),
                _ => Invariant($"compared with your days without it, pain changed about the same (n={comparison.Treated})"),
            };
            yield return "Your own diary: " + words + ". This is what your records show, not proof that it caused the change.";
        }
        else if (own.Immediate is { Shown: true, Mean: { } m })
        {
            var direction = m < 0 ? "lower" : m > 0 ? "higher" : "the same";
            yield return m == 0
                ? Invariant($"Your own diary: right after it, your pain was on average the same as before (n={own.Immediate.N}).")
                : Invariant($"Your own diary: right after it, your pain was on average {Math.Abs(m):0.0} points {direction} than before (n={own.Immediate.N}). This is what your records show, not proof that it caused the change.");
        }
        else if (own.Treatments > 0)
        {
            yield return Invariant($"You have logged it {own.Treatments} {(own.Treatments == 1 ? "time" : "times")}; from {Estimate.MinimumN} the app can compare it with your days without it.");
        }
    }

    /// <summary>An area rule's place as it follows "not" (<see cref="CareSafety.OnWhere"/>).</summary>
    public static string OnWhere(string where) => CareSafety.OnWhere(where);

    public static string GradeWords(EvidenceGrade grade) => grade switch
    {
        EvidenceGrade.Insufficient => "insufficient (no trials found)",
        EvidenceGrade.VeryLow => "very low",
        EvidenceGrade.Conflicting => "conflicting (trials and guidelines disagree)",
        EvidenceGrade.Low => "low",
        EvidenceGrade.LowToModerate => "low to moderate",
        EvidenceGrade.Moderate => "moderate",
    };

    public static string CostWords(CostTier cost) => cost switch
    {
        CostTier.Free => "free",
        CostTier.Low => "low",
        CostTier.Moderate => "moderate",
        CostTier.High => "high",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

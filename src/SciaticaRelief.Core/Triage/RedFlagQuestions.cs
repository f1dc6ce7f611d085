using System.Collections.Frozen;

namespace SciaticaRelief.Core.Triage;

/// <summary>How and when a red-flag question is asked.</summary>
/// <param name="Question">The question.</param>
/// <param name="Id">Its stable wire id.</param>
/// <param name="Text">The question in plain words (English; the web UI localises by id).</param>
/// <param name="EveryCheckIn">
/// Asked in every check-in (the emergency and 24–48 h signs) rather than only at onboarding and in a
/// full symptom check (the routine-appointment questions).
/// </param>
/// <param name="DependsOn">Only asked when that question is answered yes or unsure.</param>
public sealed record RedFlagQuestionInfo(
    RedFlagQuestion Question, string Id, string Text, bool EveryCheckIn, RedFlagQuestion? DependsOn = null);

/// <summary>The catalogue of red-flag questions, in the order they are asked.</summary>
public static class RedFlagQuestions
{
    public static IReadOnlyList<RedFlagQuestionInfo> All { get; } =
    [
        new(RedFlagQuestion.SaddleNumbness, "saddle-numbness",
            "Do you have numbness or tingling around your genitals, anus or inner buttocks (the area you would sit on in a saddle)?", true),
        new(RedFlagQuestion.BladderControl, "bladder-control",
            "Is it newly hard to start, stop or control peeing, can you not pee at all, or can you not feel when your bladder is full?", true),
        new(RedFlagQuestion.BowelControl, "bowel-control",
            "Have you newly lost control of your bowels, or stopped feeling the need to go?", true),
        new(RedFlagQuestion.BothLegs, "both-legs",
            "Do you have sciatica in both legs, or severe or worsening weakness or numbness in both legs?", true),
        new(RedFlagQuestion.SexualDysfunction, "sexual-dysfunction",
            "Have you had new problems with sexual function (for example numbness or erection problems) since the sciatica started?", true),
        new(RedFlagQuestion.MajorTrauma, "major-trauma",
            "Did your back pain start after a major injury, such as a fall from a height or a road accident?", true),
        new(RedFlagQuestion.FeverUnwell, "fever-unwell",
            "Do you have a fever or chills, or do you feel very unwell?", true),
        new(RedFlagQuestion.LegWeakness, "leg-weakness",
            "Is one leg newly weak or getting weaker (for example your foot drags, slaps or you trip)?", true),
        new(RedFlagQuestion.WeaknessWorseningFast, "weakness-worsening-fast",
            "Is that weakness getting worse quickly (over hours or a day or two)?", true, RedFlagQuestion.LegWeakness),
        new(RedFlagQuestion.InfectionRisk, "infection-risk",
            "Have you injected drugs, or had an infection (for example a urine infection) in the last few weeks?", true),
        new(RedFlagQuestion.NewOrChangedPain, "new-or-changed-pain",
            "Is this back pain new, or clearly different from your usual back pain?", true),
        new(RedFlagQuestion.MinorFall, "minor-fall",
            "Did the pain start after a minor fall or strain (lifting, a stumble)?", true),
        new(RedFlagQuestion.SuddenSeverePain, "sudden-severe-pain",
            "Did severe pain in the middle of your back come on suddenly?", true),
        new(RedFlagQuestion.WeightLoss, "weight-loss",
            "Have you lost weight recently without trying?", true),
        new(RedFlagQuestion.NightPain, "night-pain",
            "Is the pain constant at night, and not eased by changing position?", true),
        new(RedFlagQuestion.SwollenLeg, "swollen-leg",
            "Is one calf or thigh newly swollen, painful, warm or red (a possible blood clot)?", true),
        new(RedFlagQuestion.ClotBreathless, "clot-breathless",
            "With that, are you suddenly short of breath, do you have chest pain, or are you coughing up blood?", true, RedFlagQuestion.SwollenLeg),
        new(RedFlagQuestion.FirstEpisode, "first-episode",
            "Is this the first time you have had back pain or sciatica like this?", false),
        new(RedFlagQuestion.NotImproving, "not-improving",
            "Has it failed to improve over a few weeks, got worse, or stopped you doing your normal activities?", false),
        new(RedFlagQuestion.OverSixWeeks, "over-six-weeks",
            "Have you had this sciatica for more than 4 to 6 weeks?", false),
    ];

    private static readonly FrozenDictionary<string, RedFlagQuestionInfo> ById =
        All.ToFrozenDictionary(q => q.Id, StringComparer.Ordinal);

    private static readonly FrozenDictionary<RedFlagQuestion, RedFlagQuestionInfo> ByQuestion =
        All.ToFrozenDictionary(q => q.Question);

    public static RedFlagQuestionInfo Get(RedFlagQuestion question) => ByQuestion[question];

    public static bool TryParse(string id, out RedFlagQuestion question)
    {
        if (ById.TryGetValue(id, out var info))
        {
            question = info.Question;
            return true;
        }
        question = default;
        return false;
    }

    public static string IdOf(RedFlagQuestion question) => ByQuestion[question].Id;

    /// <summary>The questions a check-in asks.</summary>
    public static IEnumerable<RedFlagQuestionInfo> ForCheckIn => All.Where(q => q.EveryCheckIn);

    /// <summary>The routine-appointment questions, asked at onboarding, in a full symptom check, and in a check-in once 28 days have passed without them.</summary>
    public static IEnumerable<RedFlagQuestionInfo> Routine => All.Where(q => !q.EveryCheckIn);

    /// <summary>How long a routine-level answer stands before a check-in asks again (CLINICAL.md 1: re-screen after about a month).</summary>
    public static readonly TimeSpan RoutineAnswersLast = TimeSpan.FromDays(28);

    /// <summary>
    /// The questions of <paramref name="asked"/> that still need an answer given <paramref name="answers"/>:
    /// a follow-up question only when its parent is yes or not sure.
    /// </summary>
    public static IEnumerable<RedFlagQuestion> Unanswered(IEnumerable<RedFlagQuestionInfo> asked, IReadOnlyDictionary<RedFlagQuestion, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(answers);
        return asked
            .Where(q => q.DependsOn is not { } parent || (answers.TryGetValue(parent, out var p) && p.CountsAsYes()))
            .Select(q => q.Question)
            .Where(q => !answers.ContainsKey(q));
    }

    /// <summary>
    /// Screened: every warning-sign question a check-in asks has an answer. Only a screened check can
    /// show that no warning sign is present; an unscreened one can still raise an alarm, never lift one.
    /// </summary>
    public static bool IsScreened(IReadOnlyDictionary<RedFlagQuestion, Answer> answers) => !Unanswered(ForCheckIn, answers).Any();

    /// <summary><see cref="IsScreened(IReadOnlyDictionary{RedFlagQuestion, Answer})"/> of answers stored by wire id (unknown ids are ignored).</summary>
    public static bool IsScreened(IReadOnlyDictionary<string, Answer> answersById) => IsScreened(FromWire(answersById));

    /// <summary>Answers stored by wire id, keyed by question; ids this version does not know are left out.</summary>
    public static Dictionary<RedFlagQuestion, Answer> FromWire(IReadOnlyDictionary<string, Answer> answersById)
    {
        ArgumentNullException.ThrowIfNull(answersById);
        var answers = new Dictionary<RedFlagQuestion, Answer>();
        foreach (var (id, answer) in answersById)
        {
            if (TryParse(id, out var q))
            {
                answers[q] = answer;
            }
        }
        return answers;
    }
}

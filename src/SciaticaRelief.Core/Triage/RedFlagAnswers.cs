using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Triage;

/// <summary>
/// The answers a Person gave to the warning-sign questions, as every entry path (web form, API, CLI)
/// resolves them: "None of these" records each asked question as no, and answers that contradict
/// each other or "None of these" are refused, naming the field, before anything is stored.
/// </summary>
public static class RedFlagAnswers
{
    /// <summary>The field errors are reported under.</summary>
    public const string Field = "redFlags";

    /// <summary>The field of the explicit "None of these" answer.</summary>
    public const string NoneField = "noneOfThese";

    /// <summary>
    /// Resolves <paramref name="given"/> answers with an optional "None of these" over the questions
    /// <paramref name="asked"/>. With "None of these", every asked question not answered is recorded
    /// as no (a follow-up question is not asked, since its parent is then no); a yes or "not sure"
    /// beside it is refused. Contradictions are refused in any case.
    /// </summary>
    public static Dictionary<RedFlagQuestion, Answer> Resolve(
        IReadOnlyDictionary<RedFlagQuestion, Answer> given, bool noneOfThese, IEnumerable<RedFlagQuestionInfo> asked, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(errors);
        var answers = new Dictionary<RedFlagQuestion, Answer>(given);
        if (noneOfThese)
        {
            var yes = given.Where(kv => kv.Value.CountsAsYes()).Select(kv => RedFlagQuestions.IdOf(kv.Key)).ToList();
            if (yes.Count > 0)
            {
                errors.Add(NoneField, $"\"None of these\" cannot go with a yes or \"not sure\" (to {string.Join(", ", yes)}). Choose one or the other: we treat \"not sure\" as a yes, to be safe.");
                return answers;
            }
            foreach (var q in asked.Where(q => q.DependsOn is null))
            {
                answers.TryAdd(q.Question, Answer.No);
            }
        }
        AddContradictions(answers, errors);
        return answers;
    }

    /// <summary>A follow-up answered yes or "not sure" while its parent question is answered no.</summary>
    public static void AddContradictions(IReadOnlyDictionary<RedFlagQuestion, Answer> answers, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var q in RedFlagQuestions.All)
        {
            if (q.DependsOn is { } parent && answers.TryGetValue(q.Question, out var answer) && answer.CountsAsYes()
                && answers.TryGetValue(parent, out var parentAnswer) && !parentAnswer.CountsAsYes())
            {
                errors.Add($"{Field}.{q.Id}",
                    $"\"{q.Id}\" is answered {Wire(answer)} but \"{RedFlagQuestions.IdOf(parent)}\", which it follows, is answered no. Answer both again.");
            }
        }
    }

    private static string Wire(Answer answer) => answer switch
    {
        Answer.Yes => "yes",
        Answer.No => "no",
        Answer.Unsure => "not sure",
    };
}

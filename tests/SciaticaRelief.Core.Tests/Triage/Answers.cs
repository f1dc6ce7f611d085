using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Tests.Triage;

/// <summary>Builds red-flag answer maps for test rows.</summary>
internal static class Answers
{
    public static Dictionary<RedFlagQuestion, Answer> None() => [];

    public static Dictionary<RedFlagQuestion, Answer> Yes(params RedFlagQuestion[] questions) =>
        questions.ToDictionary(q => q, _ => Answer.Yes);

    public static Dictionary<RedFlagQuestion, Answer> Of(params (RedFlagQuestion Question, Answer Answer)[] answers) =>
        answers.ToDictionary(a => a.Question, a => a.Answer);

    /// <summary>Every question in the catalogue answered the same way.</summary>
    public static Dictionary<RedFlagQuestion, Answer> All(Answer answer) =>
        Enum.GetValues<RedFlagQuestion>().ToDictionary(q => q, _ => answer);
}

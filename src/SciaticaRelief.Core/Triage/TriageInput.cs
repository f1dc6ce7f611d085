using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Core.Triage;

/// <summary>What triage decides from: red-flag answers plus the Profile's context.</summary>
/// <param name="Answers">Answers by question; a question not in the map was not asked.</param>
/// <param name="Conditions">The Profile's health context.</param>
/// <param name="Age">Age in whole years, if the birth year is known.</param>
/// <param name="StartBackHighRisk">The latest STarT Back result was high risk.</param>
/// <param name="NoProgressAfterFourWeeks">The journal shows no 30% improvement after 28 days of check-ins.</param>
public sealed record TriageInput(
    IReadOnlyDictionary<RedFlagQuestion, Answer> Answers,
    HealthCondition Conditions = HealthCondition.None,
    int? Age = null,
    bool StartBackHighRisk = false,
    bool NoProgressAfterFourWeeks = false)
{
    /// <summary>Yes or unsure: an unsure red flag is treated as present.</summary>
    public bool Says(RedFlagQuestion question) =>
        Answers.TryGetValue(question, out var answer) && answer.CountsAsYes();

    public bool Has(HealthCondition condition) => (Conditions & condition) == condition && condition != HealthCondition.None;
}

namespace SciaticaRelief.Core.Triage;

/// <summary>The outcome of one triage.</summary>
/// <param name="Level">The highest level any rule reached; SelfCare when none fired.</param>
/// <param name="FiredRules">The rules that fired, most urgent first.</param>
/// <param name="SeeDoctorToday">An Urgent result where weakness is getting worse quickly: today, not within 48 h.</param>
/// <param name="Unanswered">Check-in questions that were not answered (they cannot fire).</param>
public sealed record TriageResult(
    TriageLevel Level,
    IReadOnlyList<TriageRule> FiredRules,
    bool SeeDoctorToday,
    IReadOnlyList<RedFlagQuestion> Unanswered)
{
    public IEnumerable<string> FiredRuleIds => FiredRules.Select(r => r.Id);

    /// <summary>Every warning-sign question was answered (<see cref="RedFlagQuestions.IsScreened"/>).</summary>
    public bool Screened => Unanswered.Count == 0;
}

/// <summary>Evaluates the rule table. Pure and deterministic: same input, same result.</summary>
public static class TriageEngine
{
    public static TriageResult Evaluate(TriageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fired = TriageRules.All
            .Where(r => r.Fires(input))
            .OrderByDescending(r => r.Level)
            .ToList();
        var level = fired.Count == 0 ? TriageLevel.SelfCare : fired[0].Level;
        var today = level == TriageLevel.Urgent
            && ((input.Says(RedFlagQuestion.LegWeakness) && input.Says(RedFlagQuestion.WeaknessWorseningFast))
                || fired.Any(r => r.SameDay));
        var unanswered = RedFlagQuestions.Unanswered(RedFlagQuestions.ForCheckIn, input.Answers).ToList();
        return new TriageResult(level, fired, today, unanswered);
    }
}

namespace SciaticaRelief.Core.Triage;

/// <summary>What a triage result does not show, in the words every surface uses (page, API, CLI).</summary>
public static class TriageNotices
{
    public const string NotStored =
        "A what-if: this result was not stored and changes nothing in your standing.";

    public const string NotScreenedShort =
        "Not screened: not every warning-sign question was answered.";

    /// <summary>An unscreened check: it can raise an alarm, never lift one or count as a check without warning signs.</summary>
    public static string NotScreened(IEnumerable<RedFlagQuestion> unanswered)
    {
        ArgumentNullException.ThrowIfNull(unanswered);
        var ids = unanswered.Select(RedFlagQuestions.IdOf).ToList();
        var which = ids.Count == 0 ? "" : $" (unanswered: {string.Join(", ", ids)})";
        return NotScreenedShort + which + " It cannot show that no warning sign is present, so it does not lift an earlier warning " +
            "or count as a check without warning signs. Answer every question, or \"None of these\", to screen.";
    }
}

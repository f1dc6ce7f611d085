namespace SciaticaRelief.Data.Migrations;

/// <summary>
/// Marks the assessments stored before screening was recorded: screened when their answers (JSON by
/// wire id, as the Answers column holds them) cover every warning-sign question a check-in asked at the
/// time — the fifteen before the clot questions, "weakness-worsening-fast" only after a yes or "not sure"
/// to leg weakness. Plain LIKE on the JSON text, so one statement serves SQLite and PostgreSQL.
/// </summary>
internal static class LegacyScreening
{
    private static readonly string[] Asked =
    [
        "saddle-numbness", "bladder-control", "bowel-control", "both-legs", "sexual-dysfunction", "major-trauma", "fever-unwell",
        "leg-weakness", "infection-risk", "new-or-changed-pain", "minor-fall", "sudden-severe-pain", "weight-loss", "night-pain",
    ];

    public static string UpdateSql
    {
        get
        {
            var every = string.Join(" AND ", Asked.Select(id => $"\"Answers\" LIKE '%\"{id}\":%'"));
            const string followUp = "(\"Answers\" LIKE '%\"leg-weakness\":\"no\"%' OR \"Answers\" LIKE '%\"weakness-worsening-fast\":%')";
            return $"UPDATE \"TriageAssessments\" SET \"Screened\" = CASE WHEN {every} AND {followUp} THEN TRUE ELSE FALSE END";
        }
    }
}

using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Questionnaires;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>
/// One parsed row and the key that tells a re-import it is already here.
/// </summary>
/// <param name="SourceKey">A stable hash of the source and the row's original id or content (<see cref="SourceKeys"/>).</param>
/// <param name="Row">The row as it will be saved; its PersonId is set by the writer. An empty Id gets a new one.</param>
/// <param name="Original">The original text the row was mapped from (a free-text location, a Bearable detail), kept beside it.</param>
public sealed record ImportedRow<T>(string SourceKey, T Row, string? Original = null)
    where T : class;

/// <summary>Why a row of a file was left out; counted in the import report.</summary>
/// <param name="Where">The row, line or item of the file ("row 12", "day 2024-03-31").</param>
public sealed record ImportSkip(string Where, string Reason);

/// <summary>
/// A fault that refuses the whole import: nothing is saved. Names the row and column, so the
/// Person can find it in the file.
/// </summary>
public sealed record ImportError(string Where, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"{Where}: {Message}" : $"{Where}, column \"{Column}\": {Message}";
}

/// <summary>
/// Everything a file gave, before anything is written: what a preview shows and what the writer saves
/// in one transaction. Diary formats fill check-ins and treatments; our own FHIR export fills every list.
/// Children refer to their parents by the parents' row ids (a triage assessment's CheckInId).
/// </summary>
public sealed class ImportSet
{
    public List<ImportedRow<CheckIn>> CheckIns { get; } = [];
    public List<ImportedRow<TriageAssessment>> TriageAssessments { get; } = [];
    public List<ImportedRow<EarSeedApplication>> EarSeedApplications { get; } = [];
    public List<ImportedRow<Treatment>> Treatments { get; } = [];
    public List<ImportedRow<TreatmentFollowUp>> TreatmentFollowUps { get; } = [];
    public List<ImportedRow<QuestionnaireResponse>> QuestionnaireResponses { get; } = [];
    public List<ImportedRow<SavedPlanItem>> PlanItems { get; } = [];
    public List<ImportedRow<PlanCompletion>> PlanCompletions { get; } = [];

    /// <summary>Rows of the file left out on purpose (an unknown category, an empty day).</summary>
    public List<ImportSkip> Skipped { get; } = [];

    /// <summary>Faults that refuse the whole file. Parsers go on collecting (up to a limit) so the Person sees them all at once.</summary>
    public List<ImportError> Errors { get; } = [];

    public int RowCount =>
        CheckIns.Count + TriageAssessments.Count + EarSeedApplications.Count + Treatments.Count + TreatmentFollowUps.Count
        + QuestionnaireResponses.Count + PlanItems.Count + PlanCompletions.Count;
}

namespace SciaticaRelief.Core.Triage;

/// <summary>One row of the triage table: when it fires, the level it sets, and why.</summary>
/// <param name="Id">Stable id, reported in results and stored with each assessment.</param>
/// <param name="Level">The level this rule sets when it fires.</param>
/// <param name="Reason">What the Person is told fired, in plain words.</param>
/// <param name="Source">Where the rule comes from (CLINICAL.md section 1); [U] marks a fact awaiting clinical review.</param>
/// <param name="Fires">The condition.</param>
/// <param name="SameDay">An Urgent rule whose advice is today, not within 48 hours (a possible clot).</param>
public sealed record TriageRule(string Id, TriageLevel Level, string Reason, string Source, Func<TriageInput, bool> Fires, bool SameDay = false);

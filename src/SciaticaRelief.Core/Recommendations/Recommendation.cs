using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Recommendations;

/// <summary>A precaution from a contraindication rule (or an "avoid on" rule limited to an area), with its source.</summary>
public sealed record Precaution(string Text, string Source);

/// <summary>
/// A ranked Modality: its place, its score (evidence grade first, the Person's own results within a
/// grade), the reasons in plain words, and its precautions.
/// </summary>
/// <param name="Score">The evidence grade's value (0 to 5) plus at most ±0.45 from the Person's own results.</param>
/// <param name="ReviewNeeded">Its content rests on a fact that needs clinical review.</param>
public sealed record Recommendation(
    string ModalityId,
    string Name,
    int Rank,
    double Score,
    EvidenceGrade Grade,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<Precaution> Precautions,
    bool ReviewNeeded);

/// <summary>Why a Modality is not suggested, with the source of the rule. A Modality that is ranked is never also excluded.</summary>
/// <remarks>A rule limited to a place is a precaution of the ranked Modality, never an exclusion.</remarks>
/// <param name="Instead">The id of a Modality to try instead, if the rule names one.</param>
public sealed record Exclusion(string ModalityId, string Name, string Reason, string Source, string? Instead = null);

/// <summary>
/// What the engine says. While triage pauses self-care (<see cref="SeekCareOnly"/>) both lists are
/// empty and only the advice to seek care may be shown.
/// </summary>
public sealed record RecommendationResult(
    TriageLevel Level,
    bool SeekCareOnly,
    IReadOnlyList<Recommendation> Ranked,
    IReadOnlyList<Exclusion> NotForYou);

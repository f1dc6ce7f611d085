using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Recommendations;

/// <summary>
/// Everything the engine reads: the effective triage level, the Profile's conditions and
/// preferences, the catalogue's modalities (with their knowledge) and the Person's own results
/// per Modality from the insights.
/// </summary>
public sealed record RecommendationInput(
    TriageLevel Level,
    HealthCondition Conditions,
    CarePreferences Preferences,
    IReadOnlyList<Modality> Modalities,
    IReadOnlyList<ModalityEffect> Results);

using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Web.Insights;
using SciaticaRelief.Web.Profiles;
using SciaticaRelief.Web.Triage;

namespace SciaticaRelief.Web.Recommendations;

/// <summary>The recommendations as the API and the pages show them, with the preferences they followed.</summary>
public sealed record RecommendationsResponse(
    bool SeekCareOnly,
    TriageLevel Level,
    IReadOnlyList<Recommendation> Ranked,
    IReadOnlyList<Exclusion> NotForYou,
    CarePreferences Preferences,
    bool PreferencesSet);

/// <summary>
/// Feeds Core's <see cref="RecommendationEngine"/> for the signed-in Person: the triage standing's
/// effective level, the Profile's conditions and preferences, the catalogue, and the Person's own
/// results per Modality over the insights' default period (read only when suggestions are allowed).
/// </summary>
public sealed class RecommendationService(PersonContext person, TriageService triage, InsightsService insights, ModalityCatalog catalog)
{
    public async Task<RecommendationsResponse> GetAsync(CancellationToken ct)
    {
        var standing = await triage.StandingAsync(ct);
        var profile = await person.ProfileAsync(ct);
        var preferences = profile.Preferences ?? CarePreferences.Default;
        var results = standing.PausesSelfCare ? [] : (await insights.GetAsync(InsightsService.DefaultDays, ct)).Modalities;
        var result = RecommendationEngine.Recommend(new RecommendationInput(standing.Effective, profile.Conditions, preferences, catalog.All, results));
        return new RecommendationsResponse(result.SeekCareOnly, result.Level, result.Ranked, result.NotForYou, preferences, profile.Preferences is not null);
    }
}

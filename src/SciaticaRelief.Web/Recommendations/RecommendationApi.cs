using SciaticaRelief.Web.Api;

namespace SciaticaRelief.Web.Recommendations;

/// <summary>/api/v1/recommendations: the ranked modalities and "not for you"; suggests care, so the gate answers it while paused.</summary>
public static class RecommendationApi
{
    public static RouteGroupBuilder MapRecommendationApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/recommendations", async (RecommendationService recommendations, HttpResponse response, CancellationToken ct) =>
        {
            response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(await recommendations.GetAsync(ct));
        })
        .WithMetadata(new SuggestsCareAttribute())
        .WithTags("Recommendations")
        .WithName("GetRecommendations")
        .WithSummary("Modalities ranked for you (evidence grade, then your own results from n >= 5), each with reasons and precautions, and the ones not for you with the reason and source.")
        .WithDescription("While a symptom check says Emergency or Urgent, the answer is only the advice to seek care: {\"seekCareOnly\": true, \"level\", \"advice\"}. Your own figures are associations in your diary, not proof that a treatment caused a change.")
        .Produces<RecommendationsResponse>()
        .Produces<SeekCareResponse>();
        return api;
    }
}

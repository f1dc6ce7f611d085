using SciaticaRelief.Core.Insights;
using SciaticaRelief.Web.Api;

namespace SciaticaRelief.Web.Insights;

/// <summary>/api/v1/insights: what the Person's own rows say, with an ETag so a repeat is a cheap 304.</summary>
public static class InsightsApi
{
    public static RouteGroupBuilder MapInsightsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/insights", async Task<IResult> (HttpContext http, InsightsService insights, DataStamp stamp, CancellationToken ct, int days = InsightsService.DefaultDays) =>
        {
            if (days < 1 || days > InsightsService.MaxDays)
            {
                return Problems.Invalid("days", $"Days must be from 1 to {InsightsService.MaxDays}.");
            }
            return await stamp.ConditionalAsync(http, "insights", days, () => insights.GetAsync(days, ct));
        })
        .WithTags("Insights")
        .WithName("GetInsights")
        .WithSummary("Daily pain and trend; each modality's immediate and next-day effect (n, mean, 95% t-interval from n >= 5) and against untreated days that started as bad; responders; radiation by week; adherence; the last full week.")
        .WithDescription("Changes are after minus before: negative means less pain. These are associations in one person's diary, not proof that a treatment caused a change. The Insights page's section \"How these figures are computed\" defines every figure.")
        .Produces<InsightsReport>()
        .Produces(StatusCodes.Status304NotModified)
        .ProducesValidationProblem();
        return api;
    }
}

using SciaticaRelief.Web.Api;

namespace SciaticaRelief.Web.Dashboard;

/// <summary>/api/v1/dashboard: the dashboard's data, with an ETag so a repeat is a cheap 304.</summary>
public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/dashboard", async Task<IResult> (HttpContext http, DashboardService dashboard, DataStamp stamp, CancellationToken ct, int days = DashboardService.DefaultDays) =>
        {
            if (days < 1 || days > DashboardService.MaxDays)
            {
                return Problems.Invalid("days", $"Days must be from 1 to {DashboardService.MaxDays}.");
            }
            return await stamp.ConditionalAsync(http, "dashboard", days, () => dashboard.GetAsync(days, ct));
        })
        .WithTags("Dashboard")
        .WithName("GetDashboard")
        .WithSummary("Daily pain (mean of the day's 'pain now'), its 7-day trend, radiation and the triage standing.")
        .Produces<DashboardData>()
        .Produces(StatusCodes.Status304NotModified);
        return api;
    }
}

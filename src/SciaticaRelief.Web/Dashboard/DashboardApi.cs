using SciaticaRelief.Web.Api;

namespace SciaticaRelief.Web.Dashboard;

/// <summary>/api/v1/dashboard: the dashboard's data, with an ETag so a repeat is a cheap 304.</summary>
public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/dashboard", async Task<IResult> (HttpContext http, DashboardService dashboard, CancellationToken ct, int days = DashboardService.DefaultDays) =>
        {
            if (days < 1 || days > DashboardService.MaxDays)
            {
                return Problems.Invalid("days", $"Days must be from 1 to {DashboardService.MaxDays}.");
            }
            var etag = await dashboard.ETagAsync(days, ct);
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = "private, no-cache";
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => string.Equals(t.Trim(), etag, StringComparison.Ordinal))))
            {
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }
            return TypedResults.Ok(await dashboard.GetAsync(days, ct));
        })
        .WithTags("Dashboard")
        .WithName("GetDashboard")
        .WithSummary("Daily pain (mean of the day's 'pain now'), its 7-day trend, radiation and the triage standing.")
        .Produces<DashboardData>()
        .Produces(StatusCodes.Status304NotModified);
        return api;
    }
}

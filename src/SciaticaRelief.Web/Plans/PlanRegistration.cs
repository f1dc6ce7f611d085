using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SciaticaRelief.Web.Plans;

/// <summary>The plan's services, the feed's rate limit, and the logging rules that keep feed tokens out of the log.</summary>
public static class PlanRegistration
{
    public const string FeedLimit = "feed";

    /// <summary>Feed fetches per client address a minute: calendar apps poll every few minutes at most.</summary>
    public const int FeedPerMinute = 60;

    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddScoped<PlanService>();
        services.AddScoped<PlanFeedService>();
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(FeedLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter("feed:" + context.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = FeedPerMinute, Window = TimeSpan.FromMinutes(1) })));
        services.AddLogging(l => l.KeepRequestPathsOutOfTheLog());
        return services;
    }
}

/// <summary>
/// A feed URL carries its secret in the path (/feeds/{token}.ics), and ASP.NET Core writes request
/// paths to the log: Microsoft.AspNetCore.Hosting.Diagnostics at Information ("Request starting GET
/// http://host/feeds/...") and Microsoft.AspNetCore.Routing at Debug ("candidates found for the request
/// path ..."). Those two categories are held at Warning and Information whatever the configuration
/// says (these rules are added after the configuration's, so at the same category they win), so
/// no log level an operator chooses writes a token. The app's own logs never name a path.
/// </summary>
/// <remarks>
/// The hosting request scope (RequestPath) still carries the path; a provider configured with
/// IncludeScopes would print it on any line logged during a feed fetch. None is by default.
/// </remarks>
public static class RequestLogScrubbing
{
    public const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";
    public const string RoutingCategory = "Microsoft.AspNetCore.Routing";

    public static ILoggingBuilder KeepRequestPathsOutOfTheLog(this ILoggingBuilder logging) => logging
        .AddFilter(HostingCategory, LogLevel.Warning)
        .AddFilter(RoutingCategory, LogLevel.Information);
}

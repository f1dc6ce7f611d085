using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SciaticaRelief.Web.Plans;

/// <summary>The plan's services and the feed's rate limit.</summary>
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
        return services;
    }
}

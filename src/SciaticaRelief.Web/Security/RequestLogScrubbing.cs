namespace SciaticaRelief.Web.Security;

/// <summary>
/// Some URLs carry a secret: the calendar feed's path (/feeds/{token}.ics), an invite link's query
/// (/clients/join?code=..., /account/signup?invite=...), the setup link (/setup/{secret}). ASP.NET
/// Core writes request paths and queries to the log: Microsoft.AspNetCore.Hosting.Diagnostics at Information ("Request starting GET
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

namespace SciaticaRelief.Web.Security;

/// <summary>
/// Headers on every response: a strict CSP (scripts and styles only from this origin, no inline
/// script), no sniffing, no framing, no referrer (URLs can carry a feed or setup secret).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = ContentSecurityPolicy;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                if (!h.ContainsKey("Cache-Control"))
                {
                    // Health data must not linger in shared caches.
                    h.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
}

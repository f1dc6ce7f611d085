using Microsoft.AspNetCore.Authentication.Cookies;

namespace SciaticaRelief.Web.Security;

/// <summary>
/// Gives the auth cookie the <c>__Host-</c> prefix on HTTPS requests (the browser then insists on
/// Secure, Path=/ and no Domain) while a laptop on plain http://127.0.0.1 still works, where a
/// browser would refuse a prefixed cookie.
/// </summary>
public sealed class HostPrefixCookieManager : ICookieManager
{
    private const string Prefix = "__Host-";
    private readonly ChunkingCookieManager _inner = new();

    private static string Name(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (context.Request.IsHttps)
        {
            options.Secure = true;
            options.Path = "/";
            options.Domain = null;
        }
        _inner.AppendResponseCookie(context, Name(context, key), value, options);
    }

    public void DeleteCookie(HttpContext context, string key, CookieOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (context.Request.IsHttps)
        {
            options.Secure = true;
            options.Path = "/";
            options.Domain = null;
        }
        _inner.DeleteCookie(context, Name(context, key), options);
    }
}

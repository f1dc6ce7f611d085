using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Web.Profiles;

/// <summary>
/// The country and time zone a new account's form starts from, before any script runs: the first
/// country the browser's Accept-Language names (en-GB → United Kingdom), and that country's zone when
/// it has only one. Where it cannot tell, it guesses nothing and the form asks: never silently UTC.
/// The page's script still replaces the zone with the browser's own.
/// </summary>
public static class ProfileGuess
{
    public static (string? RegionCode, string? TimeZoneId) From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var languages = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value);
        foreach (var tag in languages)
        {
            // Language-region tags only ("en-GB", "es-419" has no country): the language alone says
            // nothing about where someone lives.
            var parts = tag?.Split('-') ?? [];
            if (parts.Length >= 2 && parts[^1].Length == 2 && Regions.TryGet(parts[^1], out var region))
            {
                return (region.Code, region.DefaultTimeZone);
            }
        }
        return (null, null);
    }
}

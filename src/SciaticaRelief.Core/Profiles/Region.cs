using System.Collections.Frozen;

namespace SciaticaRelief.Core.Profiles;

/// <summary>
/// Where a Person lives, for the emergency number an Emergency result shows (CLINICAL.md section 1:
/// 999, 911, 112, 111 NZ) and, later, the over-the-counter label maximums.
/// </summary>
/// <param name="Code">ISO 3166-1 alpha-2 code, upper case.</param>
/// <param name="Name">English name.</param>
/// <param name="EmergencyNumber">The number for an ambulance.</param>
/// <param name="UrgentAdvice">Where to get same-day advice when it is not an emergency, if the region has a service for it.</param>
public sealed record Region(string Code, string Name, string EmergencyNumber, string? UrgentAdvice);

public static class Regions
{
    public static IReadOnlyList<Region> All { get; } =
    [
        new("GB", "United Kingdom", "999", "NHS 111 (call 111 or use 111.nhs.uk)"),
        new("IE", "Ireland", "112 or 999", null),
        new("US", "United States", "911", null),
        new("CA", "Canada", "911", null),
        new("AU", "Australia", "000", "healthdirect (1800 022 222)"),
        new("NZ", "New Zealand", "111", "Healthline (0800 611 116)"),
        new("DE", "Germany", "112", "116 117"),
        new("FR", "France", "112 or 15", null),
        new("NL", "Netherlands", "112", null),
        new("ES", "Spain", "112", null),
        new("IT", "Italy", "112", null),
        new("SE", "Sweden", "112", "1177"),
        new("PL", "Poland", "112", null),
        new("IN", "India", "112", null),
        new("ZA", "South Africa", "10177 or 112 from a mobile", null),
        new("OTHER", "Another country", "your local emergency number (112 works from mobiles in many countries)", null),
    ];

    private static readonly FrozenDictionary<string, Region> ByCode =
        All.ToFrozenDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);

    public static bool TryGet(string? code, out Region region)
    {
        if (code is not null && ByCode.TryGetValue(code, out var found))
        {
            region = found;
            return true;
        }
        region = ByCode["OTHER"];
        return false;
    }

    public static Region GetOrOther(string? code) => TryGet(code, out var r) ? r : r;
}

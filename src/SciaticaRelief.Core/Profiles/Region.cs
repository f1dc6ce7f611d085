using System.Collections.Frozen;

namespace SciaticaRelief.Core.Profiles;

/// <summary>
/// Where a Person lives: the emergency number an Emergency result shows and the place people there
/// call the emergency department (CLINICAL.md section 1's table, one table for the web, the API, the
/// PDF and the CLI), and the time zone a new account starts from when the country has only one.
/// </summary>
/// <param name="Code">ISO 3166-1 alpha-2 code, upper case.</param>
/// <param name="Name">English name.</param>
/// <param name="EmergencyNumber">The number for an ambulance, as people there are told it.</param>
/// <param name="UrgentAdvice">Where to get same-day advice when it is not an emergency, if the region has a service for it.</param>
/// <param name="EmergencyPlace">The emergency department as people there say it (A&amp;E in the UK, the ER in North America).</param>
/// <param name="DefaultTimeZone">The IANA zone of a country with one zone; null where there are several (ask).</param>
public sealed record Region(string Code, string Name, string EmergencyNumber, string? UrgentAdvice, string EmergencyPlace, string? DefaultTimeZone);

public static class Regions
{
    private const string EmergencyDepartment = "the emergency department";

    public static IReadOnlyList<Region> All { get; } =
    [
        new("GB", "United Kingdom", "999 (or 112)", "NHS 111 (call 111 or use 111.nhs.uk)", "A&E", "Europe/London"),
        new("IE", "Ireland", "112 or 999", null, EmergencyDepartment, "Europe/Dublin"),
        new("US", "United States", "911", null, "the emergency room (ER)", null),
        new("CA", "Canada", "911", null, "the emergency room (ER)", null),
        new("AU", "Australia", "000 (112 from mobiles)", "healthdirect (1800 022 222)", EmergencyDepartment, null),
        new("NZ", "New Zealand", "111", "Healthline (0800 611 116)", EmergencyDepartment, "Pacific/Auckland"),
        new("DE", "Germany", "112", "116 117", "the emergency department (Notaufnahme)", "Europe/Berlin"),
        new("FR", "France", "112 or 15", null, "the emergency department (urgences)", "Europe/Paris"),
        new("NL", "Netherlands", "112", null, "the emergency department (spoedeisende hulp)", "Europe/Amsterdam"),
        new("ES", "Spain", "112", null, "the emergency department (urgencias)", "Europe/Madrid"),
        new("IT", "Italy", "112", null, "the emergency department (pronto soccorso)", "Europe/Rome"),
        new("SE", "Sweden", "112", "1177", "the emergency department (akutmottagning)", "Europe/Stockholm"),
        new("PL", "Poland", "112", null, "the emergency department (SOR)", "Europe/Warsaw"),
        new("IN", "India", "112 (108 for an ambulance)", null, EmergencyDepartment, "Asia/Kolkata"),
        new("ZA", "South Africa", "10177 (112 from mobiles)", null, "the emergency unit", "Africa/Johannesburg"),
        new("OTHER", "Another country", "112 (the number may differ where you are: use your local emergency number if you know it)", null, EmergencyDepartment, null),
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

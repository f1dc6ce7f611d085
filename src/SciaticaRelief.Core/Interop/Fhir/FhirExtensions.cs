using Hl7.Fhir.Model;

namespace SciaticaRelief.Core.Interop.Fhir;

/// <summary>Adding and reading our own extensions (<see cref="ReliefFhir.ExtensionBase"/>) without repeating URLs.</summary>
internal static class FhirExtensions
{
    public static void Put(this List<Extension> list, string name, DataType? value)
    {
        if (value is not null)
        {
            list.Add(new Extension(ReliefFhir.Url(name), value));
        }
    }

    public static void PutInt(this List<Extension> list, string name, int? value) => list.Put(name, value is { } v ? new Integer(v) : null);

    public static void PutText(this List<Extension> list, string name, string? value) => list.Put(name, string.IsNullOrEmpty(value) ? null : new FhirString(value));

    public static void PutCode(this List<Extension> list, string name, string? value) => list.Put(name, string.IsNullOrEmpty(value) ? null : new Code(value));

    public static void PutInstant(this List<Extension> list, string name, DateTime? utc, string? zone = null) =>
        list.Put(name, utc is { } u ? ReliefFhir.Instant(u, zone) : null);

    public static void PutZone(this List<Extension> list, string zone) => list.Add(new Extension(ReliefFhir.TimeZoneUrl, new Code(zone)));

    public static Extension? Find(this IEnumerable<Extension> list, string name)
    {
        var url = ReliefFhir.Url(name);
        return list.FirstOrDefault(e => e.Url == url);
    }

    public static IEnumerable<Extension> All(this IEnumerable<Extension> list, string name)
    {
        var url = ReliefFhir.Url(name);
        return list.Where(e => e.Url == url);
    }

    public static int? GetInt(this IEnumerable<Extension> list, string name) => list.Find(name)?.Value is Integer { Value: { } v } ? v : null;

    public static string? GetText(this IEnumerable<Extension> list, string name) => list.Find(name)?.Value switch
    {
        FhirString s => s.Value,
        Code c => c.Value,
        Id i => i.Value,
        _ => null,
    };

    public static bool? GetBool(this IEnumerable<Extension> list, string name) => list.Find(name)?.Value is FhirBoolean { Value: { } v } ? v : null;

    public static decimal? GetDecimal(this IEnumerable<Extension> list, string name) => list.Find(name)?.Value is FhirDecimal { Value: { } v } ? v : null;

    public static DateTime? GetInstant(this IEnumerable<Extension> list, string name) =>
        list.Find(name)?.Value is FhirDateTime d ? ReliefFhir.ParseInstant(d.Value) : null;

    public static string? GetZone(this IEnumerable<Extension> list) =>
        list.FirstOrDefault(e => e.Url == ReliefFhir.TimeZoneUrl)?.Value is Code c ? c.Value : null;
}

using System.Globalization;
using System.Text.Json;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>Small readers of JSON values that other diaries write loosely (numbers as strings, ids as big numbers).</summary>
internal static class JsonBits
{
    public static JsonElement? Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? v : null;

    public static string? Str(this JsonElement e, string name) => e.Prop(name) is { } v ? Text(v) : null;

    /// <summary>A value as text: strings as they are, numbers as written (a 64-bit id stays exact).</summary>
    public static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static IEnumerable<JsonElement> Array(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    public static IEnumerable<string> Strings(this JsonElement e, string name) =>
        e.Array(name).Select(v => v.ValueKind == JsonValueKind.Object ? (v.Str("name") ?? v.Str("label") ?? v.Str("type")) : Text(v)).OfType<string>();

    public static double? Number(this JsonElement e, string name) => e.Prop(name) is { } v
        ? v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null
        : null;

    public static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Parses the file; a fault becomes an error naming where the parser stopped.</summary>
    public static JsonDocument? Parse(Stream stream, ImportBuilder b, string what)
    {
        try
        {
            return JsonDocument.Parse(stream, Options);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $"line {(l + 1).ToString(CultureInfo.InvariantCulture)}" : "file";
            b.Error(line, null, $"This is not a complete {what} JSON file (it may be cut short or another kind of file): {e.Message.Split(" Path:")[0]}");
            return null;
        }
    }
}

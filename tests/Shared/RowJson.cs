using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SciaticaRelief.Tests.Shared;

/// <summary>
/// (Shared: compiled into Core.Tests and Web.Tests.) A row as canonical JSON for comparing two copies: object keys sorted (so dictionary order does
/// not matter), instants as ticks (so a DateTime's Kind, which differs between providers, does not), PersonId left out.
/// </summary>
internal static class RowJson
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new Ticks() } };

    public static string Of(object row)
    {
        var node = JsonSerializer.SerializeToNode(row, row.GetType(), Options)!.AsObject();
        node.Remove("PersonId");
        return Sorted(node)!.ToJsonString();
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, Sorted(kv.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };

    private sealed class Ticks : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Ticks);
    }
}

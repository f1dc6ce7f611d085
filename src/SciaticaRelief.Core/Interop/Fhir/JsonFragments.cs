using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;

namespace SciaticaRelief.Core.Interop.Fhir;

/// <summary>
/// JSON that depends only on a small key — a red-flag question with its answer, a body area's SNOMED
/// coding, a pain quality's component — written once by <paramref name="write"/> and then copied as
/// raw bytes: most of an export's bytes are such fragments, and copying them costs a fraction of
/// writing them. The cache is bounded, so keys that vary without limit are written each time.
/// </summary>
internal sealed class JsonFragments<TKey>(Action<Utf8JsonWriter, TKey> write, int limit = 1024)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, byte[]> _bytes = new();

    /// <summary>Writes the fragment for <paramref name="key"/> as a value (an array item, or after a property name).</summary>
    public void Write(Utf8JsonWriter w, TKey key)
    {
        if (!_bytes.TryGetValue(key, out var bytes))
        {
            bytes = Build(key);
            if (_bytes.Count < limit)
            {
                _bytes.TryAdd(key, bytes);
            }
        }
        w.WriteRawValue(bytes, skipInputValidation: true);
    }

    /// <summary>Writes the fragment as the value of <paramref name="name"/>.</summary>
    public void Write(Utf8JsonWriter w, JsonEncodedText name, TKey key)
    {
        w.WritePropertyName(name);
        Write(w, key);
    }

    private byte[] Build(TKey key)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var fragment = new Utf8JsonWriter(buffer))
        {
            write(fragment, key);
        }
        return buffer.WrittenSpan.ToArray();
    }
}

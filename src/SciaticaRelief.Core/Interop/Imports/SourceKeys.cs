using System.Security.Cryptography;
using System.Text;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>The dedupe key of an imported row: SHA-256 of the format id and the row's original id or content.</summary>
public static class SourceKeys
{
    public const int Length = 64;

    /// <param name="format">The format's id (<see cref="ImportFormats"/>), so two diaries' row 1 differ.</param>
    /// <param name="parts">The original id, or the content that identifies the row when the source has no id.</param>
    public static string For(string format, params ReadOnlySpan<string?> parts)
    {
        var text = new StringBuilder(format);
        foreach (var part in parts)
        {
            // A unit separator cannot occur in the parts, so ("a","bc") and ("ab","c") differ.
            text.Append('\u001f').Append(part);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The row id an imported row gets: derived from its source key, so a parent skipped as a
    /// duplicate already has the id its re-imported children refer to.
    /// </summary>
    public static Guid RowId(string sourceKey)
    {
        var bytes = Convert.FromHexString(sourceKey.AsSpan(0, 32));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (custom), RFC 9562
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // variant
        return new Guid(bytes);
    }
}

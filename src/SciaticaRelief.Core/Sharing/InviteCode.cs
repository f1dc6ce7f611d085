using System.Security.Cryptography;
using System.Text;

namespace SciaticaRelief.Core.Sharing;

/// <summary>
/// The one-time code of a <see cref="GrantInvite"/>: 160 random bits in base32 (RFC 4648, no
/// padding), shown in groups of four so it can be read out or typed. Only its SHA-256 is stored;
/// the hash is taken over the normalized form, so dashes, spaces and case do not matter.
/// </summary>
public static class InviteCode
{
    /// <summary>Random bytes in a code (160 bits, above the 128 the issue asks for).</summary>
    public const int Bytes = 20;

    /// <summary>Base32 characters in a code: 20 bytes are exactly 32 characters.</summary>
    public const int Length = Bytes * 8 / 5;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>A new code, formatted for people ("ABCD-EFGH-...").</summary>
    public static string New() => Format(Encode(RandomNumberGenerator.GetBytes(Bytes)));

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return text.ToString();
    }

    /// <summary>Groups of four, joined by dashes.</summary>
    public static string Format(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Join('-', Enumerable.Range(0, (code.Length + 3) / 4).Select(i => code.Substring(i * 4, Math.Min(4, code.Length - i * 4))));
    }

    /// <summary>
    /// The code without dashes or spaces, upper case; null when it cannot be a code (wrong length or
    /// a character outside base32), so a typo is told apart from an unknown code.
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var code = new StringBuilder(Length);
        foreach (var c in text)
        {
            if (c is '-' or ' ' || char.IsWhiteSpace(c))
            {
                continue;
            }
            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper, StringComparison.Ordinal) || code.Length == Length)
            {
                return null;
            }
            code.Append(upper);
        }
        return code.Length == Length ? code.ToString() : null;
    }

    /// <summary>Lower-case hex SHA-256 of the normalized code: what <see cref="GrantInvite.CodeHash"/> stores.</summary>
    public static string Hash(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalized)));
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SciaticaRelief.Core.Sharing;

/// <summary>
/// The hash chain of a Person's audit log. Each event's hash covers the previous hash and every
/// field of the event, so editing a row changes its hash, and deleting one breaks the link (or the
/// sequence) of the next.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>Links <paramref name="next"/> after <paramref name="previous"/> (null for the first): sets sequence and both hashes.</summary>
    public static AuditEvent Link(AuditEvent? previous, AuditEvent next)
    {
        ArgumentNullException.ThrowIfNull(next);
        next.Sequence = (previous?.Sequence ?? 0) + 1;
        next.PreviousHash = previous?.Hash ?? Genesis;
        next.Hash = HashOf(next);
        return next;
    }

    public static string HashOf(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        // Unit separators keep fields apart, so "ab"+"c" and "a"+"bc" hash differently.
        var text = string.Join('\u001f',
            e.PreviousHash,
            e.PersonId.ToString("D"),
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.AtUtc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            e.ActorId.ToString("D"),
            e.ActorKind,
            e.ActorName,
            e.Action,
            e.Resource,
            e.Outcome);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Checks a Person's whole chain, given in sequence order. Returns null when intact, or the
    /// sequence number of the first event that was edited, or that follows a deleted one.
    /// </summary>
    public static long? Verify(IEnumerable<AuditEvent> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var previousHash = Genesis;
        var expected = 1L;
        foreach (var e in chain)
        {
            if (e.Sequence != expected || e.PreviousHash != previousHash || e.Hash != HashOf(e))
            {
                return e.Sequence;
            }
            previousHash = e.Hash;
            expected++;
        }
        return null;
    }
}

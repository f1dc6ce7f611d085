using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Data;

namespace SciaticaRelief.Web.Api;

/// <summary>What happened to a create that may have been sent before.</summary>
public enum ReplayKind
{
    /// <summary>Not seen before: go ahead and create.</summary>
    New,

    /// <summary>The same key and request came before: answer with what it created.</summary>
    Replay,

    /// <summary>The same key came with a different request: refuse.</summary>
    Conflict,
}

/// <summary>
/// Idempotent creates: the API's <c>Idempotency-Key</c> header and the web forms' one-time key
/// both end here, so a double-submitted form and a retried request behave the same.
/// </summary>
public sealed class Idempotency(ReliefDbContext db, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    /// <summary>The key from the header, or null; a malformed key is an error message.</summary>
    public static (string? Key, string? Error) KeyFrom(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(value))
        {
            return (null, null);
        }
        if (value.Length > MaxKeyLength || value.Any(c => c < 0x21 || c > 0x7e))
        {
            return (null, $"{Header} must be 1 to {MaxKeyLength} visible ASCII characters (a UUID is a good choice).");
        }
        return (value, null);
    }

    public static string HashOf<T>(string resourceType, T request)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(request);
        var bytes = Encoding.UTF8.GetBytes(resourceType + "\n").Concat(json).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public async Task<(ReplayKind Kind, Guid ResourceId)> CheckAsync(string key, string requestHash, CancellationToken ct)
    {
        var found = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, ct);
        if (found is null)
        {
            return (ReplayKind.New, Guid.Empty);
        }
        return string.Equals(found.RequestHash, requestHash, StringComparison.Ordinal)
            ? (ReplayKind.Replay, found.ResourceId)
            : (ReplayKind.Conflict, found.ResourceId);
    }

    /// <summary>Adds the record to the unit of work; it is saved with the created row.</summary>
    public void Record(Guid personId, string key, string requestHash, string resourceType, Guid resourceId) =>
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            PersonId = personId,
            Key = key,
            RequestHash = requestHash,
            ResourceType = resourceType,
            ResourceId = resourceId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
}

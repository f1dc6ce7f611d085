using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Api;

namespace SciaticaRelief.Web.Clinical;

/// <summary>
/// Idempotent creates by a Therapist. Records live under the client (the distribution key), so the
/// key is stored hashed with the Therapist's id: two Therapists of one client who happen to send
/// the same key never replay each other's record. Read without the owner filter, by the client's id,
/// because an amendment may come after the client revoked the Grant.
/// </summary>
public sealed class TherapistKeys(ReliefDbContext db, Idempotency idempotency)
{
    public static string Scoped(Guid therapistId, string key) =>
        "t:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(therapistId.ToString("N") + "\n" + key)));

    public async Task<(ReplayKind Kind, Guid ResourceId)> CheckAsync(Guid clientId, Guid therapistId, string key, string requestHash, CancellationToken ct)
    {
        var scoped = Scoped(therapistId, key);
        var found = await db.IdempotencyRecords.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(r => r.PersonId == clientId && r.Key == scoped, ct);
        if (found is null)
        {
            return (ReplayKind.New, Guid.Empty);
        }
        return string.Equals(found.RequestHash, requestHash, StringComparison.Ordinal)
            ? (ReplayKind.Replay, found.ResourceId)
            : (ReplayKind.Conflict, found.ResourceId);
    }

    public void Record(Guid clientId, Guid therapistId, string key, string requestHash, string resourceType, Guid resourceId) =>
        idempotency.Record(clientId, Scoped(therapistId, key), requestHash, resourceType, resourceId);
}

using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Data;

namespace SciaticaRelief.Web.Sharing;

/// <summary>
/// Appends to a Person's hash-chained audit log (<see cref="AuditChain"/>). Each append is its own
/// save, after the change it records; two appends racing for the same sequence number collide on
/// the primary key and the loser links again after the winner.
/// </summary>
public sealed class AuditLog(ReliefDbContext db, TimeProvider clock)
{
    private const int Attempts = 5;

    public async Task AppendAsync(Guid personId, Guid actorId, string actorKind, string actorName, string action, string resource, string outcome, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.AuditEvents.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.PersonId == personId)
                .OrderByDescending(e => e.Sequence)
                .FirstOrDefaultAsync(ct);
            var next = AuditChain.Link(last, new AuditEvent
            {
                PersonId = personId,
                AtUtc = clock.GetUtcNow().UtcDateTime,
                ActorId = actorId,
                ActorKind = actorKind,
                ActorName = Truncate(actorName, 256),
                Action = action,
                Resource = Truncate(resource, 120),
                Outcome = outcome,
            });
            db.AuditEvents.Add(next);
            try
            {
                await db.SaveChangesAsync(ct);
                db.Entry(next).State = EntityState.Detached;
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.Entry(next).State = EntityState.Detached;
            }
        }
    }

    /// <summary>The Person's whole chain, oldest first, with the sequence of the first broken link (null when intact).</summary>
    public async Task<(IReadOnlyList<AuditEvent> Events, long? BrokenAt)> ReadAsync(Guid personId, CancellationToken ct = default)
    {
        var events = await db.AuditEvents.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.PersonId == personId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return (events, AuditChain.Verify(events));
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

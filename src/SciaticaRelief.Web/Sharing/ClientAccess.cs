using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Security;

namespace SciaticaRelief.Web.Sharing;

/// <summary>
/// The one gate between a Therapist and a client's data. It finds a live Grant from the client to
/// the signed-in Therapist that includes the scope, records the attempt in the client's audit log,
/// and only then opens the client's rows to this request's query filters. Every client endpoint
/// starts here; a null answer is a 404 with no hint the client or the data exists.
/// </summary>
public sealed class ClientAccess(ReliefDbContext db, CurrentPerson current, AuditLog audit)
{
    private string? _therapistName;

    /// <summary>
    /// Opens the client's data for <paramref name="scope"/> (<see cref="GrantScope.None"/>: anything
    /// every live grant includes, such as the pre-visit brief's red flags). Read from the database on
    /// every call, never cached, so a revocation refuses the very next request.
    /// </summary>
    public async Task<Grant?> OpenAsync(Guid clientId, GrantScope scope, string action, string resource, CancellationToken ct = default)
    {
        var therapistId = current.TherapistId ?? throw new InvalidOperationException("ClientAccess needs a signed-in Therapist.");
        var grants = await db.Grants.IgnoreQueryFilters().AsNoTracking()
            .Where(g => g.PersonId == clientId && g.TherapistId == therapistId)
            .ToListAsync(ct);
        if (grants.Count == 0)
        {
            // Never a client of this Therapist: nothing to record against, nothing to reveal.
            return null;
        }
        var live = grants.FirstOrDefault(g => g.IsLive && (scope == GrantScope.None || g.Scopes.HasFlag(scope)));
        await RecordAsync(clientId, action, resource, live is null ? AuditOutcomes.Denied : AuditOutcomes.Allowed, ct);
        if (live is null)
        {
            return null;
        }
        current.OpenClient(clientId);
        return live;
    }

    /// <summary>Records a change the Therapist made to an opened client's data, after it was saved.</summary>
    public async Task RecordAsync(Guid clientId, string action, string resource, string outcome, CancellationToken ct = default)
    {
        var therapistId = current.TherapistId ?? throw new InvalidOperationException("ClientAccess needs a signed-in Therapist.");
        _therapistName ??= await db.Users.AsNoTracking().Where(u => u.Id == therapistId)
            .Select(u => u.DisplayName ?? u.Email ?? u.UserName ?? "").SingleOrDefaultAsync(ct) ?? "";
        await audit.AppendAsync(clientId, therapistId, "therapist", _therapistName, action, resource, outcome, ct);
    }
}

using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Security;

namespace SciaticaRelief.Web.Sharing;

public enum JoinStatus
{
    Joined,

    /// <summary>Not a code at all (empty, wrong length, a character outside base32).</summary>
    Malformed,
    Unknown,
    Expired,
    Cancelled,
    AlreadyUsed,
}

public sealed record JoinOutcome(JoinStatus Status, JoinResponse? Joined = null)
{
    /// <summary>What the Therapist reads when the code cannot be used.</summary>
    public string Message => Status switch
    {
        JoinStatus.Joined => "",
        JoinStatus.Malformed => "That is not an invite code: a code is 32 letters and digits (2-7), usually in groups of four. Check it and try again.",
        JoinStatus.Unknown => "No invite has this code. Check it, or ask your client for a new one.",
        JoinStatus.Expired => "This invite code has expired (codes last 7 days). Ask your client for a new one.",
        JoinStatus.Cancelled => "Your client cancelled this invite code. Ask them for a new one.",
        JoinStatus.AlreadyUsed => "This invite code was already used: each code works once. Ask your client for a new one.",
    };
}

public enum CancelStatus
{
    Cancelled,
    NotFound,
    AlreadyUsed,
}

/// <summary>
/// Sharing with a Therapist: the Person's invites, grants and audit log, and the Therapist's side
/// (redeeming a code, the client list). Reads of a client's data go through <see cref="ClientAccess"/>.
/// </summary>
public sealed class SharingService(ReliefDbContext db, CurrentPerson current, TimeProvider clock, AuditLog audit, ClientAccess access,
    Triage.TriageService triage)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ---- The Person's side (query filters scope every read to the signed-in Person) ----

    public async Task<InviteCreatedResponse> CreateInviteAsync(GrantScope scopes, CancellationToken ct)
    {
        var code = InviteCode.New();
        var now = Now;
        var invite = new GrantInvite
        {
            PersonId = current.Id,
            Id = Guid.CreateVersion7(),
            CodeHash = InviteCode.Hash(InviteCode.Normalize(code)!),
            Scopes = scopes,
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(GrantInvite.CodeLifetimeDays),
        };
        db.GrantInvites.Add(invite);
        await db.SaveChangesAsync(ct);
        return new InviteCreatedResponse(invite.Id, code, JoinLink(code), GrantScopes.Names(scopes), invite.CreatedAtUtc, invite.ExpiresAtUtc);
    }

    public static string JoinLink(string code) => "/clients/join?code=" + Uri.EscapeDataString(code);

    public async Task<IReadOnlyList<InviteResponse>> InvitesAsync(CancellationToken ct)
    {
        var now = Now;
        var rows = await db.GrantInvites.AsNoTracking().OrderByDescending(i => i.CreatedAtUtc).ToListAsync(ct);
        return [.. rows.Select(i => InviteResponse.From(i, now))];
    }

    /// <summary>Cancels an unused invite; a code redeemed in the meantime stays redeemed (the conditional update decides).</summary>
    public async Task<CancelStatus> CancelInviteAsync(Guid id, CancellationToken ct)
    {
        var now = Now;
        var rows = await db.GrantInvites.Where(i => i.Id == id && i.RedeemedAtUtc == null && i.CancelledAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.CancelledAtUtc, now), ct);
        if (rows == 1)
        {
            return CancelStatus.Cancelled;
        }
        var invite = await db.GrantInvites.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        return invite is null ? CancelStatus.NotFound
            : invite.RedeemedAtUtc is not null ? CancelStatus.AlreadyUsed
            : CancelStatus.Cancelled;
    }

    public async Task<IReadOnlyList<GrantResponse>> GrantsAsync(CancellationToken ct)
    {
        var grants = await db.Grants.AsNoTracking().OrderBy(g => g.RevokedAtUtc != null).ThenByDescending(g => g.CreatedAtUtc).ToListAsync(ct);
        var names = await NamesAsync(grants.Select(g => g.TherapistId), ct);
        return [.. grants.Select(g => ToResponse(g, names))];
    }

    public async Task<GrantResponse?> GrantAsync(Guid id, CancellationToken ct)
    {
        var grant = await db.Grants.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
        return grant is null ? null : ToResponse(grant, await NamesAsync([grant.TherapistId], ct));
    }

    /// <summary>Revokes at once: <see cref="ClientAccess"/> reads the Grant on every request, so the Therapist's next one is refused.</summary>
    public async Task<GrantResponse?> RevokeAsync(Guid id, CancellationToken ct)
    {
        var now = Now;
        await db.Grants.Where(g => g.Id == id && g.RevokedAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAtUtc, now), ct);
        return await GrantAsync(id, ct);
    }

    public async Task<AuditResponse> AuditAsync(CancellationToken ct)
    {
        var (events, brokenAt) = await audit.ReadAsync(current.Id, ct);
        var items = events.OrderByDescending(e => e.Sequence)
            .Select(e => new AuditEntryResponse(e.Sequence, Utc(e.AtUtc), e.ActorName, e.ActorKind, e.Action, e.Resource, e.Outcome))
            .ToList();
        return new AuditResponse(brokenAt is null, brokenAt, AuditStatus(brokenAt), items);
    }

    public static string AuditStatus(long? brokenAt) => brokenAt is { } n
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The log is not intact: entry #{n} was changed or removed.")
        : "The log is intact: no entry was changed or removed.";

    // ---- The Therapist's side (no owner scope: every query names the Therapist explicitly) ----

    /// <summary>
    /// Redeems a code into a Grant. Single-use even under a race: the invite is claimed by a
    /// conditional update (still unredeemed, uncancelled, unexpired) and only the one request that
    /// changed the row goes on. A live Grant the Therapist already has from this Person is revoked
    /// and replaced by the new one, with the new scopes.
    /// </summary>
    public async Task<JoinOutcome> JoinAsync(string? code, CancellationToken ct)
    {
        var therapistId = current.TherapistId ?? throw new InvalidOperationException("Only a Therapist redeems invite codes.");
        if (InviteCode.Normalize(code) is not { } normalized)
        {
            return new JoinOutcome(JoinStatus.Malformed);
        }
        var hash = InviteCode.Hash(normalized);
        var invite = await db.GrantInvites.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(i => i.CodeHash == hash, ct);
        var now = Now;
        if (StatusOf(invite, now) is { } refused)
        {
            return new JoinOutcome(refused);
        }
        var grant = new Grant
        {
            PersonId = invite!.PersonId,
            Id = Guid.CreateVersion7(),
            TherapistId = therapistId,
            Scopes = invite.Scopes,
            CreatedAtUtc = now,
        };
        int replaced;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await db.GrantInvites.IgnoreQueryFilters()
                .Where(i => i.PersonId == invite.PersonId && i.Id == invite.Id && i.RedeemedAtUtc == null && i.CancelledAtUtc == null && i.ExpiresAtUtc > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RedeemedAtUtc, now).SetProperty(i => i.GrantId, grant.Id), ct);
            if (claimed != 1)
            {
                await tx.RollbackAsync(ct);
                var latest = await db.GrantInvites.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(i => i.Id == invite.Id && i.PersonId == invite.PersonId, ct);
                return new JoinOutcome(StatusOf(latest, now) ?? JoinStatus.AlreadyUsed);
            }
            replaced = await db.Grants.IgnoreQueryFilters()
                .Where(g => g.PersonId == invite.PersonId && g.TherapistId == therapistId && g.RevokedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAtUtc, now), ct);
            db.Grants.Add(grant);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        db.Entry(grant).State = EntityState.Detached;
        await audit.AppendAsync(grant.PersonId, therapistId, "therapist", await TherapistNameAsync(therapistId, ct),
            AuditActions.Create, "grant/" + grant.Id.ToString("D"), AuditOutcomes.Allowed, ct);
        var clientName = await ClientNameAsync(grant.PersonId, ct);
        return new JoinOutcome(JoinStatus.Joined, new JoinResponse(grant.PersonId, grant.Id, clientName, GrantScopes.Names(grant.Scopes), grant.CreatedAtUtc, replaced > 0));
    }

    private static JoinStatus? StatusOf(GrantInvite? invite, DateTime now) =>
        invite is null ? JoinStatus.Unknown
        : invite.RedeemedAtUtc is not null ? JoinStatus.AlreadyUsed
        : invite.CancelledAtUtc is not null ? JoinStatus.Cancelled
        : invite.ExpiresAtUtc <= now ? JoinStatus.Expired
        : null;

    /// <summary>
    /// The Therapist's clients with a live Grant, each marked when their triage standing is Emergency
    /// or Urgent (read through <see cref="ClientAccess"/>, one audited read of the standing a client),
    /// and former clients with only the date access ended.
    /// </summary>
    public async Task<ClientListResponse> ClientsAsync(CancellationToken ct)
    {
        var therapistId = current.TherapistId ?? throw new InvalidOperationException("Only a Therapist has clients.");
        var grants = await db.Grants.IgnoreQueryFilters().AsNoTracking().Where(g => g.TherapistId == therapistId).ToListAsync(ct);
        var names = await NamesAsync(grants.Select(g => g.PersonId), ct, clients: true);
        var live = grants.Where(g => g.IsLive).OrderBy(g => names.GetValueOrDefault(g.PersonId, ""), StringComparer.OrdinalIgnoreCase)
            .Select(g => new LiveClientResponse(g.PersonId, names.GetValueOrDefault(g.PersonId, ""), GrantScopes.Names(g.Scopes), Utc(g.CreatedAtUtc),
                $"/api/v1/clients/{g.PersonId:D}/brief"))
            .ToList();
        for (var i = 0; i < live.Count; i++)
        {
            if (await access.OpenAsync(live[i].ClientId, GrantScope.None, AuditActions.Read, "standing", ct) is not null)
            {
                live[i] = live[i] with { Alarm = (await triage.StandingAsync(ct)).ActiveAlarm };
            }
        }
        var liveIds = live.Select(c => c.ClientId).ToHashSet();
        var ended = grants.Where(g => !liveIds.Contains(g.PersonId)).GroupBy(g => g.PersonId)
            .Select(group => new EndedClientResponse(names.GetValueOrDefault(group.Key, ""), Utc(group.Max(g => g.RevokedAtUtc!.Value))))
            .OrderByDescending(e => e.EndedAt)
            .ToList();
        return new ClientListResponse(live, ended);
    }

    /// <summary>The name a client goes by on the Therapist's pages: their email (or user name).</summary>
    public async Task<string> ClientNameAsync(Guid clientId, CancellationToken ct) =>
        (await NamesAsync([clientId], ct, clients: true)).GetValueOrDefault(clientId, "");

    private async Task<string> TherapistNameAsync(Guid therapistId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == therapistId)
            .Select(u => u.DisplayName ?? u.Email ?? u.UserName ?? "").SingleOrDefaultAsync(ct) ?? "";

    /// <summary>
    /// Names of the given accounts: a Therapist's display name (else the email); a client's email
    /// or user name, which is what the Therapist was given with the code.
    /// </summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct, bool clients = false)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.UserName }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => (clients ? r.Email ?? r.UserName : r.DisplayName ?? r.Email ?? r.UserName) ?? "");
    }

    private static GrantResponse ToResponse(Grant g, Dictionary<Guid, string> names) =>
        new(g.Id, names.GetValueOrDefault(g.TherapistId, ""), GrantScopes.Names(g.Scopes), Utc(g.CreatedAtUtc), g.IsLive, g.RevokedAtUtc is { } r ? Utc(r) : null);

    /// <summary>SQLite returns instants without a kind: mark them UTC so JSON carries the Z.</summary>
    public static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}

using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Clinical;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Security;
using SciaticaRelief.Web.Sharing;

namespace SciaticaRelief.Web.Clinical;

public sealed record NoteOutcome(SaveStatus Status, SessionNote? Note = null, ValidationErrors? Errors = null);

/// <summary>A note as it reads now: the original, its amendments oldest first, and the current version.</summary>
public sealed record NoteChain(SessionNote Original, IReadOnlyList<SessionNote> Amendments, string ClientName)
{
    public SessionNote Current => Amendments.Count > 0 ? Amendments[^1] : Original;
}

/// <summary>
/// SOAP session notes: the Therapist's own records. Writing (a new note or an amendment) needs a
/// live Grant (the one gate, <see cref="ClientAccess"/>, which audits the attempt allowed or denied);
/// reading one's own notes does not, so a Therapist keeps the notes they wrote after the client
/// revokes. A note is never updated: an amendment is a new row naming the original, and the EF
/// filter shows each Therapist only the notes they wrote. A note is never refused for what it
/// records: the contraindication warnings of its techniques for the client's health conditions are
/// stored with it (<see cref="SessionNote.SafetyWarnings"/>) and shown.
/// </summary>
public sealed class SessionNoteService(ReliefDbContext db, CurrentPerson current, ClientAccess access, TherapistKeys keys, ModalityCatalog catalog, TimeProvider clock)
{
    public const string ResourceType = "session-note";

    public ModalityCatalog Catalog => catalog;

    private Guid TherapistId => current.TherapistId ?? throw new InvalidOperationException("Only a Therapist writes session notes.");

    /// <summary>Writes a signed note for the client; NotFound when there is no live Grant.</summary>
    public async Task<NoteOutcome> CreateAsync(Guid clientId, SessionNoteInput input, string? key, string? requestHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await access.OpenAsync(clientId, GrantScope.None, AuditActions.Create, ResourceType, ct) is null)
        {
            return new NoteOutcome(SaveStatus.NotFound);
        }
        if (key is not null && await ReplayAsync(clientId, key, requestHash!, ct) is { } replay)
        {
            return replay;
        }
        var validated = SessionNoteValidator.Validate(input, await ClientTodayAsync(ct), catalog);
        if (!validated.IsValid)
        {
            return new NoteOutcome(SaveStatus.Invalid, Errors: validated.Errors);
        }
        var note = await NewSignedNoteAsync(clientId, validated.Value!, null, ct);
        note.SafetyWarnings = [.. SessionNoteValidator.SafetyWarnings(note, await ClientConditionsAsync(ct), catalog)];
        if (key is not null)
        {
            keys.Record(clientId, TherapistId, key, requestHash!, ResourceType, note.Id);
        }
        await db.SaveChangesAsync(ct);
        await access.RecordAsync(clientId, AuditActions.Create, $"{ResourceType}/{note.Id}", AuditOutcomes.Allowed, ct);
        return new NoteOutcome(SaveStatus.Created, note);
    }

    /// <summary>
    /// Amends one of this Therapist's notes (an amendment of an amendment amends the original):
    /// a new signed row; the original is never touched. NotFound for a note they did not write, and
    /// for one whose client no longer shares with them (no live Grant: the gate records the denial).
    /// </summary>
    public async Task<NoteOutcome> AmendAsync(Guid id, SessionNoteInput input, string? reason, string? key, string? requestHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await db.SessionNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (found is null)
        {
            return new NoteOutcome(SaveStatus.NotFound);
        }
        var rootId = NoteChains.RootOf(found);
        var original = found.AmendsId is null ? found : await db.SessionNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == rootId, ct);
        if (original is null)
        {
            return new NoteOutcome(SaveStatus.NotFound);
        }
        // A write to the client's record: only through a live Grant, like a new note (ADR 7, 10).
        if (await access.OpenAsync(original.PersonId, GrantScope.None, AuditActions.Create, $"{ResourceType}/{original.Id}", ct) is null)
        {
            return new NoteOutcome(SaveStatus.NotFound);
        }
        if (key is not null && await ReplayAsync(original.PersonId, key, requestHash!, ct) is { } replay)
        {
            return replay;
        }
        var validated = SessionNoteValidator.Validate(input, await ClientTodayAsync(ct), catalog, original, reason);
        if (!validated.IsValid)
        {
            return new NoteOutcome(SaveStatus.Invalid, Errors: validated.Errors);
        }
        var amendment = await NewSignedNoteAsync(original.PersonId, validated.Value!, original.Id, ct);
        amendment.SafetyWarnings = [.. SessionNoteValidator.SafetyWarnings(amendment, await ClientConditionsAsync(ct), catalog)];
        if (key is not null)
        {
            keys.Record(original.PersonId, TherapistId, key, requestHash!, ResourceType, amendment.Id);
        }
        await db.SaveChangesAsync(ct);
        await access.RecordAsync(original.PersonId, AuditActions.Create, $"{ResourceType}/{amendment.Id}", AuditOutcomes.Allowed, ct);
        return new NoteOutcome(SaveStatus.Created, amendment);
    }

    /// <summary>The chain a note belongs to (given any note of it), or null when it is not this Therapist's.</summary>
    public async Task<NoteChain?> GetChainAsync(Guid id, CancellationToken ct)
    {
        var found = await db.SessionNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (found is null)
        {
            return null;
        }
        var rootId = NoteChains.RootOf(found);
        var chain = await db.SessionNotes.AsNoTracking().Where(n => n.Id == rootId || n.AmendsId == rootId).ToListAsync(ct);
        var names = await ClientNamesAsync([found.PersonId], ct);
        return ToChain(chain, names).SingleOrDefault();
    }

    /// <summary>This Therapist's notes (current and former clients alike), newest session first.</summary>
    public async Task<IReadOnlyList<NoteChain>> ListAsync(Guid? clientId, CancellationToken ct)
    {
        var query = db.SessionNotes.AsNoTracking();
        if (clientId is { } client)
        {
            query = query.Where(n => n.PersonId == client);
        }
        var notes = await query.ToListAsync(ct);
        var names = await ClientNamesAsync(notes.Select(n => n.PersonId), ct);
        return [.. ToChain(notes, names).OrderByDescending(c => c.Current.SessionDate).ThenByDescending(c => c.Original.Id)];
    }

    private static IEnumerable<NoteChain> ToChain(IEnumerable<SessionNote> notes, IReadOnlyDictionary<Guid, string> names) =>
        notes.GroupBy(NoteChains.RootOf)
            .Select(g => NoteChains.Order(g))
            .Where(ordered => ordered[0].AmendsId is null)
            .Select(ordered => new NoteChain(ordered[0], [.. ordered.Skip(1)], names.GetValueOrDefault(ordered[0].PersonId, "")));

    private async Task<SessionNote> NewSignedNoteAsync(Guid clientId, SessionNoteValues values, Guid? amends, CancellationToken ct)
    {
        var therapistId = TherapistId;
        var me = await db.Users.AsNoTracking().Where(u => u.Id == therapistId)
            .Select(u => new { u.DisplayName, u.Email }).SingleAsync(ct);
        var note = new SessionNote
        {
            PersonId = clientId,
            Id = Guid.CreateVersion7(),
            TherapistId = therapistId,
            SignedBy = SessionNoteValidator.Signature(me.DisplayName, me.Email ?? "Therapist"),
            SignedAtUtc = clock.GetUtcNow().UtcDateTime,
            AmendsId = amends,
        };
        values.ApplyTo(note);
        db.SessionNotes.Add(note);
        return note;
    }

    private async Task<NoteOutcome?> ReplayAsync(Guid clientId, string key, string requestHash, CancellationToken ct)
    {
        var (kind, id) = await keys.CheckAsync(clientId, TherapistId, key, requestHash, ct);
        if (kind == ReplayKind.Conflict)
        {
            return new NoteOutcome(SaveStatus.KeyConflict);
        }
        if (kind == ReplayKind.Replay && await db.SessionNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct) is { } earlier)
        {
            return new NoteOutcome(SaveStatus.Replayed, earlier);
        }
        return null;
    }

    /// <summary>The opened client's health conditions (none when they have no Profile).</summary>
    private async Task<HealthCondition> ClientConditionsAsync(CancellationToken ct) =>
        await db.Profiles.AsNoTracking().Select(p => p.Conditions).SingleOrDefaultAsync(ct);

    /// <summary>The opened client's local date today (their Profile's zone; UTC when they have none).</summary>
    private async Task<DateOnly> ClientTodayAsync(CancellationToken ct)
    {
        var zoneId = await db.Profiles.AsNoTracking().Select(p => p.TimeZoneId).SingleOrDefaultAsync(ct);
        var zone = LocalTime.TryFindZone(zoneId, out var z) ? z : TimeZoneInfo.Utc;
        return LocalTime.LocalDay(clock.GetUtcNow().UtcDateTime, zone);
    }

    /// <summary>
    /// Opens a client for a form that writes to them (the gate records the visit); false when there
    /// is no live Grant, and the page answers 404.
    /// </summary>
    public async Task<bool> OpenForFormAsync(Guid clientId, string resource, CancellationToken ct) =>
        await access.OpenAsync(clientId, GrantScope.None, AuditActions.Read, resource, ct) is not null;

    /// <summary>The clients who have a live Grant to this Therapist now (the rest are former clients).</summary>
    public async Task<IReadOnlySet<Guid>> LiveClientsAsync(CancellationToken ct)
    {
        var therapistId = TherapistId;
        // The one lookup of grants by Therapist (STYLE.md's exception to the owner filter).
        var ids = await db.Grants.IgnoreQueryFilters().AsNoTracking()
            .Where(g => g.TherapistId == therapistId && g.RevokedAtUtc == null)
            .Select(g => g.PersonId).Distinct().ToListAsync(ct);
        return ids.ToHashSet();
    }

    /// <summary>How the Therapist knows each client: the account's name or e-mail (kept after a revocation).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ClientNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.UserName ?? "" }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => u.Name);
    }
}

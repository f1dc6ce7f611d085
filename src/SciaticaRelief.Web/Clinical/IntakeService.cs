using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Clinical;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Profiles;
using SciaticaRelief.Web.Security;
using SciaticaRelief.Web.Sharing;

namespace SciaticaRelief.Web.Clinical;

public sealed record IntakeOutcome(SaveStatus Status, Intake? Intake = null, ValidationErrors? Errors = null);

/// <summary>An intake with the name of the Therapist who wrote it.</summary>
public sealed record IntakeView(Intake Intake, string TherapistName);

public enum DecisionStatus
{
    Confirmed,
    Declined,
    NotFound,
    AlreadyDecided,
}

/// <summary>
/// Intake forms: a Therapist writes one for a client through a live Grant (<see cref="ClientAccess"/>),
/// and the client confirms or declines it; confirming adds its conditions to the client's Profile.
/// </summary>
public sealed class IntakeService(ReliefDbContext db, CurrentPerson current, ClientAccess access, TherapistKeys keys, TimeProvider clock)
{
    public const string ResourceType = "intake";

    private Guid TherapistId => current.TherapistId ?? throw new InvalidOperationException("Only a Therapist writes an intake.");

    /// <summary>Writes an intake for <paramref name="clientId"/>; NotFound when there is no live Grant.</summary>
    public async Task<IntakeOutcome> CreateAsync(Guid clientId, IntakeInput input, string? key, string? requestHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await access.OpenAsync(clientId, GrantScope.None, AuditActions.Create, ResourceType, ct) is null)
        {
            return new IntakeOutcome(SaveStatus.NotFound);
        }
        if (key is not null)
        {
            var (kind, id) = await keys.CheckAsync(clientId, TherapistId, key, requestHash!, ct);
            if (kind == ReplayKind.Conflict)
            {
                return new IntakeOutcome(SaveStatus.KeyConflict);
            }
            if (kind == ReplayKind.Replay && await db.Intakes.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is { } earlier)
            {
                return new IntakeOutcome(SaveStatus.Replayed, earlier);
            }
        }
        var validated = IntakeValidator.Validate(input);
        if (!validated.IsValid)
        {
            return new IntakeOutcome(SaveStatus.Invalid, Errors: validated.Errors);
        }
        var intake = new Intake
        {
            PersonId = clientId, Id = Guid.CreateVersion7(), TherapistId = TherapistId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Status = IntakeStatus.Pending, Version = 1,
        };
        validated.Value!.ApplyTo(intake);
        db.Intakes.Add(intake);
        if (key is not null)
        {
            keys.Record(clientId, TherapistId, key, requestHash!, ResourceType, intake.Id);
        }
        await db.SaveChangesAsync(ct);
        await access.RecordAsync(clientId, AuditActions.Create, $"{ResourceType}/{intake.Id}", AuditOutcomes.Allowed, ct);
        return new IntakeOutcome(SaveStatus.Created, intake);
    }

    /// <summary>The intakes this Therapist wrote for the client, newest first; null when there is no live Grant.</summary>
    public async Task<IReadOnlyList<Intake>?> ForClientAsync(Guid clientId, CancellationToken ct)
    {
        if (await access.OpenAsync(clientId, GrantScope.None, AuditActions.Read, "intakes", ct) is null)
        {
            return null;
        }
        var therapistId = TherapistId;
        return await db.Intakes.AsNoTracking().Where(i => i.TherapistId == therapistId)
            .OrderByDescending(i => i.CreatedAtUtc).ThenByDescending(i => i.Id).ToListAsync(ct);
    }

    /// <summary>The signed-in Person's intakes: pending first, then newest first.</summary>
    public async Task<IReadOnlyList<IntakeView>> ListAsync(CancellationToken ct)
    {
        var intakes = await db.Intakes.AsNoTracking().ToListAsync(ct);
        var names = await TherapistNamesAsync(intakes.Select(i => i.TherapistId), ct);
        return [.. intakes
            .OrderBy(i => i.Status == IntakeStatus.Pending ? 0 : 1)
            .ThenByDescending(i => i.CreatedAtUtc).ThenByDescending(i => i.Id)
            .Select(i => new IntakeView(i, names.GetValueOrDefault(i.TherapistId, "")))];
    }

    public async Task<int> PendingCountAsync(CancellationToken ct) =>
        await db.Intakes.CountAsync(i => i.Status == IntakeStatus.Pending, ct);

    /// <summary>One of the signed-in Person's intakes, or null (another Person's is not found).</summary>
    public async Task<IntakeView?> GetAsync(Guid id, CancellationToken ct)
    {
        var intake = await db.Intakes.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (intake is null)
        {
            return null;
        }
        var names = await TherapistNamesAsync([intake.TherapistId], ct);
        return new IntakeView(intake, names.GetValueOrDefault(intake.TherapistId, ""));
    }

    /// <summary>
    /// The Person confirms or declines a pending intake, once. Confirming adds its conditions to the
    /// Profile in the same save; a second decision (or one racing the first) changes nothing.
    /// </summary>
    public async Task<(DecisionStatus Status, IntakeView? View)> DecideAsync(Guid id, bool confirm, PersonContext person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        var intake = await db.Intakes.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (intake is null)
        {
            return (DecisionStatus.NotFound, null);
        }
        var profile = await person.ProfileAsync(ct);
        var result = IntakeDecision.Decide(intake, profile, confirm, clock.GetUtcNow().UtcDateTime);
        if (result == IntakeDecisionResult.AlreadyDecided)
        {
            return (DecisionStatus.AlreadyDecided, await GetAsync(id, ct));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request decided it (or changed the Profile) first: nothing of this one is kept.
            db.ChangeTracker.Clear();
            var now = await GetAsync(id, ct);
            return now?.Intake.Status == IntakeStatus.Pending ? await DecideAgainAsync(id, confirm, ct) : (DecisionStatus.AlreadyDecided, now);
        }
        return (result == IntakeDecisionResult.Confirmed ? DecisionStatus.Confirmed : DecisionStatus.Declined, await GetAsync(id, ct));
    }

    /// <summary>Only the Profile changed under us: decide once more against fresh rows.</summary>
    private async Task<(DecisionStatus Status, IntakeView? View)> DecideAgainAsync(Guid id, bool confirm, CancellationToken ct)
    {
        var intake = await db.Intakes.SingleAsync(i => i.Id == id, ct);
        var profile = await db.Profiles.SingleAsync(ct);
        var result = IntakeDecision.Decide(intake, profile, confirm, clock.GetUtcNow().UtcDateTime);
        if (result == IntakeDecisionResult.AlreadyDecided)
        {
            return (DecisionStatus.AlreadyDecided, await GetAsync(id, ct));
        }
        await db.SaveChangesAsync(ct);
        return (result == IntakeDecisionResult.Confirmed ? DecisionStatus.Confirmed : DecisionStatus.Declined, await GetAsync(id, ct));
    }

    public async Task<IReadOnlyDictionary<Guid, string>> TherapistNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.UserName ?? "" }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => u.Name);
    }
}

using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.Treatments;

/// <summary>An ear-seed application with its presses and its warnings now.</summary>
public sealed record EarSeedView(EarSeedApplication Application, int Presses, DateTime? LastPressUtc, IReadOnlyList<TreatmentWarning> Warnings);

/// <param name="AlreadyTakenOff">A take-off of seeds that were already off (the API answers 409).</param>
public sealed record EarSeedOutcome(SaveStatus Status, EarSeedView? View = null, ValidationErrors? Errors = null, bool AlreadyTakenOff = false);

/// <summary>
/// Ear seeds put on, listed and taken off; presses are Treatments of kind ear-seeds that point at
/// an application (<see cref="TreatmentService"/>).
/// </summary>
public sealed class EarSeedService(ReliefDbContext db, PersonContext person, Idempotency idempotency)
{
    public const string ResourceType = "ear-seed-application";

    public async Task<EarSeedOutcome> CreateAsync(EarSeedInput input, string? idempotencyKey, string? requestHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (idempotencyKey is not null)
        {
            var (kind, id) = await idempotency.CheckAsync(idempotencyKey, requestHash!, ct);
            if (kind == ReplayKind.Conflict)
            {
                return new EarSeedOutcome(SaveStatus.KeyConflict);
            }
            if (kind == ReplayKind.Replay)
            {
                return await GetAsync(id, ct) is { } earlier ? new EarSeedOutcome(SaveStatus.Replayed, earlier) : new EarSeedOutcome(SaveStatus.NotFound);
            }
        }
        var zone = await person.ZoneAsync(ct);
        var profile = await person.ProfileAsync(ct);
        var validated = EarSeedRules.Validate(input, person.UtcNow, zone);
        if (!validated.IsValid)
        {
            return new EarSeedOutcome(SaveStatus.Invalid, Errors: validated.Errors);
        }
        var values = validated.Value!;
        var application = new EarSeedApplication
        {
            PersonId = person.PersonId,
            Id = Guid.CreateVersion7(),
            Ear = values.Ear,
            Points = [.. values.Points],
            AppliedAtUtc = values.AppliedAtUtc,
            RemoveByUtc = values.RemoveByUtc,
            TimeZoneId = profile.TimeZoneId,
            Notes = values.Notes,
            Version = 1,
        };
        db.EarSeedApplications.Add(application);
        if (idempotencyKey is not null)
        {
            idempotency.Record(person.PersonId, idempotencyKey, requestHash!, ResourceType, application.Id);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            db.ChangeTracker.Clear();
            var (_, winner) = await idempotency.CheckAsync(idempotencyKey, requestHash!, ct);
            return await GetAsync(winner, ct) is { } won ? new EarSeedOutcome(SaveStatus.Replayed, won) : throw new InvalidOperationException("Ear seeds could not be saved.");
        }
        var warnings = EarSeedRules.Evaluate(new EarSeedSituation(input.SkinRedOrBroken, profile.Conditions));
        return new EarSeedOutcome(SaveStatus.Created, new EarSeedView(application, 0, null, warnings));
    }

    public async Task<EarSeedView?> GetAsync(Guid id, CancellationToken ct)
    {
        var application = await db.EarSeedApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return application is null ? null : (await ViewsAsync([application], ct))[0];
    }

    /// <summary>Applications, newest first; <paramref name="currentOnly"/> keeps those still on.</summary>
    public async Task<(IReadOnlyList<EarSeedView> Items, int Total)> ListAsync(bool currentOnly, int page, int pageSize, CancellationToken ct)
    {
        var query = db.EarSeedApplications.AsNoTracking();
        if (currentOnly)
        {
            query = query.Where(a => a.RemovedAtUtc == null);
        }
        var total = await query.CountAsync(ct);
        var applications = await query.OrderByDescending(a => a.AppliedAtUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (await ViewsAsync(applications, ct), total);
    }

    /// <summary>Takes seeds off, now or at the time given. With a version, a stale one is refused.</summary>
    public async Task<EarSeedOutcome> TakeOffAsync(Guid id, DateTimeOffset? removedAt, int? expectedVersion, CancellationToken ct)
    {
        var application = await db.EarSeedApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return new EarSeedOutcome(SaveStatus.NotFound);
        }
        if (expectedVersion is { } v && v != application.Version)
        {
            return new EarSeedOutcome(SaveStatus.Stale);
        }
        var at = removedAt?.UtcDateTime ?? person.UtcNow;
        var errors = EarSeedRules.ValidateTakeOff(application, at, person.UtcNow);
        if (!errors.IsEmpty)
        {
            return new EarSeedOutcome(SaveStatus.Invalid, Errors: errors, AlreadyTakenOff: application.RemovedAtUtc is not null);
        }
        application.RemovedAtUtc = at;
        application.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new EarSeedOutcome(SaveStatus.Stale);
        }
        return new EarSeedOutcome(SaveStatus.Updated, (await ViewsAsync([application], ct))[0]);
    }

    private async Task<IReadOnlyList<EarSeedView>> ViewsAsync(List<EarSeedApplication> applications, CancellationToken ct)
    {
        if (applications.Count == 0)
        {
            return [];
        }
        var ids = applications.Select(a => (Guid?)a.Id).ToList();
        var presses = await db.Treatments.AsNoTracking()
            .Where(t => ids.Contains(t.EarSeedApplicationId))
            .GroupBy(t => t.EarSeedApplicationId)
            .Select(g => new { Id = g.Key, Count = g.Count(), Last = g.Max(t => t.StartedAtUtc) })
            .ToListAsync(ct);
        var profile = await person.ProfileAsync(ct);
        var now = person.UtcNow;
        return [.. applications.Select(a =>
        {
            var p = presses.FirstOrDefault(x => x.Id == a.Id);
            var overdue = a.RemovedAtUtc is null && now > a.RemoveByUtc ? a.RemoveByUtc : (DateTime?)null;
            var warnings = a.RemovedAtUtc is null ? EarSeedRules.Evaluate(new EarSeedSituation(false, profile.Conditions, overdue)) : [];
            return new EarSeedView(a, p?.Count ?? 0, p?.Last, warnings);
        })];
    }
}

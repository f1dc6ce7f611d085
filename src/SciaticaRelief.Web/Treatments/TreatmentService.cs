using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.Treatments;

/// <summary>The outcome of a create or update of a Treatment, with the warnings to show at once.</summary>
public sealed record TreatmentOutcome(
    SaveStatus Status,
    Treatment? Treatment = null,
    IReadOnlyList<TreatmentWarning>? Warnings = null,
    ValidationErrors? Errors = null,
    IReadOnlyList<string>? Notices = null);

public enum FollowUpStatus
{
    Created,
    Replayed,
    Invalid,
    TreatmentNotFound,
    AlreadyGiven,
    KeyConflict,
}

public sealed record FollowUpOutcome(FollowUpStatus Status, TreatmentFollowUp? FollowUp = null, ValidationErrors? Errors = null);

/// <summary>Filters for the treatment list; dates are the Person's local days.</summary>
public sealed record TreatmentFilter(string? ModalityId = null, TreatmentKind? Kind = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// The treatment log's write and read paths, shared by the pages and the API: validation and
/// warnings from Core, one transaction for the row and its idempotency record. Recording never
/// refuses: the contraindication warnings of what was done, for the Person's health conditions as
/// they are when it is saved (or edited), are stored with the row (<see cref="Treatment.SafetyWarnings"/>);
/// the after-effect warnings (side effects, the medicine window) are computed on every read.
/// </summary>
public sealed class TreatmentService(ReliefDbContext db, PersonContext person, Idempotency idempotency, ModalityCatalog catalog, LabelMaximums labels,
    PointCatalog points, SciaticaRelief.Web.Triage.TriageService triage)
{
    public const string ResourceType = "treatment";
    public const string FollowUpResourceType = "follow-up";

    public ModalityCatalog Catalog => catalog;

    public async Task<TreatmentOutcome> CreateAsync(TreatmentInput input, bool skinRedOrBroken, string? idempotencyKey, string? requestHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (idempotencyKey is not null && await ReplayAsync(idempotencyKey, requestHash!, ct) is { } replay)
        {
            return replay;
        }
        var zone = await person.ZoneAsync(ct);
        var profile = await person.ProfileAsync(ct);
        var validated = await ValidateAsync(input, zone, ct);
        if (!validated.IsValid)
        {
            return new TreatmentOutcome(SaveStatus.Invalid, Errors: validated.Errors);
        }
        var values = validated.Value!;
        var now = person.UtcNow;
        var treatment = new Treatment { PersonId = person.PersonId, Id = Guid.CreateVersion7(), CreatedAtUtc = now, UpdatedAtUtc = now, Version = 1 };
        values.ApplyTo(treatment, profile.TimeZoneId);
        treatment.SafetyWarnings = [.. TreatmentWarnings.Contraindications(treatment, profile.Conditions, catalog, points)];
        db.Treatments.Add(treatment);
        await RaiseWarningSignsAsync(SideEffectSign.None, treatment.Signs, ct);
        if (idempotencyKey is not null)
        {
            idempotency.Record(person.PersonId, idempotencyKey, requestHash!, ResourceType, treatment.Id);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            db.ChangeTracker.Clear();
            return await ReplayAsync(idempotencyKey, requestHash!, ct)
                ?? throw new InvalidOperationException("A treatment could not be saved.");
        }
        return new TreatmentOutcome(SaveStatus.Created, treatment, await WarningsAsync(treatment, skinRedOrBroken, ct), Notices: Notices(values.Time, input, zone));
    }

    public async Task<TreatmentOutcome> UpdateAsync(Guid id, int expectedVersion, TreatmentInput input, bool skinRedOrBroken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var treatment = await db.Treatments.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (treatment is null)
        {
            return new TreatmentOutcome(SaveStatus.NotFound);
        }
        if (treatment.Version != expectedVersion)
        {
            return new TreatmentOutcome(SaveStatus.Stale, treatment, await WarningsAsync(treatment, false, ct));
        }
        var zone = Times.ZoneOf(treatment.TimeZoneId);
        var validated = await ValidateAsync(input, zone, ct);
        if (!validated.IsValid)
        {
            return new TreatmentOutcome(SaveStatus.Invalid, treatment, Errors: validated.Errors);
        }
        var values = validated.Value!;
        var signsBefore = treatment.Signs;
        values.ApplyTo(treatment, treatment.TimeZoneId);
        // An edit records it again: what was done, against the conditions the Person has now.
        treatment.SafetyWarnings = [.. TreatmentWarnings.Contraindications(treatment, (await person.ProfileAsync(ct)).Conditions, catalog, points)];
        await RaiseWarningSignsAsync(signsBefore, treatment.Signs, ct);
        treatment.UpdatedAtUtc = person.UtcNow;
        treatment.Version = expectedVersion + 1;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Treatments.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
            return current is null ? new TreatmentOutcome(SaveStatus.NotFound) : new TreatmentOutcome(SaveStatus.Stale, current);
        }
        return new TreatmentOutcome(SaveStatus.Updated, treatment, await WarningsAsync(treatment, skinRedOrBroken, ct), Notices: Notices(values.Time, input, zone));
    }

    /// <summary>
    /// A side effect that is itself a warning sign (a swollen, painful calf: a possible clot) is triaged
    /// in the same save, so the Urgent advice and the pause of massage and home care follow at once.
    /// </summary>
    private async Task RaiseWarningSignsAsync(SideEffectSign before, SideEffectSign after, CancellationToken ct)
    {
        if (after.HasFlag(SideEffectSign.CalfSwelling) && !before.HasFlag(SideEffectSign.CalfSwelling))
        {
            await triage.AddWarningSignAsync(SciaticaRelief.Core.Triage.RedFlagQuestion.SwollenLeg, SciaticaRelief.Core.Triage.AssessmentSource.Treatment, ct);
        }
    }

    /// <summary>Deletes a Treatment and its follow-ups. With a version, a stale one is refused.</summary>
    public async Task<SaveStatus> DeleteAsync(Guid id, int? expectedVersion, CancellationToken ct)
    {
        var treatment = await db.Treatments.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (treatment is null)
        {
            return SaveStatus.NotFound;
        }
        if (expectedVersion is { } v && v != treatment.Version)
        {
            return SaveStatus.Stale;
        }
        db.TreatmentFollowUps.RemoveRange(await db.TreatmentFollowUps.Where(f => f.TreatmentId == id).ToListAsync(ct));
        db.Treatments.Remove(treatment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveStatus.Stale;
        }
        return SaveStatus.Updated;
    }

    public Task<Treatment?> FindAsync(Guid id, CancellationToken ct) =>
        db.Treatments.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>A Treatment with its warnings and follow-ups, or null when there is none (or it is another Person's).</summary>
    public async Task<(Treatment Treatment, IReadOnlyList<TreatmentWarning> Warnings, IReadOnlyList<TreatmentFollowUp> FollowUps)?> GetAsync(Guid id, CancellationToken ct)
    {
        var treatment = await FindAsync(id, ct);
        if (treatment is null)
        {
            return null;
        }
        var followUps = await db.TreatmentFollowUps.AsNoTracking().Where(f => f.TreatmentId == id).OrderBy(f => f.HoursAfter).ToListAsync(ct);
        return (treatment, await WarningsAsync(treatment, false, ct), followUps);
    }

    public async Task<(IReadOnlyList<(Treatment Treatment, IReadOnlyList<TreatmentWarning> Warnings, IReadOnlyList<TreatmentFollowUp> FollowUps)> Items, int Total)> ListAsync(
        TreatmentFilter filter, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var zone = await person.ZoneAsync(ct);
        var query = db.Treatments.AsNoTracking();
        if (filter.ModalityId is { } modality)
        {
            query = query.Where(t => t.ModalityId == modality);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(t => t.Kind == kind);
        }
        if (filter.From is { } from)
        {
            var start = LocalTime.StartOfDayUtc(from, zone);
            query = query.Where(t => t.StartedAtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = LocalTime.StartOfDayUtc(to.AddDays(1), zone);
            query = query.Where(t => t.StartedAtUtc < end);
        }
        var total = await query.CountAsync(ct);
        var treatments = await query.OrderByDescending(t => t.StartedAtUtc).ThenByDescending(t => t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = treatments.Select(t => t.Id).ToList();
        var followUps = (await db.TreatmentFollowUps.AsNoTracking().Where(f => ids.Contains(f.TreatmentId)).ToListAsync(ct)).ToLookup(f => f.TreatmentId);
        var profile = await person.ProfileAsync(ct);
        var doses = await DosesAroundAsync(treatments.Where(t => t.Kind == TreatmentKind.Medicine).Select(t => t.StartedAtUtc).ToList(), ct);
        var items = treatments
            .Select(t => (t, TreatmentWarnings.ForSaved(t, profile, doses, labels, zone), (IReadOnlyList<TreatmentFollowUp>)[.. followUps[t.Id].OrderBy(f => f.HoursAfter)]))
            .ToList();
        return (items, total);
    }

    /// <summary>
    /// The warnings for a saved Treatment: side effects against the Profile now, the medicine window,
    /// ear seeds, and the contraindication warnings stored when it was recorded.
    /// </summary>
    public async Task<IReadOnlyList<TreatmentWarning>> WarningsAsync(Treatment treatment, bool skinRedOrBroken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        var profile = await person.ProfileAsync(ct);
        var zone = await person.ZoneAsync(ct);
        var doses = treatment.Kind == TreatmentKind.Medicine ? await DosesAroundAsync([treatment.StartedAtUtc], ct) : [];
        return TreatmentWarnings.ForSaved(treatment, profile, doses, labels, zone, skinRedOrBroken);
    }

    /// <summary>Every dose in the 24-hour windows ending at the given instants (one query).</summary>
    private async Task<IReadOnlyList<DoseTaken>> DosesAroundAsync(List<DateTime> instants, CancellationToken ct)
    {
        if (instants.Count == 0)
        {
            return [];
        }
        var from = instants.Min() - MedicineCheck.Window;
        var to = instants.Max();
        var medicines = await db.Treatments.AsNoTracking()
            .Where(t => t.Kind == TreatmentKind.Medicine && t.StartedAtUtc > from && t.StartedAtUtc <= to)
            .ToListAsync(ct);
        return [.. medicines.SelectMany(DoseTaken.Of)];
    }

    private async Task<Validated<TreatmentValues>> ValidateAsync(TreatmentInput input, TimeZoneInfo zone, CancellationToken ct)
    {
        var validated = TreatmentValidator.Validate(input, person.UtcNow, zone, catalog, labels);
        if (validated.IsValid && validated.Value!.EarSeedApplicationId is { } applicationId)
        {
            var application = await db.EarSeedApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
            var errors = EarSeedRules.ValidatePress(application, validated.Value.Time.Utc);
            if (!errors.IsEmpty)
            {
                return new Validated<TreatmentValues>(null, errors);
            }
        }
        return validated;
    }

    private async Task<TreatmentOutcome?> ReplayAsync(string key, string requestHash, CancellationToken ct)
    {
        var (kind, id) = await idempotency.CheckAsync(key, requestHash, ct);
        switch (kind)
        {
            case ReplayKind.New:
                return null;
            case ReplayKind.Conflict:
                return new TreatmentOutcome(SaveStatus.KeyConflict);
            case ReplayKind.Replay:
                var found = await FindAsync(id, ct);
                return found is null
                    ? new TreatmentOutcome(SaveStatus.NotFound)
                    : new TreatmentOutcome(SaveStatus.Replayed, found, await WarningsAsync(found, false, ct));
            default:
                throw new InvalidOperationException();
        }
    }

    private static List<string> Notices(ResolvedTime time, TreatmentInput input, TimeZoneInfo zone)
    {
        var notices = new List<string>();
        if (input.StartedAtLocal is { } local && time.ShiftedForward)
        {
            var saved = LocalTime.ToLocal(time.Utc, zone);
            notices.Add(string.Create(CultureInfo.InvariantCulture,
                $"{local:HH:mm} on {local:d MMMM yyyy} does not exist in {zone.Id} (the clocks went forward), so it was saved as {saved:HH:mm}."));
        }
        else if (input.StartedAtLocal is { } ambiguous && time.Ambiguous)
        {
            notices.Add(string.Create(CultureInfo.InvariantCulture,
                $"{ambiguous:HH:mm} on {ambiguous:d MMMM yyyy} happened twice in {zone.Id} (the clocks went back); the first one was used."));
        }
        return notices;
    }

    // Follow-ups ---------------------------------------------------------------------------------

    public async Task<IReadOnlyList<TreatmentFollowUp>?> FollowUpsAsync(Guid treatmentId, CancellationToken ct)
    {
        if (!await db.Treatments.AnyAsync(t => t.Id == treatmentId, ct))
        {
            return null;
        }
        return await db.TreatmentFollowUps.AsNoTracking().Where(f => f.TreatmentId == treatmentId).OrderBy(f => f.HoursAfter).ToListAsync(ct);
    }

    /// <summary>
    /// Records the pain 24 or 48 hours after a Treatment. A follow-up for a deleted (or another
    /// Person's) Treatment is <see cref="FollowUpStatus.TreatmentNotFound"/>; a second one for the
    /// same hours is <see cref="FollowUpStatus.AlreadyGiven"/> and changes nothing.
    /// </summary>
    public async Task<FollowUpOutcome> AddFollowUpAsync(Guid treatmentId, int? hours, int? pain, string? notes, string? idempotencyKey, string? requestHash, CancellationToken ct)
    {
        if (idempotencyKey is not null)
        {
            var (kind, id) = await idempotency.CheckAsync(idempotencyKey, requestHash!, ct);
            if (kind == ReplayKind.Conflict)
            {
                return new FollowUpOutcome(FollowUpStatus.KeyConflict);
            }
            if (kind == ReplayKind.Replay)
            {
                var earlier = await db.TreatmentFollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
                return earlier is null ? new FollowUpOutcome(FollowUpStatus.TreatmentNotFound) : new FollowUpOutcome(FollowUpStatus.Replayed, earlier);
            }
        }
        var treatment = await FindAsync(treatmentId, ct);
        if (treatment is null)
        {
            return new FollowUpOutcome(FollowUpStatus.TreatmentNotFound);
        }
        var errors = FollowUps.Validate(hours, pain, notes, treatment.StartedAtUtc, person.UtcNow, out var cleanNotes);
        if (!errors.IsEmpty)
        {
            return new FollowUpOutcome(FollowUpStatus.Invalid, Errors: errors);
        }
        var existing = await db.TreatmentFollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.TreatmentId == treatmentId && f.HoursAfter == hours, ct);
        if (existing is not null)
        {
            return new FollowUpOutcome(FollowUpStatus.AlreadyGiven, existing);
        }
        var followUp = new TreatmentFollowUp
        {
            PersonId = person.PersonId,
            Id = Guid.CreateVersion7(),
            TreatmentId = treatmentId,
            HoursAfter = hours!.Value,
            Pain = pain!.Value,
            RecordedAtUtc = person.UtcNow,
            Notes = cleanNotes,
        };
        db.TreatmentFollowUps.Add(followUp);
        if (idempotencyKey is not null)
        {
            idempotency.Record(person.PersonId, idempotencyKey, requestHash!, FollowUpResourceType, followUp.Id);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A racing duplicate (same key, or the same treatment and hours) won: nothing of this one is saved.
            db.ChangeTracker.Clear();
            if (idempotencyKey is not null && (await idempotency.CheckAsync(idempotencyKey, requestHash!, ct)) is (ReplayKind.Replay, var winner)
                && await db.TreatmentFollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.Id == winner, ct) is { } won)
            {
                return new FollowUpOutcome(FollowUpStatus.Replayed, won);
            }
            var other = await db.TreatmentFollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.TreatmentId == treatmentId && f.HoursAfter == hours, ct);
            if (other is not null)
            {
                return new FollowUpOutcome(FollowUpStatus.AlreadyGiven, other);
            }
            if (!await db.Treatments.AnyAsync(t => t.Id == treatmentId, ct))
            {
                return new FollowUpOutcome(FollowUpStatus.TreatmentNotFound); // deleted meanwhile
            }
            throw;
        }
        return new FollowUpOutcome(FollowUpStatus.Created, followUp);
    }

    /// <summary>Deletes a follow-up so it can be given again; false when there is none.</summary>
    public async Task<bool> DeleteFollowUpAsync(Guid treatmentId, int hours, CancellationToken ct)
    {
        var followUp = await db.TreatmentFollowUps.SingleOrDefaultAsync(f => f.TreatmentId == treatmentId && f.HoursAfter == hours, ct);
        if (followUp is null)
        {
            return false;
        }
        db.TreatmentFollowUps.Remove(followUp);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The follow-ups to prompt for now (massage sessions, 24 and 48 hours on).</summary>
    public async Task<IReadOnlyList<DueFollowUp>> DueFollowUpsAsync(CancellationToken ct)
    {
        var now = person.UtcNow;
        var since = now - FollowUps.PromptHorizon;
        var recent = await db.Treatments.AsNoTracking()
            .Where(t => t.Kind == TreatmentKind.Massage && t.StartedAtUtc >= since && t.StartedAtUtc <= now)
            .ToListAsync(ct);
        if (recent.Count == 0)
        {
            return [];
        }
        var ids = recent.Select(t => t.Id).ToList();
        var given = await db.TreatmentFollowUps.AsNoTracking().Where(f => ids.Contains(f.TreatmentId))
            .Select(f => new { f.TreatmentId, f.HoursAfter }).ToListAsync(ct);
        return FollowUps.Due(recent, given.Select(g => (g.TreatmentId, g.HoursAfter)), now);
    }

    public string ModalityName(string modalityId) => catalog.Find(modalityId)?.Name ?? modalityId;

    public async Task<Profile> ProfileAsync(CancellationToken ct) => await person.ProfileAsync(ct);
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Profiles;
using SciaticaRelief.Web.Triage;

namespace SciaticaRelief.Web.Journal;

public enum SaveStatus
{
    Created,
    Replayed,
    Updated,
    Invalid,
    NotFound,
    Stale,
    KeyConflict,
}

/// <summary>The outcome of a create or update; <see cref="Entry"/> is the current row where there is one.</summary>
public sealed record SaveOutcome(
    SaveStatus Status,
    CheckIn? Entry = null,
    TriageAssessment? Triage = null,
    ValidationErrors? Errors = null,
    IReadOnlyList<string>? Notices = null);

/// <summary>Filters for the journal list, in the Person's local days.</summary>
public sealed record JournalFilter(DateOnly? From = null, DateOnly? To = null, int? MinPain = null, BodyRegion? Region = null, PainQuality? Quality = null);

/// <summary>
/// The journal's write and read paths, shared by the web form, the API and (through the API) the
/// CLI: validation and triage from Core, one transaction for the check-in, its triage and its
/// idempotency record.
/// </summary>
public sealed class JournalService(ReliefDbContext db, PersonContext person, TriageService triage, Idempotency idempotency)
{
    public const string ResourceType = "check-in";

    public async Task<SaveOutcome> CreateAsync(CheckInInput input, string? idempotencyKey, string? requestHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (idempotencyKey is not null && await ReplayAsync(idempotencyKey, requestHash!, ct) is { } replay)
        {
            return replay;
        }
        var zone = await person.ZoneAsync(ct);
        var profile = await person.ProfileAsync(ct);
        var validated = CheckInValidator.Validate(input, person.UtcNow, zone);
        if (!validated.IsValid)
        {
            return new SaveOutcome(SaveStatus.Invalid, Errors: validated.Errors);
        }
        var values = validated.Value!;
        var now = person.UtcNow;
        var entry = new CheckIn { PersonId = person.PersonId, Id = Guid.CreateVersion7(), CreatedAtUtc = now, UpdatedAtUtc = now, Version = 1 };
        values.ApplyTo(entry, profile.TimeZoneId);
        var assessment = await TriageAsync(entry, values, ct);
        db.CheckIns.Add(entry);
        db.TriageAssessments.Add(assessment);
        if (idempotencyKey is not null)
        {
            idempotency.Record(person.PersonId, idempotencyKey, requestHash!, ResourceType, entry.Id);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same key won a race with this request: answer as the first one did.
            db.ChangeTracker.Clear();
            return await ReplayAsync(idempotencyKey, requestHash!, ct)
                ?? throw new InvalidOperationException("A check-in could not be saved.");
        }
        return new SaveOutcome(SaveStatus.Created, entry, assessment, Notices: Notices(values.Time, input, zone));
    }

    public async Task<SaveOutcome> UpdateAsync(Guid id, int expectedVersion, CheckInInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var entry = await db.CheckIns.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (entry is null)
        {
            return new SaveOutcome(SaveStatus.NotFound);
        }
        if (entry.Version != expectedVersion)
        {
            return new SaveOutcome(SaveStatus.Stale, entry, await TriageOfAsync(entry.Id, ct));
        }
        var zone = LocalTime.TryFindZone(entry.TimeZoneId, out var z) ? z : await person.ZoneAsync(ct);
        var validated = CheckInValidator.Validate(input, person.UtcNow, zone);
        if (!validated.IsValid)
        {
            return new SaveOutcome(SaveStatus.Invalid, entry, Errors: validated.Errors);
        }
        var values = validated.Value!;
        values.ApplyTo(entry, entry.TimeZoneId);
        entry.UpdatedAtUtc = person.UtcNow;
        entry.Version = expectedVersion + 1;

        // Edited answers are a new triage of the same check-in: replace the old one.
        var assessment = await TriageAsync(entry, values, ct);
        db.TriageAssessments.RemoveRange(await db.TriageAssessments.Where(a => a.CheckInId == entry.Id).ToListAsync(ct));
        db.TriageAssessments.Add(assessment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.CheckIns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
            return current is null ? new SaveOutcome(SaveStatus.NotFound) : new SaveOutcome(SaveStatus.Stale, current, await TriageOfAsync(id, ct));
        }
        return new SaveOutcome(SaveStatus.Updated, entry, assessment, Notices: Notices(values.Time, input, zone));
    }

    /// <summary>Deletes a check-in (and its triage). With a version, a stale one is refused.</summary>
    public async Task<SaveStatus> DeleteAsync(Guid id, int? expectedVersion, CancellationToken ct)
    {
        var entry = await db.CheckIns.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (entry is null)
        {
            return SaveStatus.NotFound;
        }
        if (expectedVersion is { } v && v != entry.Version)
        {
            return SaveStatus.Stale;
        }
        db.CheckIns.Remove(entry);
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

    public async Task<(CheckIn Entry, TriageAssessment? Triage)?> GetAsync(Guid id, CancellationToken ct)
    {
        var entry = await db.CheckIns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return entry is null ? null : (entry, await TriageOfAsync(id, ct));
    }

    public async Task<(IReadOnlyList<(CheckIn Entry, TriageAssessment? Triage)> Items, int Total)> ListAsync(
        JournalFilter filter, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var zone = await person.ZoneAsync(ct);
        var query = db.CheckIns.AsNoTracking();
        if (filter.From is { } from)
        {
            var start = LocalTime.StartOfDayUtc(from, zone);
            query = query.Where(c => c.OccurredAtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = LocalTime.StartOfDayUtc(to.AddDays(1), zone);
            query = query.Where(c => c.OccurredAtUtc < end);
        }
        if (filter.MinPain is { } min)
        {
            query = query.Where(c => c.PainNow >= min);
        }
        if (filter.Region is { } region)
        {
            var mask = BodyMap.MaskOf(region);
            query = query.Where(c => (c.BodyAreas & mask) != 0);
        }
        if (filter.Quality is { } quality && quality != PainQuality.None)
        {
            query = query.Where(c => (c.Qualities & quality) == quality);
        }
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(c => c.OccurredAtUtc).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = entries.Select(e => (Guid?)e.Id).ToList();
        var triages = await db.TriageAssessments.AsNoTracking().Where(a => ids.Contains(a.CheckInId)).ToListAsync(ct);
        var byCheckIn = triages.ToDictionary(a => a.CheckInId!.Value);
        return ([.. entries.Select(e => (e, byCheckIn.GetValueOrDefault(e.Id)))], total);
    }

    private async Task<SaveOutcome?> ReplayAsync(string key, string requestHash, CancellationToken ct)
    {
        var (kind, id) = await idempotency.CheckAsync(key, requestHash, ct);
        switch (kind)
        {
            case ReplayKind.New:
                return null;
            case ReplayKind.Conflict:
                return new SaveOutcome(SaveStatus.KeyConflict);
            case ReplayKind.Replay:
                var found = await GetAsync(id, ct);
                return found is { } f
                    ? new SaveOutcome(SaveStatus.Replayed, f.Entry, f.Triage)
                    : new SaveOutcome(SaveStatus.NotFound); // created, then deleted: nothing to replay
            default:
                throw new InvalidOperationException();
        }
    }

    private Task<TriageAssessment?> TriageOfAsync(Guid checkInId, CancellationToken ct) =>
        db.TriageAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.CheckInId == checkInId, ct);

    private async Task<TriageAssessment> TriageAsync(CheckIn entry, CheckInValues values, CancellationToken ct)
    {
        var input = await triage.InputAsync(values.RedFlags, ct);
        var result = TriageEngine.Evaluate(input);
        var assessment = TriageAssessment.From(entry.PersonId, Guid.CreateVersion7(), entry.OccurredAtUtc, input, result, AssessmentSource.CheckIn);
        assessment.CheckInId = entry.Id;
        return assessment;
    }

    private static List<string> Notices(ResolvedTime time, CheckInInput input, TimeZoneInfo zone)
    {
        var notices = new List<string>();
        if (input.OccurredAtLocal is { } local)
        {
            var saved = LocalTime.ToLocal(time.Utc, zone);
            if (time.ShiftedForward)
            {
                notices.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{local:HH:mm} on {local:d MMMM yyyy} does not exist in {zone.Id} (the clocks went forward), so it was saved as {saved:HH:mm}."));
            }
            else if (time.Ambiguous)
            {
                notices.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{local:HH:mm} on {local:d MMMM yyyy} happened twice in {zone.Id} (the clocks went back); the first one was used."));
            }
        }
        return notices;
    }
}

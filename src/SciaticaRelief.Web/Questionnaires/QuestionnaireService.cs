using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Questionnaires;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.Questionnaires;

/// <summary>The outcome of answering an Instrument or changing a schedule.</summary>
public sealed record QuestionnaireOutcome(
    SaveStatus Status,
    QuestionnaireResponse? Response = null,
    QuestionnaireSchedule? Schedule = null,
    ValidationErrors? Errors = null);

/// <summary>A schedule with when it is next due.</summary>
public sealed record ScheduleWithStatus(QuestionnaireSchedule Schedule, Instrument? Instrument, ScheduleStatus Status);

/// <summary>
/// Answering instruments, their scores over time and schedules, shared by the pages and the API:
/// validation and scoring from Core, one transaction for a response and its idempotency record.
/// </summary>
public sealed class QuestionnaireService(ReliefDbContext db, PersonContext person, Idempotency idempotency, QuestionnaireLibrary library)
{
    public const string ResponseResource = "questionnaire-response";
    public const string ScheduleResource = "questionnaire-schedule";

    public InstrumentCatalog Catalog => library.Catalog;

    public Instrument? Find(string? id) => library.Catalog.Find(id);

    public async Task<QuestionnaireOutcome> RespondAsync(string instrumentId, IReadOnlyList<ResponseAnswer> answers, DateTimeOffset? authoredAt,
        string? idempotencyKey, string? requestHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (Find(instrumentId) is not { CanAnswer: true } instrument)
        {
            return new QuestionnaireOutcome(SaveStatus.NotFound);
        }
        if (idempotencyKey is not null && await ReplayResponseAsync(idempotencyKey, requestHash!, ct) is { } replay)
        {
            return replay;
        }
        var now = person.UtcNow;
        var errors = new ValidationErrors();
        var when = authoredAt?.UtcDateTime ?? now;
        if (when > now + Core.Journal.CheckInValidator.FutureTolerance)
        {
            errors.Add("authoredAt", "The time of a response cannot be in the future.");
        }
        else if (when < Core.Journal.CheckInValidator.Earliest)
        {
            errors.Add("authoredAt", "The time of a response cannot be before the year 2000.");
        }
        var scored = InstrumentScorer.Score(instrument, answers);
        errors.AddAll(scored.Errors);
        if (!errors.IsEmpty)
        {
            return new QuestionnaireOutcome(SaveStatus.Invalid, Errors: errors);
        }
        var profile = await person.ProfileAsync(ct);
        var response = new QuestionnaireResponse
        {
            PersonId = person.PersonId,
            Id = Guid.CreateVersion7(),
            InstrumentId = instrument.Id,
            InstrumentVersion = instrument.Version.Length <= 32 ? instrument.Version : instrument.Version[..32],
            AuthoredAtUtc = DateTime.SpecifyKind(when, DateTimeKind.Utc),
            TimeZoneId = profile.TimeZoneId,
            CreatedAtUtc = now,
            Version = 1,
        };
        scored.Value!.ApplyTo(response);
        db.QuestionnaireResponses.Add(response);
        if (idempotencyKey is not null)
        {
            idempotency.Record(person.PersonId, idempotencyKey, requestHash!, ResponseResource, response.Id);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same key won a race with this request: answer as the first one did.
            db.ChangeTracker.Clear();
            return await ReplayResponseAsync(idempotencyKey, requestHash!, ct)
                ?? throw new InvalidOperationException("A questionnaire response could not be saved.");
        }
        return new QuestionnaireOutcome(SaveStatus.Created, response);
    }

    public Task<QuestionnaireResponse?> GetAsync(Guid id, CancellationToken ct) =>
        db.QuestionnaireResponses.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>An instrument's responses, oldest first (the order of a chart).</summary>
    public async Task<IReadOnlyList<QuestionnaireResponse>> ListAsync(string instrumentId, CancellationToken ct) =>
        await db.QuestionnaireResponses.AsNoTracking().Where(r => r.InstrumentId == instrumentId)
            .OrderBy(r => r.AuthoredAtUtc).ThenBy(r => r.Id).ToListAsync(ct);

    /// <summary>Every answered instrument's scores over time (one query), for the insights page's charts.</summary>
    public async Task<IReadOnlyList<(Instrument Instrument, ResponseHistory History)>> HistoriesAsync(CancellationToken ct)
    {
        var all = await db.QuestionnaireResponses.AsNoTracking()
            .OrderBy(r => r.AuthoredAtUtc).ThenBy(r => r.Id).ToListAsync(ct);
        var histories = new List<(Instrument, ResponseHistory)>();
        foreach (var group in all.GroupBy(r => r.InstrumentId, StringComparer.Ordinal))
        {
            if (Find(group.Key) is { } instrument)
            {
                histories.Add((instrument, QuestionnaireApi.History(instrument, [.. group])));
            }
        }
        return [.. histories.OrderBy(h => h.Item1.Title, StringComparer.Ordinal)];
    }

    /// <summary>The latest response of each instrument.</summary>
    public async Task<IReadOnlyDictionary<string, QuestionnaireResponse>> LatestAsync(CancellationToken ct)
    {
        var all = await db.QuestionnaireResponses.AsNoTracking()
            .OrderByDescending(r => r.AuthoredAtUtc).ThenByDescending(r => r.Id).ToListAsync(ct);
        return all.GroupBy(r => r.InstrumentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public async Task<SaveStatus> DeleteAsync(Guid id, int? expectedVersion, CancellationToken ct)
    {
        var row = await db.QuestionnaireResponses.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return SaveStatus.NotFound;
        }
        if (expectedVersion is { } v && v != row.Version)
        {
            return SaveStatus.Stale;
        }
        db.QuestionnaireResponses.Remove(row);
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

    public async Task<IReadOnlyList<ScheduleWithStatus>> SchedulesAsync(CancellationToken ct)
    {
        var schedules = await db.QuestionnaireSchedules.AsNoTracking().OrderBy(s => s.InstrumentId).ToListAsync(ct);
        if (schedules.Count == 0)
        {
            return [];
        }
        var zone = await person.ZoneAsync(ct);
        var latest = await LatestAsync(ct);
        var today = LocalTime.LocalDay(person.UtcNow, zone);
        return [.. schedules.Select(s => new ScheduleWithStatus(s, Find(s.InstrumentId),
            ScheduleRules.StatusOf(s, latest.TryGetValue(s.InstrumentId, out var r) ? LocalDayOf(r, zone) : null, today)))];
    }

    public async Task<ScheduleWithStatus?> ScheduleAsync(Guid id, CancellationToken ct) =>
        (await SchedulesAsync(ct)).FirstOrDefault(s => s.Schedule.Id == id);

    /// <summary>
    /// Schedules an instrument. One schedule per instrument: a stopped one is started again with the
    /// new frequency; an active one must be stopped first.
    /// </summary>
    public async Task<QuestionnaireOutcome> ScheduleAsync(string? instrumentId, string? frequency, DateOnly? startsOn,
        string? idempotencyKey, string? requestHash, CancellationToken ct)
    {
        if (idempotencyKey is not null)
        {
            var (kind, id) = await idempotency.CheckAsync(idempotencyKey, requestHash!, ct);
            if (kind == ReplayKind.Conflict)
            {
                return new QuestionnaireOutcome(SaveStatus.KeyConflict);
            }
            if (kind == ReplayKind.Replay)
            {
                var found = await db.QuestionnaireSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
                return found is null ? new QuestionnaireOutcome(SaveStatus.NotFound) : new QuestionnaireOutcome(SaveStatus.Replayed, Schedule: found);
            }
        }
        var errors = new ValidationErrors();
        var instrument = Find(instrumentId);
        if (instrument is null)
        {
            errors.Add("instrumentId", "Choose an instrument: GET /api/v1/questionnaires lists their ids.");
        }
        else if (!instrument.CanAnswer)
        {
            errors.Add("instrumentId", $"{instrument.Title} is not loaded on this server, so it cannot be scheduled.");
        }
        if (!ScheduleRules.TryParse(frequency, out var freq))
        {
            errors.Add("frequency", "Frequency must be daily, weekly or monthly.");
        }
        var zone = await person.ZoneAsync(ct);
        var today = LocalTime.LocalDay(person.UtcNow, zone);
        var start = startsOn ?? today;
        if (start < today.AddYears(-1) || start > today.AddYears(1))
        {
            errors.Add("startsOn", "The start day must be within a year of today.");
        }
        var existing = instrument is null ? null : await db.QuestionnaireSchedules.SingleOrDefaultAsync(s => s.InstrumentId == instrument.Id, ct);
        if (existing is { Active: true })
        {
            errors.Add("instrumentId", $"{instrument!.Title} is already scheduled {existing.Frequency.WireName()}; stop that schedule first.");
        }
        if (!errors.IsEmpty)
        {
            return new QuestionnaireOutcome(SaveStatus.Invalid, Errors: errors);
        }
        var schedule = existing ?? new QuestionnaireSchedule { PersonId = person.PersonId, Id = Guid.CreateVersion7(), InstrumentId = instrument!.Id, Version = 0 };
        schedule.Frequency = freq;
        schedule.StartsOn = start;
        schedule.Active = true;
        schedule.Version++;
        if (existing is null)
        {
            db.QuestionnaireSchedules.Add(schedule);
        }
        if (idempotencyKey is not null)
        {
            idempotency.Record(person.PersonId, idempotencyKey, requestHash!, ScheduleResource, schedule.Id);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request scheduled the same instrument (or used the same key) first.
            db.ChangeTracker.Clear();
            var again = new ValidationErrors();
            again.Add("instrumentId", "This instrument was scheduled by another request just now; look at the schedules again.");
            return new QuestionnaireOutcome(SaveStatus.Invalid, Errors: again);
        }
        return new QuestionnaireOutcome(SaveStatus.Created, Schedule: schedule);
    }

    /// <summary>Stops a schedule (it is kept, inactive, so it can be started again).</summary>
    public async Task<QuestionnaireOutcome> StopScheduleAsync(Guid id, int? expectedVersion, CancellationToken ct)
    {
        var schedule = await db.QuestionnaireSchedules.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null)
        {
            return new QuestionnaireOutcome(SaveStatus.NotFound);
        }
        if (expectedVersion is { } v && v != schedule.Version)
        {
            return new QuestionnaireOutcome(SaveStatus.Stale, Schedule: schedule);
        }
        if (schedule.Active)
        {
            schedule.Active = false;
            schedule.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new QuestionnaireOutcome(SaveStatus.Stale);
            }
        }
        return new QuestionnaireOutcome(SaveStatus.Updated, Schedule: schedule);
    }

    public static DateOnly LocalDayOf(QuestionnaireResponse r, TimeZoneInfo fallback)
    {
        ArgumentNullException.ThrowIfNull(r);
        return LocalTime.LocalDay(r.AuthoredAtUtc, LocalTime.TryFindZone(r.TimeZoneId, out var z) ? z : fallback);
    }

    private async Task<QuestionnaireOutcome?> ReplayResponseAsync(string key, string requestHash, CancellationToken ct)
    {
        var (kind, id) = await idempotency.CheckAsync(key, requestHash, ct);
        switch (kind)
        {
            case ReplayKind.New:
                return null;
            case ReplayKind.Conflict:
                return new QuestionnaireOutcome(SaveStatus.KeyConflict);
            case ReplayKind.Replay:
                var found = await GetAsync(id, ct);
                return found is null ? new QuestionnaireOutcome(SaveStatus.NotFound) : new QuestionnaireOutcome(SaveStatus.Replayed, found);
            default:
                throw new InvalidOperationException();
        }
    }
}

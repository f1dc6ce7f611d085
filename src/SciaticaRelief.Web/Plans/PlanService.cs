using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Calendar;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Profiles;
using SciaticaRelief.Web.Triage;

namespace SciaticaRelief.Web.Plans;

/// <summary>The outcome of a create, update or assignment of a plan item.</summary>
public sealed record PlanOutcome(SaveStatus Status, SavedPlanItem? Item = null, ValidationErrors? Errors = null);

/// <summary>The outcome of marking an occurrence done; <paramref name="Created"/> is false when it already was.</summary>
public sealed record DoneOutcome(SaveStatus Status, PlanCompletion? Completion = null, bool Created = false, PlanItem? Item = null, ValidationErrors? Errors = null);

/// <summary>Whether triage pauses the plan's massage and home care now, and the result that did.</summary>
public sealed record PlanPause(TriageLevel Level, bool Paused, Guid? AssessmentId);

/// <summary>One occurrence with whether it was marked done.</summary>
public sealed record PlanEntry(PlanOccurrence Occurrence, bool Done, string? AssignedBy);

/// <summary>
/// A Person's plan, for the pages, the API and a Therapist with a Plan grant (after
/// <see cref="Sharing.ClientAccess"/> opened the client, the owner scope is the client). Every
/// read goes through the DbContext's owner filter; the anonymous calendar feed is the one
/// exception and lives in <see cref="PlanFeedService"/>.
/// </summary>
public sealed class PlanService(ReliefDbContext db, PersonContext person, Idempotency idempotency, ModalityCatalog catalog,
    PointCatalog points, TriageService triage)
{
    public const string ResourceType = "plan-item";
    public const int InstructionsMaxLength = 1000;

    /// <summary>Longest occurrence window one request may ask for.</summary>
    public const int MaxWindowDays = 92;

    public const int DefaultAdherenceDays = 14;

    public ModalityCatalog Catalog => catalog;
    public PointCatalog Points => points;

    /// <summary>What a home routine may be (<see cref="PlanItemValidator.HomeRoutines"/>).</summary>
    public IReadOnlyList<Modality> HomeRoutines => PlanItemValidator.HomeRoutines(catalog);

    private IReadOnlyCollection<string> HomeRoutineIds => [.. HomeRoutines.Select(m => m.Id)];

    public DateTime UtcNow => person.UtcNow;

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct) => await person.ZoneAsync(ct);

    public async Task<DateOnly> TodayAsync(CancellationToken ct) => LocalTime.LocalDay(person.UtcNow, await person.ZoneAsync(ct));

    // Reads ------------------------------------------------------------------------------------

    public Task<List<SavedPlanItem>> ListAsync(CancellationToken ct) =>
        db.PlanItems.AsNoTracking().OrderBy(i => i.StartDate).ThenBy(i => i.TimeOfDay).ThenBy(i => i.Id).ToListAsync(ct);

    public Task<SavedPlanItem?> FindAsync(Guid id, CancellationToken ct) =>
        db.PlanItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>The display names of the Therapists who assigned these items.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> TherapistNamesAsync(IEnumerable<SavedPlanItem> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.AssignedByTherapistId).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.UserName ?? "", ct);
    }

    /// <summary>The triage standing of the Person (or the opened client): whether care may be suggested or assigned now.</summary>
    public Task<TriageStanding> StandingAsync(CancellationToken ct) => triage.StandingAsync(ct);

    /// <summary>
    /// Whether home care is safe for the Person's (or the opened client's) health conditions
    /// (<see cref="PlanItemValidator.CheckSafety"/>): the refusals as errors naming the field, with
    /// reason and source, and the precautions to show and store with the item.
    /// </summary>
    public async Task<HomeCareSafety> CheckSafetyAsync(PlanItemKind kind, string? modalityId, IEnumerable<string> chosenPoints, CancellationToken ct) =>
        PlanItemValidator.CheckSafety(kind, modalityId, chosenPoints, (await person.ProfileAsync(ct)).Conditions, catalog, points);

    public async Task<PlanPause> PauseAsync(CancellationToken ct)
    {
        var standing = await triage.StandingAsync(ct);
        if (!standing.PausesSelfCare)
        {
            return new PlanPause(standing.Effective, false, null);
        }
        var alarm = await triage.LatestAlarmAsync(ct);
        return new PlanPause(standing.Effective, true, alarm?.Id);
    }

    /// <summary>Occurrences on local dates [from, to], soonest first, each marked paused and done.</summary>
    public async Task<IReadOnlyList<PlanEntry>> OccurrencesAsync(DateOnly from, DateOnly to, TriageLevel level, CancellationToken ct)
    {
        var zone = await person.ZoneAsync(ct);
        var rows = await ListAsync(ct);
        var names = await TherapistNamesAsync(rows, ct);
        var fromUtc = LocalTime.StartOfDayUtc(from, zone);
        var toUtc = LocalTime.StartOfDayUtc(to.AddDays(1), zone);
        var done = (await db.PlanCompletions.AsNoTracking()
                .Where(c => c.OccurrenceDate >= from.AddDays(-1) && c.OccurrenceDate <= to.AddDays(1))
                .Select(c => new { c.PlanItemId, c.OccurrenceDate })
                .ToListAsync(ct))
            .Select(c => (c.PlanItemId, c.OccurrenceDate)).ToHashSet();
        return [.. rows
            .SelectMany(r => PlanSchedule.Expand(r.ToPlanItem(), fromUtc, toUtc, level)
                .Select(o => new PlanEntry(o, done.Contains((r.Id, o.Date)), r.AssignedByTherapistId is { } t ? names.GetValueOrDefault(t) : null)))
            .OrderBy(e => e.Occurrence.StartUtc).ThenBy(e => e.Occurrence.Item.Id)];
    }

    /// <summary>What comes next; paused items are left out (one query of the items).</summary>
    public async Task<IReadOnlyList<PlanOccurrence>> NextUpAsync(int count, TriageLevel level, CancellationToken ct)
    {
        var rows = await ListAsync(ct);
        return PlanSchedule.NextUp(rows.Select(r => r.ToPlanItem()), person.UtcNow, count, level);
    }

    /// <summary>Adherence over the last <paramref name="days"/> local days, today included.</summary>
    public async Task<(DateOnly From, DateOnly To, IReadOnlyList<(SavedPlanItem Row, ItemAdherence Adherence)> Items)> AdherenceAsync(int days, CancellationToken ct)
    {
        var today = await TodayAsync(ct);
        var from = today.AddDays(-(days - 1));
        var rows = await ListAsync(ct);
        var completions = await db.PlanCompletions.AsNoTracking().Where(c => c.OccurrenceDate >= from && c.OccurrenceDate <= today).ToListAsync(ct);
        var computed = PlanAdherence.Compute(rows.Select(r => r.ToPlanItem()), completions, from, today, today);
        return (from, today, [.. rows.Zip(computed)]);
    }

    /// <summary>The plan as an .ics file (the download; the subscribed feed is <see cref="PlanFeedService"/>).</summary>
    public async Task<string> CalendarAsync(CancellationToken ct)
    {
        var profile = await person.ProfileAsync(ct);
        var rows = await ListAsync(ct);
        var standing = await triage.StandingAsync(ct);
        var zone = LocalTime.TryFindZone(profile.TimeZoneId, out _) ? profile.TimeZoneId : "UTC";
        return PlanFeedWriter.WriteEntries(rows.Select(r => new FeedEntry(r.ToPlanItem(), r.Sequence)), zone, person.UtcNow, standing.Effective);
    }

    // Writes -----------------------------------------------------------------------------------

    public async Task<PlanOutcome> CreateAsync(PlanItemInput input, string? idempotencyKey, string? requestHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var row = new SavedPlanItem { PersonId = person.PersonId, Id = Guid.CreateVersion7() };
        return await SaveNewAsync(row, input, new ValidationErrors(), idempotencyKey, requestHash, ct);
    }

    public async Task<PlanOutcome> UpdateAsync(Guid id, int expectedVersion, PlanItemInput input, ValidationErrors? earlierErrors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var row = await db.PlanItems.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (row is null)
        {
            return new PlanOutcome(SaveStatus.NotFound);
        }
        if (row.Version != expectedVersion)
        {
            return new PlanOutcome(SaveStatus.Stale, row);
        }
        var (item, errors, precautions) = await ValidateAsync(id, input, row.Points, earlierErrors ?? new ValidationErrors(), ct);
        if (item is null)
        {
            return new PlanOutcome(SaveStatus.Invalid, row, errors);
        }
        row.CopyFrom(item);
        row.Precautions = [.. precautions];
        row.Sequence++;
        row.Version = expectedVersion + 1;
        row.UpdatedAtUtc = person.UtcNow;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await FindAsync(id, ct);
            return current is null ? new PlanOutcome(SaveStatus.NotFound) : new PlanOutcome(SaveStatus.Stale, current);
        }
        return new PlanOutcome(SaveStatus.Updated, row);
    }

    /// <summary>Deletes an item and its completions. With a version, a stale one is refused.</summary>
    public async Task<SaveStatus> DeleteAsync(Guid id, int? expectedVersion, CancellationToken ct, Guid? onlyAssignedBy = null)
    {
        var row = await db.PlanItems.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (row is null || (onlyAssignedBy is { } therapist && row.AssignedByTherapistId != therapist))
        {
            return SaveStatus.NotFound;
        }
        if (expectedVersion is { } v && v != row.Version)
        {
            return SaveStatus.Stale;
        }
        db.PlanCompletions.RemoveRange(await db.PlanCompletions.Where(c => c.PlanItemId == id).ToListAsync(ct));
        db.PlanItems.Remove(row);
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

    /// <summary>
    /// Marks the occurrence on <paramref name="date"/> done. A second "done" for the same date is not an
    /// error and adds nothing (a double tap, or the same press from two devices).
    /// </summary>
    public async Task<DoneOutcome> MarkDoneAsync(Guid id, DateOnly? date, CancellationToken ct)
    {
        var row = await FindAsync(id, ct);
        if (row is null)
        {
            return new DoneOutcome(SaveStatus.NotFound);
        }
        var item = row.ToPlanItem();
        var errors = new ValidationErrors();
        var today = await TodayAsync(ct);
        if (date is not { } day)
        {
            errors.Add("date", "Give the local date of the occurrence (for example 2026-12-01).");
        }
        else if (!PlanSchedule.OccursOn(item, day))
        {
            errors.Add("date", $"\"{item.DisplayTitle}\" is not planned on {day:yyyy-MM-dd}.");
        }
        else if (day > today.AddDays(MaxWindowDays) || day < today.AddDays(-PlanAdherence.MaxDays))
        {
            errors.Add("date", $"Mark done only dates within a year before and {MaxWindowDays} days after today.");
        }
        if (!errors.IsEmpty)
        {
            return new DoneOutcome(SaveStatus.Invalid, Item: item, Errors: errors);
        }
        var existing = await db.PlanCompletions.AsNoTracking().SingleOrDefaultAsync(c => c.PlanItemId == id && c.OccurrenceDate == date, ct);
        if (existing is not null)
        {
            return new DoneOutcome(SaveStatus.Replayed, existing, false, item);
        }
        var completion = new PlanCompletion
        {
            PersonId = row.PersonId,
            Id = Guid.CreateVersion7(),
            PlanItemId = id,
            OccurrenceDate = date!.Value,
            CompletedAtUtc = person.UtcNow,
        };
        db.PlanCompletions.Add(completion);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A racing "done" for the same date won (unique index): that one stands.
            db.ChangeTracker.Clear();
            var winner = await db.PlanCompletions.AsNoTracking().SingleOrDefaultAsync(c => c.PlanItemId == id && c.OccurrenceDate == date, ct);
            if (winner is not null)
            {
                return new DoneOutcome(SaveStatus.Replayed, winner, false, item);
            }
            if (await FindAsync(id, ct) is null)
            {
                return new DoneOutcome(SaveStatus.NotFound); // deleted meanwhile
            }
            throw;
        }
        return new DoneOutcome(SaveStatus.Created, completion, true, item);
    }

    /// <summary>
    /// A Therapist's home-care assignment to the opened client: a home routine (acupressure with body
    /// points, a machine, heat) or ear-seed presses with ear points, daily or on weekly days.
    /// </summary>
    public async Task<PlanOutcome> AssignAsync(ClientPlanItemRequest request, Guid therapistId, string? idempotencyKey, string? requestHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var kind = request.Kind;
        if (kind is not (PlanItemKind.HomeRoutine or PlanItemKind.EarSeedPresses))
        {
            errors.Add("kind", "A home-care plan item is a home-routine or ear-seed-presses.");
        }
        if (request.Recurrence is not (RecurrenceKind.Daily or RecurrenceKind.Weekly))
        {
            errors.Add("recurrence", "Choose daily or weekly (on chosen days).");
        }
        var modality = catalog.Find(request.ModalityId);
        if (kind == PlanItemKind.EarSeedPresses && request.ModalityId is not null)
        {
            errors.Add("modalityId", "Ear-seed presses name ear points, not a modality.");
        }
        var chosen = (request.Points ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var group = kind == PlanItemKind.EarSeedPresses ? PointGroup.Ear
            : modality?.Kind == TreatmentKind.Acupressure ? PointGroup.Body
            : (PointGroup?)null;
        if (group is null && chosen.Count > 0 && kind == PlanItemKind.HomeRoutine && modality is not null)
        {
            errors.Add("points", "Points go with acupressure or ear seeds; this routine takes none.");
        }
        else if (group is { } g)
        {
            if (chosen.Count == 0)
            {
                errors.Add("points", g == PointGroup.Ear ? "Choose at least one ear point." : "Choose at least one acupressure point.");
            }
            foreach (var id in chosen.Where(id => points.Find(id) is not { } p || p.Group != g))
            {
                errors.Add("points", g == PointGroup.Ear ? $"\"{id}\" is not an ear point of the chart." : $"\"{id}\" is not a body point of the chart.");
            }
        }
        var instructions = TextRules.Clean(request.Instructions, "instructions", "Instructions", InstructionsMaxLength, errors);
        var today = await TodayAsync(ct);
        var input = new PlanItemInput
        {
            Kind = kind,
            Title = request.Title,
            ModalityId = kind == PlanItemKind.HomeRoutine ? request.ModalityId : null,
            StartDate = request.StartDate ?? today,
            TimeOfDay = request.TimeOfDay,
            DurationMinutes = request.DurationMinutes ?? 15,
            Recurrence = request.Recurrence,
            Days = PlanDays.Parse(request.Days, errors),
            EndDate = request.EndDate,
            ReminderMinutesBefore = request.ReminderMinutesBefore,
        };
        var row = new SavedPlanItem
        {
            PersonId = person.PersonId,
            Id = Guid.CreateVersion7(),
            Points = chosen,
            Instructions = instructions,
            AssignedByTherapistId = therapistId,
        };
        return await SaveNewAsync(row, input, errors, idempotencyKey, requestHash, ct);
    }

    // ------------------------------------------------------------------------------------------

    private async Task<PlanOutcome> SaveNewAsync(SavedPlanItem row, PlanItemInput input, ValidationErrors errors, string? idempotencyKey, string? requestHash, CancellationToken ct)
    {
        if (idempotencyKey is not null && await ReplayAsync(idempotencyKey, requestHash!, ct) is { } replay)
        {
            return replay;
        }
        var (item, all, precautions) = await ValidateAsync(row.Id, input, row.Points, errors, ct);
        if (item is null)
        {
            return new PlanOutcome(SaveStatus.Invalid, Errors: all);
        }
        row.CopyFrom(item);
        row.Precautions = [.. precautions];
        row.Sequence = 0;
        row.Version = 1;
        row.CreatedAtUtc = row.UpdatedAtUtc = person.UtcNow;
        db.PlanItems.Add(row);
        if (idempotencyKey is not null)
        {
            idempotency.Record(person.PersonId, idempotencyKey, requestHash!, ResourceType, row.Id);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            db.ChangeTracker.Clear();
            return await ReplayAsync(idempotencyKey, requestHash!, ct) ?? throw new InvalidOperationException("A plan item could not be saved.");
        }
        return new PlanOutcome(SaveStatus.Created, row);
    }

    /// <summary>
    /// Core's validation in the Profile's zone; the safety of the home care for the Profile's health
    /// conditions (a refusal is an error naming the field, with reason and source; the precautions of
    /// the rest go with the item); then the appointment overlap check against the other items.
    /// </summary>
    private async Task<(PlanItem? Item, ValidationErrors Errors, IReadOnlyList<Precaution> Precautions)> ValidateAsync(
        Guid id, PlanItemInput input, IReadOnlyList<string> chosenPoints, ValidationErrors errors, CancellationToken ct)
    {
        var profile = await person.ProfileAsync(ct);
        var validated = PlanItemValidator.Validate(id, input with { ZoneId = profile.TimeZoneId }, HomeRoutineIds);
        errors.AddAll(validated.Errors);
        IReadOnlyList<Precaution> precautions = [];
        if (input.Kind is { } kind && Enum.IsDefined(kind))
        {
            var safety = PlanItemValidator.CheckSafety(kind, input.ModalityId, chosenPoints, profile.Conditions, catalog, points);
            errors.AddAll(safety.Errors);
            precautions = safety.Precautions;
        }
        if (!errors.IsEmpty || validated.Value is not { } item)
        {
            return (null, errors, precautions);
        }
        if (item.Kind == PlanItemKind.MassageAppointment)
        {
            var others = await db.PlanItems.AsNoTracking()
                .Where(i => i.Kind == PlanItemKind.MassageAppointment && i.Id != id)
                .ToListAsync(ct);
            // From the start of today: an appointment earlier today still clashes with a new one at that time.
            var zone = await person.ZoneAsync(ct);
            var from = LocalTime.StartOfDayUtc(LocalTime.LocalDay(person.UtcNow, zone), zone);
            AppointmentOverlap.Check(item, others.Select(o => o.ToPlanItem()), from, errors);
        }
        return errors.IsEmpty ? (item, errors, precautions) : (null, errors, precautions);
    }

    private async Task<PlanOutcome?> ReplayAsync(string key, string requestHash, CancellationToken ct)
    {
        var (kind, id) = await idempotency.CheckAsync(key, requestHash, ct);
        switch (kind)
        {
            case ReplayKind.New:
                return null;
            case ReplayKind.Conflict:
                return new PlanOutcome(SaveStatus.KeyConflict);
            case ReplayKind.Replay:
                var found = await FindAsync(id, ct);
                return found is null ? new PlanOutcome(SaveStatus.NotFound) : new PlanOutcome(SaveStatus.Replayed, found);
            default:
                throw new InvalidOperationException();
        }
    }
}

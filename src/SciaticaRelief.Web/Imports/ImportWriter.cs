using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SciaticaRelief.Core.Interop.Imports;
using SciaticaRelief.Data;

namespace SciaticaRelief.Web.Imports;

/// <summary>What an import wrote, for the report the Person reads.</summary>
/// <param name="SkipReasons">Each reason the format left rows out, with how many.</param>
public sealed record ImportOutcome(Guid BatchId, int Imported, int Duplicates, int Skipped, IReadOnlyList<SkipReason> SkipReasons);

public sealed record SkipReason(string Reason, int Count);

/// <summary>The import could not be saved; nothing of it was.</summary>
public sealed class ImportRefusedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Saves an <see cref="ImportSet"/> for the Person the DbContext is scoped to: all of it in one
/// transaction or none of it, skipping rows already here from an earlier import (same source key)
/// or with an id that already exists, and children whose parent is in neither the file nor the database.
/// </summary>
public sealed class ImportWriter(ReliefDbContext db, TimeProvider clock)
{
    /// <summary>Rows handed to the inserter at a time, between progress reports.</summary>
    private const int Chunk = 2000;

    public async Task<ImportOutcome> WriteAsync(ImportSet set, string format, string fileName, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.Errors.Count > 0)
        {
            throw new ImportRefusedException("The file has errors: " + string.Join("; ", set.Errors.Take(3)));
        }
        if (set.RowCount > ImportLimits.MaxRows)
        {
            throw new ImportRefusedException($"The file has {set.RowCount:N0} rows; an import takes at most {ImportLimits.MaxRows:N0}.");
        }
        var personId = db.OwnerId ?? throw new InvalidOperationException("No Person is in scope.");
        var known = await db.ImportedRecords.Select(r => r.SourceKey).ToHashSetAsync(StringComparer.Ordinal, ct);

        var batch = new ImportBatch
        {
            PersonId = personId,
            Id = Guid.CreateVersion7(),
            Format = format,
            FileName = Path.GetFileName(fileName) is { Length: > 0 } name ? name[..Math.Min(name.Length, 200)] : "upload",
            ImportedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var plan = new Plan(personId, batch.Id, known);
        // Diary rows carry no creation time: they are created now. Our own FHIR export's rows keep theirs (round trip).
        var now = batch.ImportedAtUtc;
        plan.Take(set.CheckIns, await db.CheckIns.Select(c => c.Id).ToHashSetAsync(ct), (r, id) =>
        {
            r.PersonId = personId;
            r.Id = id;
            r.CreatedAtUtc = r.CreatedAtUtc == default ? now : r.CreatedAtUtc;
            r.UpdatedAtUtc = r.UpdatedAtUtc == default ? r.CreatedAtUtc : r.UpdatedAtUtc;
            r.Version = Math.Max(1, r.Version);
            r.StampLocalDate();
        }, r => r.Id, nameof(db.CheckIns), _ => true);
        var checkIns = plan.Kept(nameof(db.CheckIns));
        plan.Take(set.TriageAssessments, await db.TriageAssessments.Select(a => a.Id).ToHashSetAsync(ct), (r, id) => { r.PersonId = personId; r.Id = id; }, r => r.Id, nameof(db.TriageAssessments),
            r => r.CheckInId is not { } c || checkIns.Contains(c));
        plan.Take(set.EarSeedApplications, await db.EarSeedApplications.Select(a => a.Id).ToHashSetAsync(ct), (r, id) => { r.PersonId = personId; r.Id = id; }, r => r.Id, nameof(db.EarSeedApplications), _ => true);
        var earSeeds = plan.Kept(nameof(db.EarSeedApplications));
        plan.Take(set.Treatments, await db.Treatments.Select(t => t.Id).ToHashSetAsync(ct), (r, id) =>
        {
            r.PersonId = personId;
            r.Id = id;
            r.CreatedAtUtc = r.CreatedAtUtc == default ? now : r.CreatedAtUtc;
            r.UpdatedAtUtc = r.UpdatedAtUtc == default ? r.CreatedAtUtc : r.UpdatedAtUtc;
            r.Version = Math.Max(1, r.Version);
        }, r => r.Id, nameof(db.Treatments),
            r => r.EarSeedApplicationId is not { } e || earSeeds.Contains(e));
        var treatments = plan.Kept(nameof(db.Treatments));
        plan.Take(set.TreatmentFollowUps, await db.TreatmentFollowUps.Select(f => f.Id).ToHashSetAsync(ct), (r, id) => { r.PersonId = personId; r.Id = id; }, r => r.Id, nameof(db.TreatmentFollowUps),
            r => treatments.Contains(r.TreatmentId));
        plan.Take(set.QuestionnaireResponses, await db.QuestionnaireResponses.Select(q => q.Id).ToHashSetAsync(ct), (r, id) => { r.PersonId = personId; r.Id = id; }, r => r.Id, nameof(db.QuestionnaireResponses), _ => true);
        plan.Take(set.PlanItems, await db.PlanItems.Select(i => i.Id).ToHashSetAsync(ct), (r, id) => { r.PersonId = personId; r.Id = id; }, r => r.Id, nameof(db.PlanItems), _ => true);
        var planItems = plan.Kept(nameof(db.PlanItems));
        plan.Take(set.PlanCompletions, await db.PlanCompletions.Select(c => c.Id).ToHashSetAsync(ct), (r, id) => { r.PersonId = personId; r.Id = id; }, r => r.Id, nameof(db.PlanCompletions),
            r => planItems.Contains(r.PlanItemId));

        var reasons = set.Skipped.GroupBy(s => s.Reason).Select(g => new SkipReason(g.Key, g.Count()))
            .Concat(plan.Orphans > 0 ? [new SkipReason("its parent row was neither in the file nor already saved", plan.Orphans)] : [])
            .OrderByDescending(r => r.Count).ToList();
        batch.Imported = plan.Rows.Count;
        batch.Duplicates = plan.Duplicates;
        batch.Skipped = set.Skipped.Count + plan.Orphans;
        batch.SkipSummary = Truncate(string.Join("\n", reasons.Select(r => $"{r.Count} × {r.Reason}")), 4000);

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(token);
                await using var rows = new RowInserter(db, tx.GetDbTransaction());
                await rows.InsertAsync(typeof(ImportBatch), [batch], token);
                // Parents before children: the plan holds each table's rows together, in the order taken.
                var total = plan.Rows.Count;
                var done = 0;
                while (done < total)
                {
                    var type = plan.Rows[done].Row.GetType();
                    var end = done;
                    while (end < total && plan.Rows[end].Row.GetType() == type)
                    {
                        end++;
                    }
                    for (var from = done; from < end; from += Chunk)
                    {
                        var to = Math.Min(end, from + Chunk);
                        await rows.InsertAsync(type, plan.Rows.Skip(from).Take(to - from).Select(r => r.Row), token);
                        progress?.Report(0.5 * to / total);
                    }
                    done = end;
                }
                for (var from = 0; from < total; from += Chunk)
                {
                    var to = Math.Min(total, from + Chunk);
                    await rows.InsertAsync(typeof(ImportedRecord), plan.Rows.Skip(from).Take(to - from).Select(r => (object)r.Record), token);
                    progress?.Report(0.5 + (0.5 * to / total));
                }
                if (total > 0)
                {
                    // Health rows changed: the derived views recompute (as SaveChanges would have bumped it), once.
                    await db.Profiles.IgnoreQueryFilters().Where(p => p.PersonId == personId)
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.DataVersion, p => p.DataVersion + 1), token);
                }
                await tx.CommitAsync(token);
                progress?.Report(1);
            }, ct);
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            // A constraint the file broke (two follow-ups at 24 h for one treatment), or the same file
            // imported twice at once: the transaction rolled back, so nothing of this import is saved.
            throw new ImportRefusedException("The import could not be saved and nothing of it was: it conflicts with data already here, or the same file is being imported at the same time.", e);
        }
        return new ImportOutcome(batch.Id, batch.Imported, batch.Duplicates, batch.Skipped, reasons);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>Which rows of the set will be written, decided before the transaction opens.</summary>
    private sealed class Plan(Guid personId, Guid batchId, HashSet<string> known)
    {
        private readonly Dictionary<string, HashSet<Guid>> _kept = [];

        public List<(object Row, ImportedRecord Record)> Rows { get; } = [];
        public int Duplicates { get; private set; }
        public int Orphans { get; private set; }

        /// <summary>Ids of this table present after the import: existing ones and the ones to be written.</summary>
        public HashSet<Guid> Kept(string table) => _kept[table];

        public void Take<T>(List<ImportedRow<T>> rows, HashSet<Guid> existing, Action<T, Guid> own, Func<T, Guid> idOf, string table, Func<T, bool> parentPresent)
            where T : class
        {
            var kept = new HashSet<Guid>(existing);
            _kept[table] = kept;
            foreach (var row in rows)
            {
                var id = idOf(row.Row) == Guid.Empty ? SourceKeys.RowId(row.SourceKey) : idOf(row.Row);
                if (!known.Add(row.SourceKey) || existing.Contains(id) || !kept.Add(id))
                {
                    Duplicates++;
                    continue;
                }
                if (!parentPresent(row.Row))
                {
                    kept.Remove(id);
                    Orphans++;
                    continue;
                }
                own(row.Row, id);
                Rows.Add((row.Row, new ImportedRecord
                {
                    PersonId = personId,
                    SourceKey = row.SourceKey,
                    BatchId = batchId,
                    TargetType = typeof(T).Name,
                    TargetId = id,
                    Original = row.Original is { Length: > 1000 } o ? o[..1000] : row.Original,
                }));
            }
        }
    }
}

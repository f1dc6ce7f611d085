using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Interop.Fhir;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.Exports;

/// <summary>
/// The signed-in Person's data as files to take away: a FHIR R4 Bundle and a zip of CSV and JSON.
/// Both are written to a stream as they are produced; the owner scope of the DbContext limits every
/// query to the Person's own rows.
/// </summary>
public sealed class ExportService(ReliefDbContext db, PersonContext person, FhirExporter exporter, TimeProvider clock)
{
    /// <summary>The file name without extension: the app and the Person's local date ("sciatica-relief-2026-12-02").</summary>
    public async Task<string> FileStemAsync(CancellationToken ct)
    {
        var zone = await ZoneAsync(ct);
        return "sciatica-relief-" + LocalTime.LocalDay(clock.GetUtcNow().UtcDateTime, zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct)
    {
        var profile = await person.ProfileAsync(ct);
        return LocalTime.TryFindZone(profile.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public async Task<ExportRows> RowsAsync(CancellationToken ct)
    {
        var profile = await person.ProfileAsync(ct);
        return new ExportRows(
            person.PersonId,
            profile,
            await db.CheckIns.AsNoTracking().OrderBy(c => c.OccurredAtUtc).ThenBy(c => c.Id).ToListAsync(ct),
            await db.TriageAssessments.AsNoTracking().OrderBy(a => a.AssessedAtUtc).ThenBy(a => a.Id).ToListAsync(ct),
            await db.EarSeedApplications.AsNoTracking().OrderBy(e => e.AppliedAtUtc).ThenBy(e => e.Id).ToListAsync(ct),
            await db.Treatments.AsNoTracking().OrderBy(t => t.StartedAtUtc).ThenBy(t => t.Id).ToListAsync(ct),
            await db.TreatmentFollowUps.AsNoTracking().OrderBy(f => f.RecordedAtUtc).ThenBy(f => f.Id).ToListAsync(ct),
            await db.QuestionnaireResponses.AsNoTracking().OrderBy(r => r.AuthoredAtUtc).ThenBy(r => r.Id).ToListAsync(ct),
            await db.PlanItems.AsNoTracking().OrderBy(i => i.CreatedAtUtc).ThenBy(i => i.Id).ToListAsync(ct),
            await db.PlanCompletions.AsNoTracking().OrderBy(c => c.CompletedAtUtc).ThenBy(c => c.Id).ToListAsync(ct),
            await db.Grants.AsNoTracking().OrderBy(g => g.CreatedAtUtc).ThenBy(g => g.Id).ToListAsync(ct));
    }

    /// <summary>Streams the FHIR Bundle of everything the Person owns.</summary>
    public async Task WriteFhirAsync(Stream stream, CancellationToken ct)
    {
        var rows = await RowsAsync(ct);
        await exporter.WriteBundleAsync(stream, rows, Guid.CreateVersion7(), clock.GetUtcNow(), ct);
    }

    /// <summary>Streams the zip: one CSV and one JSON file per table the Person owns.</summary>
    public async Task WriteArchiveAsync(Stream stream, CancellationToken ct)
    {
        var zone = await ZoneAsync(ct);
        await using var archive = await ArchiveWriter.CreateAsync(stream, zone, clock.GetUtcNow(), ct);
        await archive.AddAsync("profile", db.Profiles.AsNoTracking(), ct);
        await archive.AddAsync("check-ins", db.CheckIns.AsNoTracking().OrderBy(c => c.OccurredAtUtc).ThenBy(c => c.Id), ct);
        await archive.AddAsync("triage-assessments", db.TriageAssessments.AsNoTracking().OrderBy(a => a.AssessedAtUtc).ThenBy(a => a.Id), ct);
        await archive.AddAsync("clinician-reviews", db.ClinicianReviews.AsNoTracking().OrderBy(r => r.SeenAtUtc).ThenBy(r => r.Id), ct);
        await archive.AddAsync("treatments", db.Treatments.AsNoTracking().OrderBy(t => t.StartedAtUtc).ThenBy(t => t.Id), ct);
        await archive.AddAsync("treatment-follow-ups", db.TreatmentFollowUps.AsNoTracking().OrderBy(f => f.RecordedAtUtc).ThenBy(f => f.Id), ct);
        await archive.AddAsync("ear-seed-applications", db.EarSeedApplications.AsNoTracking().OrderBy(e => e.AppliedAtUtc).ThenBy(e => e.Id), ct);
        await archive.AddAsync("questionnaire-responses", db.QuestionnaireResponses.AsNoTracking().OrderBy(r => r.AuthoredAtUtc).ThenBy(r => r.Id), ct);
        await archive.AddAsync("questionnaire-schedules", db.QuestionnaireSchedules.AsNoTracking().OrderBy(s => s.StartsOn).ThenBy(s => s.Id), ct);
        await archive.AddAsync("plan-items", db.PlanItems.AsNoTracking().OrderBy(i => i.CreatedAtUtc).ThenBy(i => i.Id), ct);
        await archive.AddAsync("plan-completions", db.PlanCompletions.AsNoTracking().OrderBy(c => c.CompletedAtUtc).ThenBy(c => c.Id), ct);
        await archive.AddAsync("intakes", db.Intakes.AsNoTracking().OrderBy(i => i.CreatedAtUtc).ThenBy(i => i.Id), ct);
        await archive.AddAsync("grants", db.Grants.AsNoTracking().OrderBy(g => g.CreatedAtUtc).ThenBy(g => g.Id), ct);
        await archive.AddAsync("audit-events", db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence), ct);
        await archive.AddAsync("import-batches", db.ImportBatches.AsNoTracking().OrderBy(b => b.ImportedAtUtc).ThenBy(b => b.Id), ct);
        await archive.AddAsync("imported-records", db.ImportedRecords.AsNoTracking().OrderBy(r => r.BatchId).ThenBy(r => r.SourceKey), ct);
    }

    /// <summary>The tables in the zip, in order (the page and the tests list them).</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        "profile", "check-ins", "triage-assessments", "clinician-reviews", "treatments", "treatment-follow-ups", "ear-seed-applications",
        "questionnaire-responses", "questionnaire-schedules", "plan-items", "plan-completions", "intakes", "grants", "audit-events",
        "import-batches", "imported-records",
    ];
}

using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Journal;

namespace SciaticaRelief.Benchmarks;

/// <summary>
/// (a) One check-in saved through the app's write path (JournalService.CreateAsync: validation and
/// triage from Core, the re-screen's reads, the check-in and its triage in one SaveChanges) against
/// a raw prepared insert of the same two rows (CheckIns and TriageAssessments) in one transaction.
/// Both commit on the same file in WAL mode with synchronous=FULL, one transaction per check-in.
/// </summary>
/// <remarks>
/// The database holds three years of history (~3 a day) so the app's 28-day re-screen runs all of
/// its queries as it would for a real user. The check-ins the benchmark adds are dated eight days
/// back: a real user adds ~21 a week, the benchmark adds thousands, and dated "now" they would pile
/// into the re-screen's last-week window and slow every later iteration.
/// </remarks>
[BenchConfig]
public class CheckInWriteBenchmarks
{
    private const string InsertCheckInSql = """
        INSERT INTO "CheckIns" ("PersonId", "Id", "OccurredAtUtc", "TimeZoneId", "PainNow", "PainWorst", "PainAverage",
            "BodyAreas", "Radiation", "Qualities", "Triggers", "SleepHours", "Stress", "Notes", "CreatedAtUtc", "UpdatedAtUtc", "Version")
        VALUES ($personId, $id, $occurredAt, $zone, $painNow, $painWorst, $painAverage,
            $bodyAreas, $radiation, $qualities, $triggers, $sleep, $stress, $notes, $created, $updated, 1);
        """;

    private const string InsertAssessmentSql = """
        INSERT INTO "TriageAssessments" ("PersonId", "Id", "AssessedAtUtc", "Level", "FiredRules", "Answers", "SeeDoctorToday", "Source", "CheckInId")
        VALUES ($personId, $id, $assessedAt, $level, $firedRules, $answers, $seeDoctor, $source, $checkInId);
        """;

    private BenchHost _host = null!;
    private CheckInInput _input = null!;
    private SqliteConnection _connection = null!;
    private SqliteCommand _insertCheckIn = null!;
    private SqliteCommand _insertAssessment = null!;
    private CheckIn _row = null!;
    private TriageAssessment _assessment = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var now = TimeProvider.System.GetUtcNow();
        _host = await BenchHost.CreateInTempFolderAsync();
        await _host.CreatePersonAsync();
        await _host.SeedHistoryAsync(years: 3, perDay: 3, endUtc: now.UtcDateTime);
        await _host.CheckpointAsync();
        _input = History.TypicalInput(now.AddDays(-8));

        // The same row values the app would store, computed by Core once.
        var zone = LocalTime.TryFindZone("Europe/London", out var z) ? z : TimeZoneInfo.Utc;
        var values = CheckInValidator.Validate(_input, now.UtcDateTime, zone).Value
            ?? throw new InvalidOperationException("The benchmark's check-in does not validate.");
        var row = new CheckIn();
        values.ApplyTo(row, "Europe/London");
        var triage = new TriageInput(values.RedFlags, Age: now.Year - 1980);
        var result = TriageEngine.Evaluate(triage);
        var assessment = TriageAssessment.From(_host.PersonId, Guid.Empty, row.OccurredAtUtc, triage, result, AssessmentSource.CheckIn);
        row.PersonId = _host.PersonId;
        row.Version = 1;
        _row = row;
        _assessment = assessment;

        _connection = new SqliteConnection(_host.ConnectionString);
        _connection.Open();
        using (var pragmas = _connection.CreateCommand())
        {
            // The app's own per-connection pragmas: synchronous=FULL, foreign keys, busy timeout.
            pragmas.CommandText = SqlitePragmas.Sql;
            pragmas.ExecuteNonQuery();
            pragmas.CommandText = "PRAGMA journal_mode;";
            var journal = Convert.ToString(pragmas.ExecuteScalar(), CultureInfo.InvariantCulture);
            pragmas.CommandText = "PRAGMA synchronous;";
            var synchronous = Convert.ToString(pragmas.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (journal != "wal" || synchronous != "2")
            {
                throw new InvalidOperationException($"Expected WAL and synchronous=FULL, got {journal} and {synchronous}.");
            }
        }

        var personId = Text(_host.PersonId);
        _insertCheckIn = _connection.CreateCommand();
        _insertCheckIn.CommandText = InsertCheckInSql;
        _insertCheckIn.Parameters.AddWithValue("$personId", personId);
        _insertCheckIn.Parameters.Add("$id", SqliteType.Text);
        _insertCheckIn.Parameters.AddWithValue("$occurredAt", Text(row.OccurredAtUtc));
        _insertCheckIn.Parameters.AddWithValue("$zone", row.TimeZoneId);
        _insertCheckIn.Parameters.AddWithValue("$painNow", row.PainNow);
        _insertCheckIn.Parameters.AddWithValue("$painWorst", (object?)row.PainWorst ?? DBNull.Value);
        _insertCheckIn.Parameters.AddWithValue("$painAverage", (object?)row.PainAverage ?? DBNull.Value);
        _insertCheckIn.Parameters.AddWithValue("$bodyAreas", row.BodyAreas);
        _insertCheckIn.Parameters.AddWithValue("$radiation", (int)row.Radiation);
        _insertCheckIn.Parameters.AddWithValue("$qualities", (int)row.Qualities);
        _insertCheckIn.Parameters.AddWithValue("$triggers", (int)row.Triggers);
        _insertCheckIn.Parameters.AddWithValue("$sleep", (object?)row.SleepHours ?? DBNull.Value);
        _insertCheckIn.Parameters.AddWithValue("$stress", (object?)row.Stress ?? DBNull.Value);
        _insertCheckIn.Parameters.AddWithValue("$notes", (object?)row.Notes ?? DBNull.Value);
        _insertCheckIn.Parameters.Add("$created", SqliteType.Text);
        _insertCheckIn.Parameters.Add("$updated", SqliteType.Text);
        _insertCheckIn.Prepare();

        _insertAssessment = _connection.CreateCommand();
        _insertAssessment.CommandText = InsertAssessmentSql;
        _insertAssessment.Parameters.AddWithValue("$personId", personId);
        _insertAssessment.Parameters.Add("$id", SqliteType.Text);
        _insertAssessment.Parameters.AddWithValue("$assessedAt", Text(assessment.AssessedAtUtc));
        _insertAssessment.Parameters.AddWithValue("$level", (int)assessment.Level);
        _insertAssessment.Parameters.AddWithValue("$firedRules", assessment.FiredRules);
        // As the DbContext's AnswersConverter writes it.
        _insertAssessment.Parameters.AddWithValue("$answers", JsonSerializer.Serialize(assessment.Answers, (JsonSerializerOptions?)null));
        _insertAssessment.Parameters.AddWithValue("$seeDoctor", assessment.SeeDoctorToday ? 1 : 0);
        _insertAssessment.Parameters.AddWithValue("$source", (int)assessment.Source);
        _insertAssessment.Parameters.Add("$checkInId", SqliteType.Text);
        _insertAssessment.Prepare();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _insertCheckIn.Dispose();
        _insertAssessment.Dispose();
        await _connection.DisposeAsync();
        await _host.DisposeAsync();
    }

    /// <summary>The floor: two prepared inserts and a durable commit, nothing else.</summary>
    [Benchmark(Baseline = true, Description = "Raw prepared insert (check-in + triage rows, 1 tx)")]
    public void RawPreparedInsert()
    {
        var now = Text(TimeProvider.System.GetUtcNow().UtcDateTime);
        var checkInId = Text(Guid.CreateVersion7());
        using var tx = _connection.BeginTransaction();
        _insertCheckIn.Transaction = tx;
        _insertCheckIn.Parameters["$id"].Value = checkInId;
        _insertCheckIn.Parameters["$created"].Value = now;
        _insertCheckIn.Parameters["$updated"].Value = now;
        _insertCheckIn.ExecuteNonQuery();
        _insertAssessment.Transaction = tx;
        _insertAssessment.Parameters["$id"].Value = Text(Guid.CreateVersion7());
        _insertAssessment.Parameters["$checkInId"].Value = checkInId;
        _insertAssessment.ExecuteNonQuery();
        tx.Commit();
    }

    /// <summary>What POST /api/v1/journal does below HTTP: a DI scope, validation, triage, one SaveChanges.</summary>
    [Benchmark(Description = "App: JournalService.CreateAsync (1 scope)")]
    [ThroughputTarget(0.7)]
    public async Task AppCreateAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var journal = scope.ServiceProvider.GetRequiredService<JournalService>();
        var outcome = await journal.CreateAsync(_input, idempotencyKey: null, requestHash: null, CancellationToken.None);
        if (outcome.Status != SaveStatus.Created)
        {
            throw new InvalidOperationException($"The check-in was not created: {outcome.Status}.");
        }
    }

    /// <summary>
    /// For information: the same two rows through a fresh scope's DbContext and one SaveChanges, without
    /// the app's reads (profile, re-screen). Splits the gap into EF's write cost and the app's queries.
    /// </summary>
    [Benchmark(Description = "EF SaveChanges of the 2 rows only (info)")]
    public async Task EfSaveChangesOnly()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReliefDbContext>();
        var (checkIn, assessment) = NewRows();
        db.CheckIns.Add(checkIn);
        db.TriageAssessments.Add(assessment);
        await db.SaveChangesAsync();
    }

    // Prototypes of src changes, for `ratio write --prototypes` (not BenchmarkDotNet cases).
    private BenchHost? _pragmasOnce;
    private BenchHost? _pooled;
    private BenchHost? _singletonOptions;

    internal async Task EnablePrototypesAsync()
    {
        _pragmasOnce = await _host.SiblingAsync(Prototypes.SqlitePragmasOncePerConnection.Use);
        _pooled = await _host.SiblingAsync(Prototypes.PooledReliefDbContext.Use);
        _singletonOptions = await _host.SiblingAsync(Prototypes.SingletonOptions.Use);
    }

    internal async Task DisablePrototypesAsync()
    {
        foreach (var host in new[] { _pragmasOnce, _pooled, _singletonOptions })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    internal Task AppPooledAsync() => CreateOnAsync(_pooled!);

    internal Task AppSingletonOptionsAsync() => CreateOnAsync(_singletonOptions!);

    private async Task CreateOnAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<JournalService>().CreateAsync(_input, null, null, CancellationToken.None);
        if (outcome.Status != SaveStatus.Created)
        {
            throw new InvalidOperationException($"The check-in was not created: {outcome.Status}.");
        }
    }

    /// <summary>The app's write path with the request's connection opened once, up front (one open, one pragma batch).</summary>
    internal async Task AppOpenOnceAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReliefDbContext>().Database.OpenConnectionAsync();
        var outcome = await scope.ServiceProvider.GetRequiredService<JournalService>().CreateAsync(_input, null, null, CancellationToken.None);
        if (outcome.Status != SaveStatus.Created)
        {
            throw new InvalidOperationException($"The check-in was not created: {outcome.Status}.");
        }
    }

    /// <summary>The app's write path with the pragmas run once per native connection.</summary>
    internal Task AppPragmasOnceAsync() => CreateOnAsync(_pragmasOnce!);

    /// <summary>A fresh copy of the rows the app stores for the benchmark's check-in, with new ids.</summary>
    internal (CheckIn CheckIn, TriageAssessment Assessment) NewRows()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var r = _row;
        var checkIn = new CheckIn
        {
            PersonId = r.PersonId, Id = Guid.CreateVersion7(), OccurredAtUtc = r.OccurredAtUtc, TimeZoneId = r.TimeZoneId,
            PainNow = r.PainNow, PainWorst = r.PainWorst, PainAverage = r.PainAverage, BodyAreas = r.BodyAreas,
            Radiation = r.Radiation, Qualities = r.Qualities, Triggers = r.Triggers, SleepHours = r.SleepHours,
            Stress = r.Stress, Notes = r.Notes, CreatedAtUtc = now, UpdatedAtUtc = now, Version = 1,
        };
        var a = _assessment;
        var assessment = new TriageAssessment
        {
            PersonId = a.PersonId, Id = Guid.CreateVersion7(), AssessedAtUtc = a.AssessedAtUtc, Level = a.Level,
            FiredRules = a.FiredRules, Answers = new Dictionary<string, Answer>(a.Answers, StringComparer.Ordinal),
            SeeDoctorToday = a.SeeDoctorToday, Source = a.Source, CheckInId = checkIn.Id,
        };
        return (checkIn, assessment);
    }

    /// <summary>EF Core's SQLite text forms: upper-case GUIDs, DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF".</summary>
    internal static string Text(Guid id) => id.ToString().ToUpperInvariant();

    internal static string Text(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}

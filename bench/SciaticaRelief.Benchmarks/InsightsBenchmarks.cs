using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Insights;

namespace SciaticaRelief.Benchmarks;

/// <summary>
/// The insights' read and computation for one Person with ten years of daily check-ins and
/// treatments (InsightsService.GetAsync for days=3650: the profile, three projected queries and
/// Core's InsightsCalculator) against a hand-written Microsoft.Data.Sqlite reader of the same rows
/// into the same Core records, with no computation at all, as the baseline. Target: the app at
/// least half the baseline's throughput. For information, Core's computation alone on rows already
/// in memory.
/// </summary>
[BenchConfig]
public class InsightsBenchmarks
{
    public const int Days = 3650;

    private static readonly string[] Modalities = ["swedish-massage", "heat", "deep-tissue-massage", "acupressure", "massage-gun", "rest"];

    // The columns and filters of InsightsService.GetAsync's three queries, owner filter included;
    // the 24-hour follow-up as a join on its unique index rather than EF's correlated subquery.
    private const string CheckInSql = """
        SELECT "OccurredAtUtc", "TimeZoneId", "PainNow", "Radiation"
        FROM "CheckIns"
        WHERE "PersonId" = $personId AND "OccurredAtUtc" >= $start AND "OccurredAtUtc" < $end
        """;

    private const string TreatmentSql = """
        SELECT t."Id", t."ModalityId", t."Kind", t."StartedAtUtc", t."TimeZoneId", t."PainBefore", t."PainAfter", f."Pain", t."EarSeedApplicationId"
        FROM "Treatments" AS t
        LEFT JOIN "TreatmentFollowUps" AS f ON f."PersonId" = t."PersonId" AND f."TreatmentId" = t."Id" AND f."HoursAfter" = 24
        WHERE t."PersonId" = $personId AND t."StartedAtUtc" >= $start AND t."StartedAtUtc" < $end
        """;

    private const string EarSeedSql = """
        SELECT "Id", "AppliedAtUtc", "RemoveByUtc", "RemovedAtUtc", "TimeZoneId"
        FROM "EarSeedApplications"
        WHERE "PersonId" = $personId AND "AppliedAtUtc" < $end AND COALESCE("RemovedAtUtc", "RemoveByUtc") >= $start
        """;

    private BenchHost _host = null!;
    private string _personId = "";
    private string _start = "";
    private string _end = "";
    private DateTime _startUtc;
    private DateTime _endUtc;
    private InsightsInput _input = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        _host = await BenchHost.CreateInTempFolderAsync(s => s.AddScoped<InsightsService>());
        await _host.CreatePersonAsync();
        await _host.SeedHistoryAsync(years: 10, perDay: 1, endUtc: now);
        var (treatments, followUps, applications) = await SeedTreatmentsAsync(_host, now);
        await _host.CheckpointAsync();

        // The period exactly as InsightsService.GetAsync computes it.
        var zone = LocalTime.TryFindZone("Europe/London", out var z) ? z : TimeZoneInfo.Utc;
        var today = LocalTime.LocalDay(now, zone);
        var from = today.AddDays(-(Days - 1));
        var startUtc = LocalTime.StartOfDayUtc(InsightsCalculator.ReadFrom(from, today), zone) - TimeSpan.FromDays(1);
        var endUtc = LocalTime.StartOfDayUtc(today.AddDays(1), zone) + TimeSpan.FromDays(1);
        (_startUtc, _endUtc) = (startUtc, endUtc);
        _personId = CheckInWriteBenchmarks.Text(_host.PersonId);
        _start = CheckInWriteBenchmarks.Text(startUtc);
        _end = CheckInWriteBenchmarks.Text(endUtc);
        _input = await ReadByHandAsync(from, today);

        // Both sides must read the same rows, or the ratio means nothing.
        var report = await AppGetAsync();
        var fromHand = InsightsCalculator.Compute(_input);
        var handFollowUps = _input.Treatments.Count(t => t.FollowUp24Pain is not null);
        if (_input.CheckIns.Count < 3600 || _input.Treatments.Count != treatments || handFollowUps != followUps
            || _input.EarSeeds.Count != applications || report.Days.Count != fromHand.Days.Count
            || !report.Modalities.Select(m => (m.ModalityId, m.Treatments, m.NextDay.Mean)).SequenceEqual(fromHand.Modalities.Select(m => (m.ModalityId, m.Treatments, m.NextDay.Mean))))
        {
            throw new InvalidOperationException(
                $"The hand reader ({_input.CheckIns.Count} check-ins, {_input.Treatments.Count} treatments, {handFollowUps} follow-ups, {_input.EarSeeds.Count} ear-seed applications) and the app disagree.");
        }
        Console.WriteLine($"// Rows: {_input.CheckIns.Count} check-ins, {_input.Treatments.Count} treatments ({followUps} with a 24-hour follow-up), {applications} ear-seed applications.");
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _host.DisposeAsync().AsTask();

    [Benchmark(Baseline = true, Description = "Hand reader of the same rows (Microsoft.Data.Sqlite)")]
    public async Task<int> HandReader()
    {
        var input = await ReadByHandAsync(_input.From, _input.To);
        return input.CheckIns.Count + input.Treatments.Count + input.EarSeeds.Count;
    }

    [Benchmark(Description = "App: InsightsService.GetAsync(3650)")]
    [ThroughputTarget(0.5)]
    public async Task<int> AppInsights() => (await AppGetAsync()).Days.Count;

    [Benchmark(Description = "EF: the service's three projected queries only (info)")]
    public async Task<int> EfQueriesOnly()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReliefDbContext>();
        var startUtc = _startUtc;
        var endUtc = _endUtc;
        var checkIns = await db.CheckIns.AsNoTracking()
            .Where(c => c.OccurredAtUtc >= startUtc && c.OccurredAtUtc < endUtc)
            .Select(c => new PainPoint(c.OccurredAtUtc, c.TimeZoneId, c.PainNow, c.Radiation))
            .ToListAsync();
        var treatments = await db.Treatments.AsNoTracking()
            .Where(t => t.StartedAtUtc >= startUtc && t.StartedAtUtc < endUtc)
            .Select(t => new TreatmentPoint(t.Id, t.ModalityId, t.Kind, t.StartedAtUtc, t.TimeZoneId, t.PainBefore, t.PainAfter,
                db.TreatmentFollowUps.Where(f => f.PersonId == t.PersonId && f.TreatmentId == t.Id && f.HoursAfter == 24).Select(f => (int?)f.Pain).FirstOrDefault(),
                t.EarSeedApplicationId))
            .ToListAsync();
        var earSeeds = await db.EarSeedApplications.AsNoTracking()
            .Where(a => a.AppliedAtUtc < endUtc && (a.RemovedAtUtc ?? a.RemoveByUtc) >= startUtc)
            .Select(a => new EarSeedPeriod(a.Id, a.AppliedAtUtc, a.RemoveByUtc, a.RemovedAtUtc, a.TimeZoneId))
            .ToListAsync();
        return checkIns.Count + treatments.Count + earSeeds.Count;
    }

    [Benchmark(Description = "Core: InsightsCalculator.Compute on rows in memory (info)")]
    public int ComputeOnly() => InsightsCalculator.Compute(_input).Days.Count;

    private async Task<InsightsReport> AppGetAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InsightsService>().GetAsync(Days, CancellationToken.None);
    }

    /// <summary>What a hand-written data layer does per request: a pooled connection, three commands, three readers.</summary>
    private async Task<InsightsInput> ReadByHandAsync(DateOnly from, DateOnly to)
    {
        await using var connection = new SqliteConnection(_host.ConnectionString);
        await connection.OpenAsync();
        var checkIns = new List<PainPoint>();
        await using (var cmd = Command(connection, CheckInSql))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                checkIns.Add(new PainPoint(Utc(reader.GetDateTime(0)), reader.GetString(1), reader.GetInt32(2), (Radiation)reader.GetInt32(3)));
            }
        }
        var treatments = new List<TreatmentPoint>();
        await using (var cmd = Command(connection, TreatmentSql))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                treatments.Add(new TreatmentPoint(
                    reader.GetGuid(0), reader.GetString(1), (TreatmentKind)reader.GetInt32(2), Utc(reader.GetDateTime(3)), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5),
                    reader.IsDBNull(6) ? null : reader.GetInt32(6),
                    reader.IsDBNull(7) ? null : reader.GetInt32(7),
                    reader.IsDBNull(8) ? null : reader.GetGuid(8)));
            }
        }
        var earSeeds = new List<EarSeedPeriod>();
        await using (var cmd = Command(connection, EarSeedSql))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                earSeeds.Add(new EarSeedPeriod(reader.GetGuid(0), Utc(reader.GetDateTime(1)), Utc(reader.GetDateTime(2)),
                    reader.IsDBNull(3) ? null : Utc(reader.GetDateTime(3)), reader.GetString(4)));
            }
        }
        return new InsightsInput(from, to, checkIns, treatments, earSeeds);
    }

    private SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$personId", _personId);
        cmd.Parameters.AddWithValue("$start", _start);
        cmd.Parameters.AddWithValue("$end", _end);
        return cmd;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    /// <summary>
    /// Ten years of treatments through the app's DbContext: one every other evening, cycling through
    /// six modalities with pain before and after (massages with a 24-hour follow-up), and ear seeds
    /// on for 5 days every 4 weeks, pressed 2–3 times a day. Fixed seed: every run measures the same rows.
    /// </summary>
    private static async Task<(int Treatments, int FollowUps, int Applications)> SeedTreatmentsAsync(BenchHost host, DateTime endUtc)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReliefDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync();
        var random = new Random(7);
        var zone = LocalTime.TryFindZone("Europe/London", out var z) ? z : TimeZoneInfo.Utc;
        var last = LocalTime.LocalDay(endUtc, zone).AddDays(-1);
        var first = last.AddYears(-10).AddDays(1);
        int treatments = 0, followUps = 0, applications = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var index = day.DayNumber - first.DayNumber;
            if (index % 2 == 0)
            {
                var modality = Modalities[index / 2 % Modalities.Length];
                var before = random.Next(3, 9);
                var at = LocalTime.ToUtc(day.ToDateTime(new TimeOnly(18, 30)), zone).Utc;
                var treatment = New(host.PersonId, modality, modality.EndsWith("massage", StringComparison.Ordinal) ? TreatmentKind.Massage : TreatmentKind.Other,
                    at, before, Math.Max(0, before - random.Next(-1, 4)), null);
                db.Treatments.Add(treatment);
                treatments++;
                if (treatment.Kind == TreatmentKind.Massage)
                {
                    db.TreatmentFollowUps.Add(new TreatmentFollowUp
                    {
                        PersonId = host.PersonId, Id = Guid.CreateVersion7(at), TreatmentId = treatment.Id, HoursAfter = 24,
                        Pain = Math.Max(0, before - random.Next(-1, 3)), RecordedAtUtc = at.AddHours(24),
                    });
                    followUps++;
                }
            }
            if (index % 28 == 3)
            {
                var on = LocalTime.ToUtc(day.ToDateTime(new TimeOnly(8, 0)), zone).Utc;
                var application = new EarSeedApplication
                {
                    PersonId = host.PersonId, Id = Guid.CreateVersion7(on), Ear = Ear.Left, Points = ["shen-men", "sciatic-nerve"],
                    AppliedAtUtc = on, RemoveByUtc = on.AddDays(5), RemovedAtUtc = on.AddDays(4).AddHours(12), TimeZoneId = "Europe/London", Version = 1,
                };
                db.EarSeedApplications.Add(application);
                applications++;
                for (var d = 0; d < 5; d++)
                {
                    for (var p = 0; p < 2 + random.Next(0, 2); p++)
                    {
                        var press = New(host.PersonId, "ear-seeds", TreatmentKind.EarSeeds, on.AddDays(d).AddHours(2 + 5 * p), null, null, application.Id);
                        db.Treatments.Add(press);
                        treatments++;
                    }
                }
            }
            if (index % 500 == 499)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return (treatments, followUps, applications);
    }

    private static Treatment New(Guid personId, string modality, TreatmentKind kind, DateTime at, int? before, int? after, Guid? application) => new()
    {
        PersonId = personId, Id = Guid.CreateVersion7(at), StartedAtUtc = at, TimeZoneId = "Europe/London", ModalityId = modality, Kind = kind,
        DurationMinutes = 30, PainBefore = before, PainAfter = after, EarSeedApplicationId = application, CreatedAtUtc = at, UpdatedAtUtc = at, Version = 1,
    };
}

using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Dashboard;

namespace SciaticaRelief.Benchmarks;

/// <summary>
/// (c) The dashboard's read: the period's check-ins projected to Core's PainPoint through EF (the
/// query DashboardService.GetAsync runs) against a hand-written Microsoft.Data.Sqlite reader of the
/// same rows; and, for information, the whole GetAsync (profile, points, daily series, standing,
/// latest triage, count). One Person with three years of check-ins, ~3 a day; the period is the
/// whole three years (days=1095, as the load script asks for).
/// </summary>
[BenchConfig]
public class DashboardQueryBenchmarks
{
    public const int Days = 1095;

    // The columns and filter of the EF query below, owner filter included (see `explain`).
    private const string HandSql = """
        SELECT "OccurredAtUtc", "TimeZoneId", "PainNow", "Radiation"
        FROM "CheckIns"
        WHERE "PersonId" = $personId AND "OccurredAtUtc" >= $start
        """;

    private BenchHost _host = null!;
    private DateTime _startUtc;
    private string _personId = "";
    private string _start = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        _host = await BenchHost.CreateInTempFolderAsync();
        await _host.CreatePersonAsync();
        await _host.SeedHistoryAsync(years: 3, perDay: 3, endUtc: now);
        await _host.CheckpointAsync();

        // The period's start exactly as DashboardService.GetAsync computes it.
        var zone = LocalTime.TryFindZone("Europe/London", out var z) ? z : TimeZoneInfo.Utc;
        var today = LocalTime.LocalDay(now, zone);
        var from = today.AddDays(-(Days - 1));
        _startUtc = LocalTime.StartOfDayUtc(from, zone) - TimeSpan.FromDays(1);
        _personId = CheckInWriteBenchmarks.Text(_host.PersonId);
        _start = CheckInWriteBenchmarks.Text(_startUtc);

        // Both sides must read the same rows, or the ratio means nothing.
        var hand = await ReadByHandAsync();
        var ef = await ReadWithEfAsync();
        if (hand.Count < 3000 || !hand.OrderBy(p => p.AtUtc).SequenceEqual(ef.OrderBy(p => p.AtUtc)))
        {
            throw new InvalidOperationException($"The hand reader ({hand.Count} rows) and EF ({ef.Count} rows) disagree.");
        }
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _host.DisposeAsync().AsTask();

    [Benchmark(Baseline = true, Description = "Hand reader (Microsoft.Data.Sqlite)")]
    public async Task<int> HandReader() => (await ReadByHandAsync()).Count;

    [Benchmark(Description = "EF projection to PainPoint (1 scope)")]
    [ThroughputTarget(0.8)]
    public async Task<int> EfProjection() => (await ReadWithEfAsync()).Count;

    [Benchmark(Description = "App: DashboardService.GetAsync (info)")]
    public async Task<int> FullGetAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var dashboard = scope.ServiceProvider.GetRequiredService<DashboardService>();
        var data = await dashboard.GetAsync(Days, CancellationToken.None);
        return data.Days.Count;
    }

    // Experiments and prototypes of src changes, for `ratio dashboard --prototypes` (not BenchmarkDotNet cases).
    private BenchHost? _pragmasOnce;
    private BenchHost? _pooled;

    internal async Task EnablePrototypesAsync()
    {
        _pragmasOnce = await _host.SiblingAsync(Prototypes.SqlitePragmasOncePerConnection.Use);
        _pooled = await _host.SiblingAsync(Prototypes.PooledReliefDbContext.Use);
        var expected = await HandReader();
        if (await EfProjectionPooled() != expected || await EfProjectionPragmasOnce() != expected)
        {
            throw new InvalidOperationException("A prototype reads other rows than the hand reader: its owner filter is wrong.");
        }
    }

    internal async Task DisablePrototypesAsync()
    {
        foreach (var host in new[] { _pragmasOnce, _pooled })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    internal async Task<int> EfProjectionPooled() => (await ReadWithEfAsync(_pooled!)).Count;

    internal async Task<int> FullGetAsyncPooled()
    {
        await using var scope = _pooled!.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(Days, CancellationToken.None)).Days.Count;
    }

    internal async Task<int> EfProjectionPragmasOnce() => (await ReadWithEfAsync(_pragmasOnce!)).Count;

    internal async Task<int> FullGetAsyncPragmasOnce()
    {
        await using var scope = _pragmasOnce!.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(Days, CancellationToken.None)).Days.Count;
    }

    internal async Task<int> FullGetAsyncOpenOnce()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReliefDbContext>().Database.OpenConnectionAsync();
        return (await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(Days, CancellationToken.None)).Days.Count;
    }

    /// <summary>The fixed cost of each side: the same code for a one-day period (~3 rows).</summary>
    internal async Task<int> HandOneDay() => (await ReadByHandAsync(CheckInWriteBenchmarks.Text(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-1)))).Count;

    internal async Task<int> EfOneDay() => (await ReadWithEfAsync(_host, TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-1))).Count;

    /// <summary>The same read without the text column (TimeZoneId): how much of each side is string decoding.</summary>
    internal async Task<int> EfWithoutZone()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReliefDbContext>();
        var startUtc = _startUtc;
        return (await db.CheckIns.AsNoTracking().Where(c => c.OccurredAtUtc >= startUtc)
            .Select(c => new { c.OccurredAtUtc, c.PainNow, c.Radiation }).ToListAsync()).Count;
    }

    /// <summary>What a hand-written data layer does per request: a pooled connection, one command, a reader.</summary>
    private Task<List<PainPoint>> ReadByHandAsync() => ReadByHandAsync(_start);

    private async Task<List<PainPoint>> ReadByHandAsync(string start)
    {
        await using var connection = new SqliteConnection(_host.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = HandSql;
        cmd.Parameters.AddWithValue("$personId", _personId);
        cmd.Parameters.AddWithValue("$start", start);
        await using var reader = await cmd.ExecuteReaderAsync();
        var points = new List<PainPoint>();
        while (await reader.ReadAsync())
        {
            points.Add(new PainPoint(
                DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc),
                reader.GetString(1),
                reader.GetInt32(2),
                (Radiation)reader.GetInt32(3)));
        }
        return points;
    }

    /// <summary>The query of DashboardService.GetAsync, in a request's scope.</summary>
    private Task<List<PainPoint>> ReadWithEfAsync() => ReadWithEfAsync(_host, _startUtc);

    private Task<List<PainPoint>> ReadWithEfAsync(BenchHost host) => ReadWithEfAsync(host, _startUtc);

    private static async Task<List<PainPoint>> ReadWithEfAsync(BenchHost host, DateTime startUtc)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReliefDbContext>();
        return await db.CheckIns.AsNoTracking()
            .Where(c => c.OccurredAtUtc >= startUtc)
            .Select(c => new PainPoint(c.OccurredAtUtc, c.TimeZoneId, c.PainNow, c.Radiation))
            .ToListAsync();
    }
}

using System.Globalization;
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
/// (c) The dashboard's read: each local day's sum, count and furthest reach, grouped by the database
/// through EF (DashboardService.DailyMeansAsync, the query GetAsync runs) against a hand-written
/// Microsoft.Data.Sqlite reader of the same SQL; and, for information, the whole GetAsync (profile,
/// daily means, series, standing, latest triage, count). One Person with three years of check-ins, ~3 a day; the period is the
/// whole three years (days=1095, as the load script asks for).
/// </summary>
[BenchConfig]
public class DashboardQueryBenchmarks
{
    public const int Days = 1095;

    // The grouping and filter of DashboardService.DailyMeansAsync, owner filter included (see `explain`).
    private const string HandSql = """
        SELECT "LocalDate", SUM("PainNow"), COUNT(*), MAX("Radiation")
        FROM "CheckIns"
        WHERE "PersonId" = $personId AND "LocalDate" >= $first AND "LocalDate" <= $last
        GROUP BY "LocalDate"
        ORDER BY "LocalDate"
        """;

    private BenchHost _host = null!;
    private DateOnly _first;
    private DateOnly _today;
    private string _personId = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        _host = await BenchHost.CreateInTempFolderAsync();
        await _host.CreatePersonAsync();
        await _host.SeedHistoryAsync(years: 3, perDay: 3, endUtc: now);
        await _host.CheckpointAsync();

        // The period exactly as DashboardService.GetAsync computes it (with the trend's six days before).
        var zone = LocalTime.TryFindZone("Europe/London", out var z) ? z : TimeZoneInfo.Utc;
        _today = LocalTime.LocalDay(now, zone);
        _first = _today.AddDays(-(Days - 1) - (DailySeries.TrendDays - 1));
        _personId = CheckInWriteBenchmarks.Text(_host.PersonId);

        // Both sides must read the same days, or the ratio means nothing.
        var hand = await ReadByHandAsync();
        var ef = await ReadWithEfAsync();
        if (hand.Count < 1000 || !hand.SequenceEqual(ef))
        {
            throw new InvalidOperationException($"The hand reader ({hand.Count} days) and EF ({ef.Count} days) disagree.");
        }
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _host.DisposeAsync().AsTask();

    [Benchmark(Baseline = true, Description = "Hand reader (Microsoft.Data.Sqlite)")]
    public async Task<int> HandReader() => (await ReadByHandAsync()).Count;

    [Benchmark(Description = "EF daily means (1 scope)")]
    [ThroughputTarget(0.8)]
    public async Task<int> EfDailyMeans() => (await ReadWithEfAsync()).Count;

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

    /// <summary>The fixed cost of each side: the same code for a one-day period.</summary>
    internal async Task<int> HandOneDay() => (await ReadByHandAsync(_today, _today)).Count;

    internal async Task<int> EfOneDay() => (await ReadWithEfAsync(_host, _today, _today)).Count;

    /// <summary>What a hand-written data layer does per request: a pooled connection, one command, a reader.</summary>
    private Task<List<DayMean>> ReadByHandAsync() => ReadByHandAsync(_first, _today);

    private async Task<List<DayMean>> ReadByHandAsync(DateOnly first, DateOnly last)
    {
        await using var connection = new SqliteConnection(_host.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = HandSql;
        cmd.Parameters.AddWithValue("$personId", _personId);
        cmd.Parameters.AddWithValue("$first", first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$last", last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await using var reader = await cmd.ExecuteReaderAsync();
        var days = new List<DayMean>();
        while (await reader.ReadAsync())
        {
            var count = reader.GetInt32(2);
            days.Add(new DayMean(
                DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                (double)reader.GetInt32(1) / count,
                (Radiation)reader.GetInt32(3),
                count));
        }
        return days;
    }

    /// <summary>The query of DashboardService.GetAsync, in a request's scope.</summary>
    private Task<List<DayMean>> ReadWithEfAsync() => ReadWithEfAsync(_host, _first, _today);

    private Task<List<DayMean>> ReadWithEfAsync(BenchHost host) => ReadWithEfAsync(host, _first, _today);

    private static async Task<List<DayMean>> ReadWithEfAsync(BenchHost host, DateOnly first, DateOnly last)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReliefDbContext>();
        return await DashboardService.DailyMeansAsync(db, first, last, CancellationToken.None);
    }
}

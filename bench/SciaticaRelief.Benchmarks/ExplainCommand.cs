using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Insights;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Dashboard;
using SciaticaRelief.Web.Journal;

namespace SciaticaRelief.Benchmarks;

/// <summary>
/// `explain`: on the benchmarks' database, runs each measured operation once (after a warm-up) and
/// prints what it sent to SQLite: connection opens (each runs the app's three pragmas), commands,
/// their SQL, time and SQLite's query plan. The round trips behind the ratios.
/// </summary>
public static class ExplainCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var log = new CommandLog();
        await using var host = await BenchHost.CreateInTempFolderAsync(services =>
            services.ConfigureDbContext<SqliteReliefDbContext>(o => o.AddInterceptors(log, log.Connections)));
        await host.CreatePersonAsync();
        var now = TimeProvider.System.GetUtcNow();
        await host.SeedHistoryAsync(3, 3, now.UtcDateTime);
        await host.CheckpointAsync();
        var input = History.TypicalInput(now.AddDays(-8));
        var days = DashboardQueryBenchmarks.Days;

        await ShowAsync(host, log, "JournalService.CreateAsync", async sp =>
        {
            var outcome = await sp.GetRequiredService<JournalService>().CreateAsync(input, null, null, CancellationToken.None);
            return $"{outcome.Status}, triage {outcome.Triage?.Level} [{outcome.Triage?.FiredRules}]";
        });
        // The fixed cost of a request's data access, step by step.
        await ShowAsync(host, log, "  part: scope + DbContext created (no database work)", sp =>
            Task.FromResult(sp.GetRequiredService<ReliefDbContext>().ChangeTracker.AutoDetectChangesEnabled.ToString()));
        await ShowAsync(host, log, "  part: scope + DbContext + connection open/close (runs the pragmas)", async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            await db.Database.OpenConnectionAsync();
            await db.Database.CloseConnectionAsync();
            return "opened";
        });
        await ShowAsync(host, log, "  part: scope + DbContext + owner-filtered Any() on Profiles", async sp =>
            (await sp.GetRequiredService<ReliefDbContext>().Profiles.AnyAsync()).ToString());

        // The write path's parts, each in its own scope, to see where its time and allocations go.
        await ShowAsync(host, log, "  part: scope + PersonContext.ProfileAsync (first query of a request)", async sp =>
            (await sp.GetRequiredService<SciaticaRelief.Web.Profiles.PersonContext>().ProfileAsync()).TimeZoneId);
        await ShowAsync(host, log, "  part: scope + TriageService.InputAsync (profile + 28-day re-screen reads)", async sp =>
            (await sp.GetRequiredService<SciaticaRelief.Web.Triage.TriageService>().InputAsync(History.NoRedFlags, CancellationToken.None)).NoProgressAfterFourWeeks.ToString());
        await ShowAsync(host, log, "  part: scope + SaveChanges of a check-in and its triage (no reads)", async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            var pair = History.Generate(host.PersonId, "Europe/London", 1, 1, now.UtcDateTime.AddDays(-9)).First();
            pair.CheckIn.Id = Guid.CreateVersion7();
            pair.Assessment.Id = Guid.CreateVersion7();
            pair.Assessment.CheckInId = pair.CheckIn.Id;
            db.CheckIns.Add(pair.CheckIn);
            db.TriageAssessments.Add(pair.Assessment);
            return (await db.SaveChangesAsync()).ToString(CultureInfo.InvariantCulture) + " rows";
        });
        await ShowAsync(host, log, $"EF projection of the period (days={days})", async sp =>
        {
            var zone = await sp.GetRequiredService<SciaticaRelief.Web.Profiles.PersonContext>().ZoneAsync();
            var start = now.UtcDateTime.AddDays(-days - 1);
            var points = await sp.GetRequiredService<ReliefDbContext>().CheckIns.AsNoTracking()
                .Where(c => c.OccurredAtUtc >= start)
                .Select(c => new PainPoint(c.OccurredAtUtc, c.TimeZoneId, c.PainNow, c.Radiation)).ToListAsync();
            return $"{points.Count} points ({zone.Id})";
        });
        await ShowAsync(host, log, $"DataStamp.ETagAsync(dashboard, {days}) (the 304 path)", async sp =>
            await sp.GetRequiredService<SciaticaRelief.Web.Api.DataStamp>().ETagAsync("dashboard", days, CancellationToken.None));
        await ShowAsync(host, log, $"DashboardService.GetAsync({days})", async sp =>
        {
            var data = await sp.GetRequiredService<DashboardService>().GetAsync(days, CancellationToken.None);
            return $"{data.Days.Count} days, {data.CheckInsTotal} check-ins, standing {data.Standing.Effective}";
        });
        await StatementCostsAsync(host, now.UtcDateTime.AddDays(-days - 1));
        return 0;
    }

    /// <summary>
    /// What SQLite alone spends on the dashboard's statements: a bare open connection, no EF, no
    /// pragmas, every value read with GetValue. The floor under any data layer, and what a daily
    /// aggregate in SQL would cost (grouped by UTC date here; the app's day is the local day).
    /// </summary>
    private static async Task StatementCostsAsync(BenchHost host, DateTime startUtc)
    {
        string[] statements =
        [
            "SELECT OccurredAtUtc, TimeZoneId, PainNow, Radiation FROM CheckIns WHERE PersonId = $p AND OccurredAtUtc >= $s",
            "SELECT date(OccurredAtUtc) AS d, AVG(PainNow), MAX(Radiation), COUNT(*) FROM CheckIns WHERE PersonId = $p AND OccurredAtUtc >= $s GROUP BY d",
            "SELECT AssessedAtUtc, Level FROM TriageAssessments WHERE PersonId = $p",
            "SELECT MAX(UpdatedAtUtc) FROM CheckIns WHERE PersonId = $p",
            "SELECT COUNT(*) FROM CheckIns WHERE PersonId = $p",
            "SELECT MAX(AssessedAtUtc) FROM TriageAssessments WHERE PersonId = $p",
            "SELECT Version, TimeZoneId FROM Profiles WHERE PersonId = $p",
        ];
        await using var connection = new SqliteConnection(host.ConnectionString);
        await connection.OpenAsync();
        Console.WriteLine();
        Console.WriteLine("== SQLite alone (bare connection, GetValue per column), mean of 200 after 30 warm-up runs:");
        foreach (var sql in statements)
        {
            var rows = 0;
            for (var i = 0; i < 30; i++)
            {
                rows = Read(connection, sql, host.PersonId, startUtc);
            }
            var started = TimeProvider.System.GetTimestamp();
            for (var i = 0; i < 200; i++)
            {
                Read(connection, sql, host.PersonId, startUtc);
            }
            var ms = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds / 200;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {ms,8:0.000} ms {rows,6} rows  {sql}"));
        }
    }

    private static int Read(SqliteConnection connection, string sql, Guid personId, DateTime startUtc)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$p", CheckInWriteBenchmarks.Text(personId));
        cmd.Parameters.AddWithValue("$s", CheckInWriteBenchmarks.Text(startUtc));
        using var reader = cmd.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            for (var f = 0; f < reader.FieldCount; f++)
            {
                _ = reader.GetValue(f);
            }
            rows++;
        }
        return rows;
    }

    private static async Task ShowAsync(BenchHost host, CommandLog log, string name, Func<IServiceProvider, Task<string>> work)
    {
        // Warm-up (EF compiles the query, the pool opens its connection, the JIT tiers up), then a
        // rough mean: BenchmarkDotNet has the careful figures, this is for the breakdown below.
        const int Rounds = 60;
        var warmStarted = 0L;
        for (var i = 0; i < Rounds * 2; i++)
        {
            if (i == Rounds)
            {
                warmStarted = TimeProvider.System.GetTimestamp();
            }
            await using var warm = host.Services.CreateAsyncScope();
            await work(warm.ServiceProvider);
        }
        var mean = TimeProvider.System.GetElapsedTime(warmStarted).TotalMilliseconds / Rounds;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Rounds; i++)
        {
            await using var measured = host.Services.CreateAsyncScope();
            await work(measured.ServiceProvider);
        }
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / Rounds / 1024.0;
        log.Clear();
        string result;
        var started = TimeProvider.System.GetTimestamp();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            result = await work(scope.ServiceProvider);
        }
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== {name}: {result}; mean {mean:0.000} ms over {Rounds} runs, {allocated:0.0} KB allocated a run (this run {elapsed.TotalMilliseconds:0.000} ms), {log.Connections.Opens} connection open(s) (each runs `{SqlitePragmas.Sql}`), {log.Commands.Count} command(s)"));
        foreach (var command in log.Commands)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-- {command.Milliseconds:0.000} ms"));
            Console.WriteLine(command.Sql.Trim());
            if (command.Sql.Contains("SELECT", StringComparison.OrdinalIgnoreCase) && !command.Sql.Contains("INSERT", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var step in await PlanAsync(host.ConnectionString, command))
                {
                    Console.WriteLine("   plan: " + step);
                }
            }
        }
    }

    private static async Task<List<string>> PlanAsync(string connectionString, LoggedCommand command)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var steps = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        return steps;
    }

    private sealed record LoggedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters, double Milliseconds);

    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<LoggedCommand> Commands { get; } = [];
        public OpenCounter Connections { get; } = new();

        public void Clear()
        {
            Commands.Clear();
            Connections.Opens = 0;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Add(command, eventData);
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Add(command, eventData);
            return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Add(command, eventData);
            return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
        }

        // EF runs some parts synchronously even inside an async query (see the ETag's counts).
        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Add(command, eventData, sync: true);
            return base.ReaderExecuted(command, eventData, result);
        }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Add(command, eventData, sync: true);
            return base.NonQueryExecuted(command, eventData, result);
        }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            Add(command, eventData, sync: true);
            return base.ScalarExecuted(command, eventData, result);
        }

        private void Add(DbCommand command, CommandExecutedEventData eventData, bool sync = false) =>
            Commands.Add(new LoggedCommand((sync ? "/* executed synchronously */ " : "") + command.CommandText,
                [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))],
                eventData.Duration.TotalMilliseconds));
    }

    private sealed class OpenCounter : DbConnectionInterceptor
    {
        public int Opens { get; set; }

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Opens++;
            return Task.CompletedTask;
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Opens++;
    }
}

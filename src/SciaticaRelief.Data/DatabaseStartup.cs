using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SciaticaRelief.Data;

/// <summary>
/// Brings the database to the current schema at start: on SQLite, after an online backup of the
/// file when there is anything to migrate, then WAL on and the pragmas checked.
/// </summary>
public static class DatabaseStartup
{
    public static async Task MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReliefDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        if (db.Database.IsSqlite())
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var path = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
            var isFile = IsFile(connection.ConnectionString);
            if (isFile)
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(path));
                if (!string.IsNullOrEmpty(dir))
                {
                    Directory.CreateDirectory(dir);
                }
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (isFile && pending.Count > 0 && options.BackupBeforeMigrate && File.Exists(path) && new FileInfo(path).Length > 0
                && (await db.Database.GetAppliedMigrationsAsync(ct)).Any())
            {
                var backup = $"{path}.{clock.GetUtcNow().ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture)}.bak";
                await using var source = new SqliteConnection(connection.ConnectionString);
                await using var target = new SqliteConnection($"Data Source={backup}");
                await source.OpenAsync(ct);
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
                logger.LogInformation("Backed up the database to {Backup} before applying {Count} migration(s)", backup, pending.Count);
            }
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                if (isFile)
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                }
                await db.Database.MigrateAsync(ct);
                await CheckSqlitePragmasAsync(db, isFile, ct);
                await BackfillLocalDatesAsync(db, ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await db.Database.MigrateAsync(ct);
            await BackfillLocalDatesAsync(db, ct);
        }
    }

    /// <summary>
    /// Check-ins saved before the LocalDate column existed get their local day, computed in .NET
    /// (the zone rules are not in the database). A no-op once done: one indexed probe.
    /// </summary>
    private static async Task BackfillLocalDatesAsync(ReliefDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var batch = await db.CheckIns.IgnoreQueryFilters().Where(c => c.LocalDate == DateOnly.MinValue).Take(1000).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }
            foreach (var c in batch)
            {
                c.StampLocalDate();
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Fails the start when the file is not in WAL mode or a durability pragma is off.</summary>
    public static async Task CheckSqlitePragmasAsync(ReliefDbContext db, bool isFile, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var journal = await ScalarAsync(db, "PRAGMA journal_mode;", ct);
        var synchronous = await ScalarAsync(db, "PRAGMA synchronous;", ct);
        var foreignKeys = await ScalarAsync(db, "PRAGMA foreign_keys;", ct);
        var problems = new List<string>();
        if (isFile && !string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"journal_mode is {journal}, expected wal");
        }
        if (synchronous != "2")
        {
            problems.Add($"synchronous is {synchronous}, expected 2 (FULL)");
        }
        if (foreignKeys != "1")
        {
            problems.Add($"foreign_keys is {foreignKeys}, expected 1");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The SQLite database is not set up safely: " + string.Join("; ", problems));
        }
    }

    public static bool IsFile(string connectionString)
    {
        var b = new SqliteConnectionStringBuilder(connectionString);
        return b.Mode != SqliteOpenMode.Memory
            && !string.Equals(b.DataSource, ":memory:", StringComparison.Ordinal)
            && !b.DataSource.Contains("mode=memory", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string?> ScalarAsync(ReliefDbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var value = await cmd.ExecuteScalarAsync(ct);
        return Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Data;

/// <summary>The laptop case: a SQLite file, in WAL mode with synchronous=FULL and foreign keys on.</summary>
public sealed class SqliteFileTests
{
    [Fact]
    public async Task FileDatabase_RunsInWalWithFullSyncAndForeignKeys()
    {
        await using var app = new TestApp(TestDatabase.FileSqlite());
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReliefDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal("2", await ScalarAsync(connection, "PRAGMA synchronous;"));
        Assert.Equal("1", await ScalarAsync(connection, "PRAGMA foreign_keys;"));
        await DatabaseStartup.CheckSqlitePragmasAsync(db, isFile: true);
    }

    [Fact]
    public async Task PragmaCheck_FailsWhenSynchronousIsNotFull()
    {
        await using var app = new TestApp(TestDatabase.FileSqlite());
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReliefDbContext>();
        await db.Database.OpenConnectionAsync();
        await using (var cmd = db.Database.GetDbConnection().CreateCommand())
        {
            cmd.CommandText = "PRAGMA synchronous=NORMAL;";
            await cmd.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseStartup.CheckSqlitePragmasAsync(db, isFile: true));
        Assert.Contains("synchronous", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WithPendingMigrations_BacksUpTheFileFirst()
    {
        await using var database = TestDatabase.FileSqlite();
        await using (var app = new TestApp(database) { OwnsDatabase = false })
        {
            await app.CreatePersonAsync(email: "kept@example.org");
        }
        // Pretend the file was written by an older version: it knows an earlier migration, not the latest.
        await using (var connection = new SqliteConnection($"Data Source={database.FilePath}"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "DELETE FROM \"__EFMigrationsHistory\"; INSERT INTO \"__EFMigrationsHistory\" VALUES ('00000000000000_Older', '10.0.15');";
            await cmd.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        // Applying the "missing" migration collides with the tables that are there, so the start fails:
        // the backup, taken before, must hold the data.
        await using var again = new TestApp(database) { OwnsDatabase = false };
        await Assert.ThrowsAnyAsync<Exception>(() => Task.FromResult(again.Server));

        var backups = Directory.GetFiles(Path.GetDirectoryName(database.FilePath)!, "relief.db.*.bak");
        var backup = Assert.Single(backups);
        await using var check = new SqliteConnection($"Data Source={backup};Mode=ReadOnly");
        await check.OpenAsync();
        Assert.Equal("1", await ScalarAsync(check, "SELECT COUNT(*) FROM \"AspNetUsers\" WHERE \"Email\" = 'kept@example.org';"));
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

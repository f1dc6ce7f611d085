using Microsoft.Data.Sqlite;
using Npgsql;

namespace SciaticaRelief.Web.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test: an in-memory SQLite database kept alive by an open
/// connection, a SQLite file, or a fresh PostgreSQL database (dropped afterwards).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "RELIEF_TEST_POSTGRES";
    public const string RequirePostgresVariable = "RELIEF_REQUIRE_POSTGRES";

    private readonly SqliteConnection? _keepAlive;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;
    private readonly string? _file;

    public string Provider { get; }
    public string ConnectionString { get; }
    public string? FilePath => _file;

    private TestDatabase(string provider, string connectionString, SqliteConnection? keepAlive = null,
        string? postgresAdmin = null, string? postgresName = null, string? file = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _keepAlive = keepAlive;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
        _file = file;
    }

    public static TestDatabase InMemorySqlite()
    {
        var cs = $"Data Source=relief-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keepAlive = new SqliteConnection(cs);
        keepAlive.Open();
        return new TestDatabase("Sqlite", cs, keepAlive);
    }

    public static TestDatabase FileSqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "relief-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "relief.db");
        return new TestDatabase("Sqlite", $"Data Source={file}", file: file);
    }

    /// <summary>True when CI asked for the PostgreSQL suite: then a missing server is a failure, not a skip.</summary>
    public static bool PostgresRequired => Environment.GetEnvironmentVariable(RequirePostgresVariable) == "1";

    public static string? PostgresAdminConnection => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static async Task<TestDatabase> PostgresAsync()
    {
        var admin = PostgresAdminConnection
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set: PostgreSQL tests cannot run.");
        var name = "relief_t_" + Guid.NewGuid().ToString("N")[..20];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{name}\"";
            await cmd.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase("Postgres", builder.ConnectionString, postgresAdmin: admin, postgresName: name);
    }

    public static Task<TestDatabase> CreateAsync(string provider) => provider switch
    {
        "Sqlite" => Task.FromResult(InMemorySqlite()),
        "Postgres" => PostgresAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }
        if (_postgresAdmin is not null && _postgresName is not null)
        {
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on some platform: the temp folder is cleaned anyway.
            }
        }
    }
}

/// <summary>
/// The providers the data tests run on: SQLite always; PostgreSQL when RELIEF_TEST_POSTGRES is set.
/// When RELIEF_REQUIRE_POSTGRES=1 and it is not set, this throws, so the run fails loudly.
/// </summary>
public static class Databases
{
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { "Sqlite" };
            if (TestDatabase.PostgresAdminConnection is not null)
            {
                data.Add("Postgres");
            }
            else if (TestDatabase.PostgresRequired)
            {
                throw new InvalidOperationException(
                    $"{TestDatabase.RequirePostgresVariable}=1 but {TestDatabase.PostgresVariable} is empty: the PostgreSQL suite was required and cannot run.");
            }
            return data;
        }
    }
}

/// <summary>A fact that needs PostgreSQL: skipped with a visible reason on a machine without it, unless required.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresAdminConnection is null && !TestDatabase.PostgresRequired)
        {
            Skip = $"PostgreSQL tests skipped: set {TestDatabase.PostgresVariable} to a connection string (CI does; see .ci/run).";
        }
    }
}

using Npgsql;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Data;

/// <summary>
/// Says, as a skipped test with its reason, when the PostgreSQL half of the data tests is not running
/// here; in CI (RELIEF_REQUIRE_POSTGRES=1) a missing server fails instead.
/// </summary>
public sealed class PostgresServerTests
{
    [PostgresFact]
    public async Task Server_IsReachableAndRecentEnough()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresAdminConnection
            ?? throw new InvalidOperationException($"{TestDatabase.PostgresVariable} is required here but not set."));
        await connection.OpenAsync();

        Assert.True(connection.PostgreSqlVersion.Major >= 13, $"PostgreSQL {connection.PostgreSqlVersion} is older than 13");
    }
}

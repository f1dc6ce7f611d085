using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SciaticaRelief.Data;

/// <summary>
/// Sets the per-connection pragmas on every SQLite connection: synchronous=FULL so a commit the
/// user saw survives a power cut, foreign keys on, and a busy timeout for concurrent writers.
/// WAL is a property of the file, set once at start (<see cref="DatabaseStartup"/>).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Sql = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var cmd = connection.CreateCommand();
        await using (cmd.ConfigureAwait(false))
        {
            cmd.CommandText = Sql;
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SciaticaRelief.Data;
using SQLitePCL;

namespace SciaticaRelief.Benchmarks.Prototypes;

/// <summary>
/// A prototype of a change to src/SciaticaRelief.Data/SqlitePragmas.cs, measured by `ratio`:
/// the same pragmas, run once per native SQLite connection instead of on every open. EF opens and
/// closes the connection around every query, and a pooled SqliteConnection hands back the same
/// native handle, on which the pragmas are still set; so today a request with six queries runs the
/// three pragmas six times.
/// </summary>
public sealed class SqlitePragmasOncePerConnection : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<sqlite3, object> Done = [];
    private static readonly object Marker = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Handle(connection) is not { } handle)
        {
            return;
        }
        using var cmd = connection.CreateCommand();
        cmd.CommandText = SqlitePragmas.Sql;
        cmd.ExecuteNonQuery();
        Done.AddOrUpdate(handle, Marker);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Handle(connection) is not { } handle)
        {
            return;
        }
        var cmd = connection.CreateCommand();
        await using (cmd.ConfigureAwait(false))
        {
            cmd.CommandText = SqlitePragmas.Sql;
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        Done.AddOrUpdate(handle, Marker);
    }

    /// <summary>The native handle when its pragmas are not set yet; null when they are (or it is not SQLite).</summary>
    private static sqlite3? Handle(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && !Done.TryGetValue(handle, out _) ? handle : null;

    /// <summary>Swaps the app's SqlitePragmas for this one in a service collection that AddReliefData filled.</summary>
    public static void Use(IServiceCollection services, string connectionString)
    {
        services.RemoveAll<IDbContextOptionsConfiguration<SqliteReliefDbContext>>();
        services.ConfigureDbContext<SqliteReliefDbContext>(o => o
            .UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(ReliefDbContext).Assembly.FullName))
            .AddInterceptors(new SqlitePragmasOncePerConnection()));
    }
}

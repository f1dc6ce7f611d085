using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SciaticaRelief.Data;

/// <summary>
/// Lets `dotnet ef migrations add` build each provider's context through the same registration as
/// the app (<see cref="DataServices.AddReliefData"/>), so Identity's options, and so the model, match.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteReliefDbContext>
{
    public SqliteReliefDbContext CreateDbContext(string[] args) =>
        (SqliteReliefDbContext)DesignTime.Create(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresReliefDbContext>
{
    public PostgresReliefDbContext CreateDbContext(string[] args) =>
        (PostgresReliefDbContext)DesignTime.Create(DatabaseProvider.Postgres, "Host=localhost;Database=relief_design");
}

internal static class DesignTime
{
    public static ReliefDbContext Create(DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReliefData(configuration);
        return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<ReliefDbContext>();
    }
}

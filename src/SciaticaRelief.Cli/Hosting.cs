using System.CommandLine;
using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SciaticaRelief.Data;

namespace SciaticaRelief.Cli;

/// <summary>
/// The services a command runs with: the web app's configuration keys and data services, over a
/// database brought to the current schema first.
/// </summary>
internal static class Hosting
{
    /// <summary>
    /// Builds the services, migrates the database and runs <paramref name="work"/> in a scope.
    /// Expected failures (configuration, an unreachable or unwritable database) become one line
    /// on stderr and exit code 1; anything else is a bug and System.CommandLine prints it.
    /// </summary>
    public static async Task<int> RunAsync(CliContext context, ParseResult parsed, Func<IServiceProvider, Task<int>> work, CancellationToken ct)
    {
        try
        {
            var configuration = BuildConfiguration(context.Overrides, parsed.GetValue(context.DatabasePath), parsed.GetValue(context.ConnectionString));
            await using var services = BuildServices(configuration, context.Stderr);
            // ValidateOnStart is honoured by a host; a bare provider has to ask for it.
            services.GetService<IStartupValidator>()?.Validate();
            context.Stderr.WriteLine("Database: " + Describe(services.GetRequiredService<IOptions<DatabaseOptions>>().Value));
            await DatabaseStartup.MigrateAsync(services, services.GetRequiredService<ILoggerFactory>().CreateLogger("SciaticaRelief.Cli"), ct);
            await using var scope = services.CreateAsyncScope();
            return await work(scope.ServiceProvider);
        }
        catch (OptionsValidationException e)
        {
            return context.Fail("The configuration is not valid: " + string.Join(" ", e.Failures));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            return context.Fail("The configuration is not valid: " + string.Join(" ", e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)));
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return context.Fail(e.Message);
        }
    }

    /// <summary>
    /// The web app's keys, from (lowest first) appsettings.json and appsettings.{environment}.json
    /// beside the tool, environment variables (Database__SqlitePath...), the caller's overrides,
    /// then --database-path / --connection-string.
    /// </summary>
    public static IConfigurationRoot BuildConfiguration(IDictionary<string, string?>? overrides, string? databasePath, string? connectionString)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }
        var commandLine = new Dictionary<string, string?>();
        if (databasePath is not null)
        {
            commandLine["Database:Provider"] = nameof(DatabaseProvider.Sqlite);
            commandLine["Database:SqlitePath"] = Path.GetFullPath(databasePath);
            // A connection string from elsewhere would win over the path the operator just typed.
            commandLine["Database:ConnectionString"] = null;
        }
        if (connectionString is not null)
        {
            commandLine["Database:ConnectionString"] = connectionString;
        }
        return builder.AddInMemoryCollection(commandLine).Build();
    }

    public static ServiceProvider BuildServices(IConfiguration configuration, TextWriter stderr)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddProvider(new StderrLoggerProvider(stderr)));
        services.AddReliefData(configuration);
        // Password-reset tokens are made and spent within this process: keys need not outlive it,
        // and the tool writes none to disk or to the web app's key ring.
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Which database, for the operator; never a password.</summary>
    private static string Describe(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => DatabaseStartup.IsFile(options.ResolvedConnectionString)
            ? "SQLite at " + Path.GetFullPath(new SqliteConnectionStringBuilder(options.ResolvedConnectionString).DataSource)
            : "SQLite in memory",
        DatabaseProvider.Postgres => "PostgreSQL " + PostgresTarget(options.ResolvedConnectionString),
    };

    private static string PostgresTarget(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var host = builder.TryGetValue("Host", out var h) || builder.TryGetValue("Server", out h) ? h : "?";
        var database = builder.TryGetValue("Database", out var d) ? d : "?";
        return $"{database} on {host}";
    }
}

/// <summary>Warnings and errors to stderr, so stdout carries only a command's result.</summary>
internal sealed class StderrLoggerProvider(TextWriter stderr) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            stderr.WriteLine(line);
        }
    }

    private sealed class Logger(string category, StderrLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var level = logLevel >= LogLevel.Error ? "error" : "warning";
            owner.Write($"{level}: {formatter(state, exception)} [{category}]" + (exception is null ? "" : " " + exception.Message));
        }
    }
}

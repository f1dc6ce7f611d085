using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SciaticaRelief.Web.Startup;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Dashboard;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Profiles;
using SciaticaRelief.Web.Security;
using SciaticaRelief.Web.Triage;

namespace SciaticaRelief.Benchmarks;

/// <summary>
/// The app's services outside ASP.NET, registered as src/SciaticaRelief.Web/Startup/ReliefServices.cs
/// registers them, on a SQLite file: one Person, signed in through a fixed HttpContext whose
/// principal carries the claims the access-token handler would give (<see cref="ReliefClaims.For"/>).
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string Email = "bench@example.org";

    /// <summary>Long and unrelated words: PasswordRules accepts it.</summary>
    public const string Password = "quiet harbour lantern seventeen";

    private readonly FixedHttpContextAccessor _accessor;

    private BenchHost(ServiceProvider services, FixedHttpContextAccessor accessor, string databasePath, string? folder)
    {
        Services = services;
        _accessor = accessor;
        DatabasePath = databasePath;
        Folder = folder;
    }

    public ServiceProvider Services { get; }
    public string DatabasePath { get; }

    /// <summary>The temp folder this host made and deletes, or null for a caller's file.</summary>
    public string? Folder { get; }

    public string ConnectionString => $"Data Source={DatabasePath}";
    public Guid PersonId { get; private set; }
    public ReliefUser? Person { get; private set; }

    /// <summary>A fresh temp folder with an empty database file, migrated as the app migrates it at start.</summary>
    public static async Task<BenchHost> CreateInTempFolderAsync(Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "relief-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            return await CreateAsync(Path.Combine(folder, "relief.db"), folder, configure);
        }
        catch
        {
            // E.g. a migration missing while src/ is mid-change: leave no temp folder behind.
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public static async Task<BenchHost> CreateAsync(string databasePath, string? ownedFolder = null, Action<IServiceCollection>? configure = null, bool migrate = true)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:SqlitePath"] = databasePath,
            })
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        // Identity's token providers need data protection; the keys do not matter here.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();

        // As ReliefServices.AddRelief does, with a fixed HttpContext standing in for the request.
        var accessor = new FixedHttpContextAccessor();
        services.AddSingleton<IHttpContextAccessor>(accessor);
        services.AddScoped<CurrentPerson>();
        services.AddScoped<IOwnerScope>(sp => sp.GetRequiredService<CurrentPerson>());
        services.AddReliefData(configuration);
        services.AddReliefFeatures(configuration);
        configure?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        if (migrate)
        {
            await DatabaseStartup.MigrateAsync(provider, NullLogger.Instance);
        }
        return new BenchHost(provider, accessor, databasePath, ownedFolder);
    }

    /// <summary>Creates the Person through the app's AccountService and signs them in for every later scope.</summary>
    public async Task<ReliefUser> CreatePersonAsync(string timeZoneId = "Europe/London", CancellationToken ct = default)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var result = await accounts.CreatePersonAsync(Email, Password, administrator: true,
            new ProfileInput("GB", timeZoneId, 1980, HealthCondition.None), ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the Person: " + string.Join("; ", result.Errors));
        }
        SignIn(result.Value!);
        return Person!;
    }

    /// <summary>A second host on the same file and Person, its services changed by <paramref name="replace"/> (a prototype).</summary>
    public async Task<BenchHost> SiblingAsync(Action<IServiceCollection, string> replace)
    {
        ArgumentNullException.ThrowIfNull(replace);
        var sibling = await CreateAsync(DatabasePath, configure: s => replace(s, ConnectionString), migrate: false);
        sibling.SignIn(Person ?? throw new InvalidOperationException("Create the Person first."));
        return sibling;
    }

    /// <summary>Every later scope acts for <paramref name="person"/> (e.g. a second host on the same file).</summary>
    public void SignIn(ReliefUser person)
    {
        ArgumentNullException.ThrowIfNull(person);
        Person = person;
        PersonId = person.Id;
        _accessor.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(ReliefClaims.For(person), AccessTokenHandler.SchemeName)),
        };
    }

    /// <summary>Adds <paramref name="years"/> of history for the Person, in one transaction, through the app's DbContext.</summary>
    public async Task<int> SeedHistoryAsync(int years, int perDay, DateTime endUtc, CancellationToken ct = default)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReliefDbContext>();
        var profile = await db.Profiles.AsNoTracking().SingleAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var count = 0;
        foreach (var chunk in History.Generate(PersonId, profile.TimeZoneId, years, perDay, endUtc).Chunk(2000))
        {
            foreach (var (checkIn, assessment) in chunk)
            {
                db.CheckIns.Add(checkIn);
                db.TriageAssessments.Add(assessment);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            count += chunk.Length;
        }
        await tx.CommitAsync(ct);
        return count;
    }

    /// <summary>Folds the WAL back into the file, so a benchmark starts from a checkpointed database.</summary>
    public async Task CheckpointAsync(CancellationToken ct = default)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Folder is not null)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A reader still closing its file: the temp folder is left for the OS to clean.
            }
        }
    }

    /// <summary>The request's HttpContext, fixed for the whole run (not an AsyncLocal, which async setup would lose).</summary>
    private sealed class FixedHttpContextAccessor : IHttpContextAccessor
    {
        public HttpContext? HttpContext { get; set; }
    }
}

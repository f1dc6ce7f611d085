using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SciaticaRelief.Data.Accounts;

namespace SciaticaRelief.Data;

public static class DataServices
{
    /// <summary>
    /// Registers the DbContext for the configured provider, the account services and Identity's
    /// core (password rules and hashing), shared by the web app and the `relief` tool.
    /// </summary>
    public static IdentityBuilder AddReliefData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IOwnerScope>(_ => new FixedOwnerScope(null));

        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<ReliefDbContext, SqliteReliefDbContext>(o => ConfigureSqlite(o, options.ResolvedConnectionString));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<ReliefDbContext, PostgresReliefDbContext>(o => ConfigurePostgres(o, options.ResolvedConnectionString));
                break;
        }

        services.AddScoped<AccountService>();
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<AccountOptions>>((h, a) => h.IterationCount = a.Value.PasswordHashIterations);
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((o, a) =>
        {
            // NIST SP 800-63B: length, not composition; the common-password check is PasswordRules.
            o.Password.RequiredLength = PasswordRules.MinimumLength;
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
            o.Password.RequiredUniqueChars = 1;
            o.Lockout.AllowedForNewUsers = true;
            o.Lockout.MaxFailedAccessAttempts = a.Value.MaxFailedAttempts;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(a.Value.LockoutMinutes);
            o.User.RequireUniqueEmail = true;
            o.SignIn.RequireConfirmedAccount = false;
            o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            // Authenticator codes are checked by TotpCodes, which refuses a code used before.
            o.Tokens.AuthenticatorTokenProvider = TotpCodes.ProviderName;
        });
        return services.AddIdentityCore<ReliefUser>()
            .AddEntityFrameworkStores<ReliefDbContext>()
            .AddPasswordValidator<PasswordRules>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TotpCodes>(TotpCodes.ProviderName);
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(ReliefDbContext).Assembly.FullName))
            .AddInterceptors(new SqlitePragmas());
    }

    public static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.UseNpgsql(connectionString, s => s.MigrationsAssembly(typeof(ReliefDbContext).Assembly.FullName));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SciaticaRelief.Data;

namespace SciaticaRelief.Benchmarks.Prototypes;

/// <summary>
/// A prototype of DbContext pooling for src/SciaticaRelief.Data, measured by `ratio --prototypes`.
/// Today every request builds its DbContextOptions (scoped), a DbContext and EF's internal
/// services for it; `explain` shows ~60 KB and a few hundred microseconds before the first query.
/// Pooling needs a constructor that takes only the options, so the owner scope is set on each
/// lease instead of injected; the query filters read <see cref="ReliefDbContext.OwnerId"/> per query
/// either way. In src this would be a settable owner on ReliefDbContext (or its subclasses) and
/// AddPooledDbContextFactory in DataServices; here a subclass stands in for SqliteReliefDbContext.
/// </summary>
public sealed class PooledReliefDbContext : ReliefDbContext
{
    private readonly LeasedOwner _owner;

    public PooledReliefDbContext(DbContextOptions<PooledReliefDbContext> options)
        : this(options, new LeasedOwner())
    {
    }

    private PooledReliefDbContext(DbContextOptions<PooledReliefDbContext> options, LeasedOwner owner)
        : base(options, owner) => _owner = owner;

    /// <summary>Whose rows this lease may see: the request's owner scope.</summary>
    public IOwnerScope? Owner
    {
        get => _owner.Inner;
        set => _owner.Inner = value;
    }

    /// <summary>Registers pooled contexts as the scoped ReliefDbContext, replacing what AddReliefData registered.</summary>
    public static void Use(IServiceCollection services, string connectionString)
    {
        services.RemoveAll<ReliefDbContext>();
        services.RemoveAll<SqliteReliefDbContext>();
        services.RemoveAll<IDbContextOptionsConfiguration<SqliteReliefDbContext>>();
        services.AddPooledDbContextFactory<PooledReliefDbContext>(o => DataServices.ConfigureSqlite(o, connectionString));
        services.AddScoped<ReliefDbContext>(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<PooledReliefDbContext>>().CreateDbContext();
            db.Owner = sp.GetRequiredService<IOwnerScope>();
            return db;
        });
    }

    private sealed class LeasedOwner : IOwnerScope
    {
        public IOwnerScope? Inner { get; set; }
        public Guid? PersonId => Inner?.PersonId;
    }
}

/// <summary>
/// The smallest change of all, for comparison: AddDbContext with singleton options
/// (<c>optionsLifetime: ServiceLifetime.Singleton</c>), so a request no longer rebuilds them.
/// </summary>
public static class SingletonOptions
{
    public static void Use(IServiceCollection services, string connectionString)
    {
        services.RemoveAll<ReliefDbContext>();
        services.RemoveAll<SqliteReliefDbContext>();
        services.RemoveAll<DbContextOptions<SqliteReliefDbContext>>();
        services.RemoveAll<DbContextOptions>();
        services.RemoveAll<IDbContextOptionsConfiguration<SqliteReliefDbContext>>();
        services.AddDbContext<ReliefDbContext, SqliteReliefDbContext>(
            o => DataServices.ConfigureSqlite(o, connectionString), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
    }
}

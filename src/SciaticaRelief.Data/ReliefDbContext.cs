using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Data.Accounts;

namespace SciaticaRelief.Data;

/// <summary>
/// The one model of the app. Each provider has its own subclass so each has its own migrations
/// (<see cref="SqliteReliefDbContext"/>, <see cref="PostgresReliefDbContext"/>).
/// </summary>
public abstract class ReliefDbContext(DbContextOptions options, IOwnerScope owner)
    : IdentityDbContext<ReliefUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The owner the health query filters scope to; EF reads it per query.</summary>
    public Guid? OwnerId => owner.PersonId;

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<SetupSecret> SetupSecrets => Set<SetupSecret>();
    public DbSet<InstallSettings> InstallSettings => Set<InstallSettings>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<TriageAssessment> TriageAssessments => Set<TriageAssessment>();
    public DbSet<ClinicianReview> ClinicianReviews => Set<ClinicianReview>();

    /// <summary>Entity types outside the Person-key rule: accounts, install settings, keys (STYLE.md).</summary>
    public static IReadOnlySet<Type> NonHealthEntities { get; } = new HashSet<Type>
    {
        typeof(ReliefUser), typeof(IdentityRole<Guid>), typeof(IdentityUserClaim<Guid>), typeof(IdentityUserLogin<Guid>),
        typeof(IdentityUserToken<Guid>), typeof(IdentityUserRole<Guid>), typeof(IdentityRoleClaim<Guid>),
        typeof(IdentityUserPasskey<Guid>),
        typeof(DataProtectionKey), typeof(AccessToken), typeof(SetupSecret), typeof(InstallSettings),
    };

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every DateTime is UTC: SQLite hands back Unspecified and Npgsql refuses anything but UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        builder.Entity<AccessToken>(b =>
        {
            b.HasKey(t => t.Id);
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasIndex(t => t.UserId);
            b.Property(t => t.Name).HasMaxLength(100);
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.Property(t => t.Prefix).HasMaxLength(16);
            b.HasOne<ReliefUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SetupSecret>(b => b.Property(s => s.SecretHash).HasMaxLength(64));
        builder.Entity<InstallSettings>(b => b.Property(s => s.Version).IsConcurrencyToken());

        builder.Entity<IdempotencyRecord>(b =>
        {
            b.HasKey(r => new { r.PersonId, r.Key });
            b.Property(r => r.Key).HasMaxLength(200);
            b.Property(r => r.RequestHash).HasMaxLength(64);
            b.Property(r => r.ResourceType).HasMaxLength(40);
            b.HasQueryFilter(r => r.PersonId == OwnerId);
        });

        builder.Entity<Profile>(b =>
        {
            b.HasKey(p => p.PersonId);
            b.Property(p => p.RegionCode).HasMaxLength(8);
            b.Property(p => p.TimeZoneId).HasMaxLength(64);
            b.Property(p => p.Version).IsConcurrencyToken();
            b.HasOne<ReliefUser>().WithOne().HasForeignKey<Profile>(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
            b.HasQueryFilter(p => p.PersonId == OwnerId);
        });

        builder.Entity<CheckIn>(b =>
        {
            b.HasKey(c => new { c.PersonId, c.Id });
            b.HasIndex(c => new { c.PersonId, c.OccurredAtUtc });
            b.Property(c => c.TimeZoneId).HasMaxLength(64);
            b.Property(c => c.Notes).HasMaxLength(Core.Validation.TextRules.NotesMaxLength);
            b.Property(c => c.Version).IsConcurrencyToken();
            b.HasQueryFilter(c => c.PersonId == OwnerId);
        });

        builder.Entity<TriageAssessment>(b =>
        {
            b.HasKey(a => new { a.PersonId, a.Id });
            b.HasIndex(a => new { a.PersonId, a.AssessedAtUtc });
            b.HasIndex(a => new { a.PersonId, a.CheckInId });
            b.Property(a => a.FiredRules).HasMaxLength(400);
            b.Ignore(a => a.FiredRuleIds);
            b.Property(a => a.Answers).HasConversion(new AnswersConverter(), AnswersConverter.Comparer).HasMaxLength(2000);
            // The Person's id is part of the foreign key, as it must be for a distributed (Citus) table.
            b.HasOne<CheckIn>().WithMany()
                .HasForeignKey(a => new { a.PersonId, a.CheckInId })
                .HasPrincipalKey(c => new { c.PersonId, c.Id })
                .OnDelete(DeleteBehavior.Cascade);
            b.HasQueryFilter(a => a.PersonId == OwnerId);
        });

        builder.Entity<ClinicianReview>(b =>
        {
            b.HasKey(r => new { r.PersonId, r.Id });
            b.Property(r => r.Note).HasMaxLength(1000);
            b.HasQueryFilter(r => r.PersonId == OwnerId);
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class AnswersConverter() : ValueConverter<Dictionary<string, Answer>, string>(
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
        v => JsonSerializer.Deserialize<Dictionary<string, Answer>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, Answer>())
    {
        public static readonly ValueComparer<Dictionary<string, Answer>> Comparer = new(
            (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
            v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
            v => new Dictionary<string, Answer>(v));
    }
}

public sealed class SqliteReliefDbContext(DbContextOptions<SqliteReliefDbContext> options, IOwnerScope owner)
    : ReliefDbContext(options, owner);

public sealed class PostgresReliefDbContext(DbContextOptions<PostgresReliefDbContext> options, IOwnerScope owner)
    : ReliefDbContext(options, owner);

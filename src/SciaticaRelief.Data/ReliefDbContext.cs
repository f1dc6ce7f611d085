using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SciaticaRelief.Core.Clinical;
using SciaticaRelief.Core.Interop.Imports;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Questionnaires;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Core.Treatments;
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

    /// <summary>The signed-in Therapist, the owner of their session notes; EF reads it per query.</summary>
    public Guid? TherapistOwnerId => owner.TherapistId;

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<SetupSecret> SetupSecrets => Set<SetupSecret>();
    public DbSet<InstallSettings> InstallSettings => Set<InstallSettings>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<FeedToken> FeedTokens => Set<FeedToken>();
    public DbSet<TherapistInvite> TherapistInvites => Set<TherapistInvite>();

    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<TriageAssessment> TriageAssessments => Set<TriageAssessment>();
    public DbSet<ClinicianReview> ClinicianReviews => Set<ClinicianReview>();
    public DbSet<Treatment> Treatments => Set<Treatment>();
    public DbSet<TreatmentFollowUp> TreatmentFollowUps => Set<TreatmentFollowUp>();
    public DbSet<EarSeedApplication> EarSeedApplications => Set<EarSeedApplication>();
    public DbSet<QuestionnaireResponse> QuestionnaireResponses => Set<QuestionnaireResponse>();
    public DbSet<QuestionnaireSchedule> QuestionnaireSchedules => Set<QuestionnaireSchedule>();
    public DbSet<SavedPlanItem> PlanItems => Set<SavedPlanItem>();
    public DbSet<PlanCompletion> PlanCompletions => Set<PlanCompletion>();
    public DbSet<Grant> Grants => Set<Grant>();
    public DbSet<GrantInvite> GrantInvites => Set<GrantInvite>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Intake> Intakes => Set<Intake>();
    public DbSet<SessionNote> SessionNotes => Set<SessionNote>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportedRecord> ImportedRecords => Set<ImportedRecord>();

    /// <summary>Entity types outside the Person-key rule: accounts, install settings, keys (STYLE.md).</summary>
    public static IReadOnlySet<Type> NonHealthEntities { get; } = new HashSet<Type>
    {
        typeof(ReliefUser), typeof(IdentityRole<Guid>), typeof(IdentityUserClaim<Guid>), typeof(IdentityUserLogin<Guid>),
        typeof(IdentityUserToken<Guid>), typeof(IdentityUserRole<Guid>), typeof(IdentityRoleClaim<Guid>),
        typeof(IdentityUserPasskey<Guid>),
        typeof(DataProtectionKey), typeof(AccessToken), typeof(SetupSecret), typeof(InstallSettings),
        typeof(FeedToken), typeof(TherapistInvite),
    };

    /// <summary>
    /// Person-keyed rows that no derived view (dashboard, insights, plan) reads, so saving them does
    /// not bump <see cref="Profile.DataVersion"/>: a Therapist's read writes an audit event, and that
    /// must not make the client's dashboard recompute.
    /// </summary>
    private static readonly HashSet<Type> NotInDerivedViews = new()
    {
        typeof(IdempotencyRecord), typeof(AuditEvent), typeof(Grant), typeof(GrantInvite), typeof(Intake), typeof(SessionNote),
        typeof(ImportBatch), typeof(ImportedRecord),
    };

    /// <summary>
    /// Saves, and in the same transaction bumps the <see cref="Profile.DataVersion"/> of every Person
    /// whose health rows changed, so views derived from them know at one read whether to recompute.
    /// Bulk ExecuteUpdate/ExecuteDelete bypass this: use them on health tables only with a bump.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The local day is derived from the instant and the zone: stamped here so no writer can store a stale or missing one.
        foreach (var entry in ChangeTracker.Entries<CheckIn>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Entity.StampLocalDate();
        }
        var people = ChangedPeople();
        if (people.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var strategy = Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            var own = Database.CurrentTransaction is null;
            var tx = own ? await Database.BeginTransactionAsync(ct) : null;
            try
            {
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
                await Profiles.IgnoreQueryFilters().Where(p => people.Contains(p.PersonId))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.DataVersion, p => p.DataVersion + 1), ct);
                if (tx is not null)
                {
                    await tx.CommitAsync(ct);
                }
                return saved;
            }
            finally
            {
                if (tx is not null)
                {
                    await tx.DisposeAsync();
                }
            }
        }, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    private List<Guid> ChangedPeople() =>
        [.. ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && !NonHealthEntities.Contains(e.Metadata.ClrType) && !NotInDerivedViews.Contains(e.Metadata.ClrType)
                && e.Metadata.FindProperty("PersonId") is not null
                && !(e.Entity is Profile && e.State == EntityState.Added))
            .Select(e => (Guid)e.Property("PersonId").CurrentValue!)
            .Distinct()];

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
        builder.Entity<ReliefUser>(b => b.Property(u => u.DisplayName).HasMaxLength(100));
        builder.Entity<FeedToken>(b =>
        {
            b.HasKey(t => t.Id);
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasIndex(t => t.PersonId);
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.HasOne<ReliefUser>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<TherapistInvite>(b =>
        {
            b.HasKey(i => i.Id);
            b.HasIndex(i => i.CodeHash).IsUnique();
            b.Property(i => i.CodeHash).HasMaxLength(64);
            b.Property(i => i.Email).HasMaxLength(256);
        });
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
            b.Property(p => p.Preferences).HasConversion(new JsonColumn<CarePreferences?>(), JsonColumn<CarePreferences?>.Comparer).HasMaxLength(400);
            b.HasOne<ReliefUser>().WithOne().HasForeignKey<Profile>(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
            b.HasQueryFilter(p => p.PersonId == OwnerId);
        });

        builder.Entity<CheckIn>(b =>
        {
            b.HasKey(c => new { c.PersonId, c.Id });
            b.HasIndex(c => new { c.PersonId, c.OccurredAtUtc });
            // Covering index for the daily series: GROUP BY LocalDate reads only the index.
            b.HasIndex(c => new { c.PersonId, c.LocalDate, c.PainNow, c.Radiation });
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
            b.Property(a => a.Answers).HasConversion(new JsonColumn<Dictionary<string, Answer>>(), JsonColumn<Dictionary<string, Answer>>.Comparer).HasMaxLength(2000);
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

        builder.Entity<EarSeedApplication>(b =>
        {
            b.HasKey(a => new { a.PersonId, a.Id });
            b.HasIndex(a => new { a.PersonId, a.AppliedAtUtc });
            b.Property(a => a.Points).HasConversion(new JsonColumn<List<string>>(), JsonColumn<List<string>>.Comparer).HasMaxLength(1000);
            b.Property(a => a.TimeZoneId).HasMaxLength(64);
            b.Property(a => a.Notes).HasMaxLength(Core.Validation.TextRules.NotesMaxLength);
            b.Property(a => a.Version).IsConcurrencyToken();
            b.HasQueryFilter(a => a.PersonId == OwnerId);
        });

        builder.Entity<Treatment>(b =>
        {
            b.HasKey(t => new { t.PersonId, t.Id });
            b.HasIndex(t => new { t.PersonId, t.StartedAtUtc });
            b.HasIndex(t => new { t.PersonId, t.ModalityId, t.StartedAtUtc });
            b.Property(t => t.ModalityId).HasMaxLength(64);
            b.Property(t => t.TimeZoneId).HasMaxLength(64);
            b.Property(t => t.Therapist).HasMaxLength(100);
            b.Property(t => t.Notes).HasMaxLength(Core.Validation.TextRules.NotesMaxLength);
            b.Property(t => t.Doses).HasConversion(new JsonColumn<List<MedicineDose>>(), JsonColumn<List<MedicineDose>>.Comparer).HasMaxLength(4000);
            b.Property(t => t.Points).HasConversion(new JsonColumn<List<PointPressed>>(), JsonColumn<List<PointPressed>>.Comparer).HasMaxLength(4000);
            // No length limit: every reason of every condition of the Person, with its source.
            b.Property(t => t.SafetyWarnings).HasConversion(new JsonColumn<List<TreatmentWarning>>(), JsonColumn<List<TreatmentWarning>>.Comparer);
            b.Property(t => t.Version).IsConcurrencyToken();
            b.HasOne<EarSeedApplication>().WithMany()
                .HasForeignKey(t => new { t.PersonId, t.EarSeedApplicationId })
                .HasPrincipalKey(a => new { a.PersonId, a.Id })
                .OnDelete(DeleteBehavior.Cascade);
            b.HasQueryFilter(t => t.PersonId == OwnerId);
        });

        builder.Entity<TreatmentFollowUp>(b =>
        {
            b.HasKey(f => new { f.PersonId, f.Id });
            b.HasIndex(f => new { f.PersonId, f.TreatmentId, f.HoursAfter }).IsUnique();
            b.Property(f => f.Notes).HasMaxLength(1000);
            b.HasOne<Treatment>().WithMany()
                .HasForeignKey(f => new { f.PersonId, f.TreatmentId })
                .HasPrincipalKey(t => new { t.PersonId, t.Id })
                .OnDelete(DeleteBehavior.Cascade);
            b.HasQueryFilter(f => f.PersonId == OwnerId);
        });

        builder.Entity<QuestionnaireResponse>(b =>
        {
            b.HasKey(r => new { r.PersonId, r.Id });
            b.HasIndex(r => new { r.PersonId, r.InstrumentId, r.AuthoredAtUtc });
            b.Property(r => r.InstrumentId).HasMaxLength(64);
            b.Property(r => r.InstrumentVersion).HasMaxLength(32);
            b.Property(r => r.TimeZoneId).HasMaxLength(64);
            b.Property(r => r.Band).HasMaxLength(64);
            b.Property(r => r.Answers).HasConversion(new JsonColumn<List<ResponseAnswer>>(), JsonColumn<List<ResponseAnswer>>.Comparer).HasMaxLength(8000);
            b.Property(r => r.Subscores).HasConversion(new JsonColumn<Dictionary<string, decimal>>(), JsonColumn<Dictionary<string, decimal>>.Comparer).HasMaxLength(1000);
            b.Property(r => r.Version).IsConcurrencyToken();
            b.HasQueryFilter(r => r.PersonId == OwnerId);
        });

        builder.Entity<QuestionnaireSchedule>(b =>
        {
            b.HasKey(s => new { s.PersonId, s.Id });
            b.HasIndex(s => new { s.PersonId, s.InstrumentId }).IsUnique();
            b.Property(s => s.InstrumentId).HasMaxLength(64);
            b.Property(s => s.Version).IsConcurrencyToken();
            b.HasQueryFilter(s => s.PersonId == OwnerId);
        });

        builder.Entity<SavedPlanItem>(b =>
        {
            b.HasKey(i => new { i.PersonId, i.Id });
            b.Property(i => i.Title).HasMaxLength(PlanItemValidator.TitleMaxLength);
            b.Property(i => i.Place).HasMaxLength(PlanItemValidator.PlaceMaxLength);
            b.Property(i => i.TherapistName).HasMaxLength(PlanItemValidator.TherapistMaxLength);
            b.Property(i => i.ModalityId).HasMaxLength(64);
            b.Property(i => i.ZoneId).HasMaxLength(64);
            b.Property(i => i.Instructions).HasMaxLength(1000);
            b.Property(i => i.Points).HasConversion(new JsonColumn<List<string>>(), JsonColumn<List<string>>.Comparer).HasMaxLength(1000);
            b.Property(i => i.Precautions).HasConversion(new JsonColumn<List<Core.Recommendations.Precaution>>(), JsonColumn<List<Core.Recommendations.Precaution>>.Comparer);
            b.Property(i => i.Version).IsConcurrencyToken();
            b.HasQueryFilter(i => i.PersonId == OwnerId);
        });

        builder.Entity<PlanCompletion>(b =>
        {
            b.HasKey(c => new { c.PersonId, c.Id });
            b.HasIndex(c => new { c.PersonId, c.PlanItemId, c.OccurrenceDate }).IsUnique();
            b.HasOne<SavedPlanItem>().WithMany()
                .HasForeignKey(c => new { c.PersonId, c.PlanItemId })
                .HasPrincipalKey(i => new { i.PersonId, i.Id })
                .OnDelete(DeleteBehavior.Cascade);
            b.HasQueryFilter(c => c.PersonId == OwnerId);
        });

        builder.Entity<Grant>(b =>
        {
            b.HasKey(g => new { g.PersonId, g.Id });
            // A Therapist's client list: the one lookup by Therapist (STYLE.md's exception to the key rule).
            b.HasIndex(g => new { g.TherapistId, g.PersonId });
            b.HasOne<ReliefUser>().WithMany().HasForeignKey(g => g.TherapistId).OnDelete(DeleteBehavior.Cascade);
            b.HasQueryFilter(g => g.PersonId == OwnerId);
        });

        builder.Entity<GrantInvite>(b =>
        {
            b.HasKey(i => new { i.PersonId, i.Id });
            b.HasIndex(i => i.CodeHash).IsUnique();
            b.Property(i => i.CodeHash).HasMaxLength(64);
            b.HasQueryFilter(i => i.PersonId == OwnerId);
        });

        builder.Entity<AuditEvent>(b =>
        {
            b.HasKey(e => new { e.PersonId, e.Sequence });
            b.Property(e => e.Sequence).ValueGeneratedNever();
            b.Property(e => e.ActorKind).HasMaxLength(20);
            b.Property(e => e.ActorName).HasMaxLength(256);
            b.Property(e => e.Action).HasMaxLength(20);
            b.Property(e => e.Resource).HasMaxLength(120);
            b.Property(e => e.Outcome).HasMaxLength(20);
            b.Property(e => e.PreviousHash).HasMaxLength(64);
            b.Property(e => e.Hash).HasMaxLength(64);
            b.HasQueryFilter(e => e.PersonId == OwnerId);
        });

        builder.Entity<Intake>(b =>
        {
            b.HasKey(i => new { i.PersonId, i.Id });
            b.HasIndex(i => new { i.PersonId, i.TherapistId });
            b.Property(i => i.History).HasMaxLength(4000);
            b.Property(i => i.Contraindications).HasMaxLength(2000);
            b.Property(i => i.Medications).HasMaxLength(1000);
            b.Property(i => i.Version).IsConcurrencyToken();
            b.HasQueryFilter(i => i.PersonId == OwnerId);
        });

        builder.Entity<SessionNote>(b =>
        {
            b.HasKey(n => new { n.PersonId, n.Id });
            b.HasIndex(n => new { n.TherapistId, n.PersonId, n.SessionDate });
            b.Property(n => n.Subjective).HasMaxLength(4000);
            b.Property(n => n.Objective).HasMaxLength(4000);
            b.Property(n => n.Assessment).HasMaxLength(4000);
            b.Property(n => n.Plan).HasMaxLength(4000);
            b.Property(n => n.SignedBy).HasMaxLength(100);
            b.Property(n => n.AmendmentReason).HasMaxLength(500);
            b.Property(n => n.Areas).HasConversion(new JsonColumn<List<string>>(), JsonColumn<List<string>>.Comparer).HasMaxLength(1000);
            b.Property(n => n.Techniques).HasConversion(new JsonColumn<List<string>>(), JsonColumn<List<string>>.Comparer).HasMaxLength(1000);
            b.Property(n => n.SafetyWarnings).HasConversion(new JsonColumn<List<TreatmentWarning>>(), JsonColumn<List<TreatmentWarning>>.Comparer);
            // The Therapist's own records: visible to their author, with or without a live Grant.
            b.HasQueryFilter(n => n.TherapistId == TherapistOwnerId);
        });

        builder.Entity<ImportBatch>(b =>
        {
            b.HasKey(i => new { i.PersonId, i.Id });
            b.HasIndex(i => new { i.PersonId, i.ImportedAtUtc });
            b.Property(i => i.Format).HasMaxLength(40);
            b.Property(i => i.FileName).HasMaxLength(200);
            b.Property(i => i.SkipSummary).HasMaxLength(4000);
            b.HasQueryFilter(i => i.PersonId == OwnerId);
        });

        builder.Entity<ImportedRecord>(b =>
        {
            // The key is the dedupe test: a re-import's row with the same source key is skipped.
            b.HasKey(r => new { r.PersonId, r.SourceKey });
            b.Property(r => r.SourceKey).HasMaxLength(SourceKeys.Length);
            b.Property(r => r.TargetType).HasMaxLength(40);
            b.Property(r => r.Original).HasMaxLength(1000);
            b.HasOne<ImportBatch>().WithMany()
                .HasForeignKey(r => new { r.PersonId, r.BatchId })
                .HasPrincipalKey(i => new { i.PersonId, i.Id })
                .OnDelete(DeleteBehavior.Cascade);
            b.HasQueryFilter(r => r.PersonId == OwnerId);
        });
    }

    /// <summary>A small value stored as JSON text in one column (a list of doses, the answers of a response).</summary>
    private sealed class JsonColumn<T>() : ValueConverter<T, string>(
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
        v => JsonSerializer.Deserialize<T>(v, (JsonSerializerOptions?)null)!)
        where T : class?
    {
        public static readonly ValueComparer<T> Comparer = new(
            (a, b) => JsonSerializer.Serialize(a, (JsonSerializerOptions?)null) == JsonSerializer.Serialize(b, (JsonSerializerOptions?)null),
            v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, (JsonSerializerOptions?)null), (JsonSerializerOptions?)null)!);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteReliefDbContext(DbContextOptions<SqliteReliefDbContext> options, IOwnerScope owner)
    : ReliefDbContext(options, owner);

public sealed class PostgresReliefDbContext(DbContextOptions<PostgresReliefDbContext> options, IOwnerScope owner)
    : ReliefDbContext(options, owner);

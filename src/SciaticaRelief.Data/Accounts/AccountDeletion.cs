using System.Data.Common;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using SciaticaRelief.Core.Clinical;
using SciaticaRelief.Core.Sharing;

namespace SciaticaRelief.Data.Accounts;

/// <summary>Why a deletion was refused, or that it happened.</summary>
public enum DeletionStatus
{
    Deleted,
    WrongPassword,
    WrongConfirmation,
    NotAPerson,
    LastAdministrator,
    NotFound,
}

/// <summary>
/// Deletes a Person's account and everything it owns (docs/decisions/0011-deleting-an-account.md):
/// in one transaction every row of every entity with a PersonId (read from the EF model, so a
/// table added later is not forgotten), the account's tokens, invites and Identity rows; the
/// Person's audit log and the session notes Therapists wrote move to a random pseudonymous id, the
/// log re-chained under it. On SQLite the freed pages are overwritten (secure_delete) and the file
/// is vacuumed afterwards, so the text is gone from the file too.
/// </summary>
public sealed class AccountDeletion(ReliefDbContext db, UserManager<ReliefUser> users, ILogger<AccountDeletion> logger)
{
    /// <summary>What the Person types to confirm (English; the page shows it as it must be typed).</summary>
    public const string ConfirmationPhrase = "delete my account";

    /// <summary>Entities that outlive the Person under the pseudonymous id instead of being deleted.</summary>
    private static readonly HashSet<Type> Pseudonymised = [typeof(AuditEvent), typeof(SessionNote)];

    public static bool PhraseMatches(string? typed) =>
        string.Equals(typed?.Trim(), ConfirmationPhrase, StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the password and the phrase, then deletes. Nothing changes unless it answers <see cref="DeletionStatus.Deleted"/>.</summary>
    public async Task<DeletionStatus> DeleteAsync(Guid personId, string? password, string? confirmation, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(personId.ToString("D"));
        if (user is null)
        {
            return DeletionStatus.NotFound;
        }
        if (user.Kind != AccountKind.Person)
        {
            return DeletionStatus.NotAPerson;
        }
        // Wrong passwords count towards the lockout, as at sign-in: a stolen session or token
        // cannot be used to guess the password here.
        if (await users.IsLockedOutAsync(user))
        {
            return DeletionStatus.WrongPassword;
        }
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return DeletionStatus.WrongPassword;
        }
        if (!PhraseMatches(confirmation))
        {
            return DeletionStatus.WrongConfirmation;
        }
        if (user.IsAdministrator && !await db.Users.AnyAsync(u => u.IsAdministrator && u.Id != personId, ct))
        {
            return DeletionStatus.LastAdministrator;
        }
        await DeleteEverythingAsync(personId, ct);
        return DeletionStatus.Deleted;
    }

    /// <summary>Deletes without the checks: for the caller that has made them (and for the operator's tool).</summary>
    public async Task DeleteEverythingAsync(Guid personId, CancellationToken ct = default)
    {
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (sqlite)
            {
                // Per connection, and before the deleting transaction: freed pages are zeroed, not left readable.
                await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete=ON;", ct);
            }
            var pseudonym = Guid.NewGuid();
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await PseudonymiseAuditAsync(personId, pseudonym, ct);
                await db.SessionNotes.IgnoreQueryFilters().Where(n => n.PersonId == personId)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.PersonId, pseudonym), ct);
                foreach (var entity in PersonKeyedInDeleteOrder(db.Model))
                {
                    await DeleteWhereAsync(entity.ClrType, "PersonId", personId, ct);
                }
                foreach (var entity in db.Model.GetEntityTypes().Where(e => e.FindProperty("UserId") is { ClrType: var t } && t == typeof(Guid)))
                {
                    await DeleteWhereAsync(entity.ClrType, "UserId", personId, ct);
                }
                // An administrator's invites name them as their maker.
                await db.TherapistInvites.Where(i => i.CreatedBy == personId || i.UsedBy == personId).ExecuteDeleteAsync(ct);
                await db.Users.Where(u => u.Id == personId).ExecuteDeleteAsync(ct);
                await tx.CommitAsync(ct);
            });
            db.ChangeTracker.Clear();
            if (sqlite && DatabaseStartup.IsFile(db.Database.GetConnectionString() ?? ""))
            {
                await VacuumAsync(db.Database.GetDbConnection(), ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        logger.LogInformation("An account was deleted.");
    }

    /// <summary>
    /// Every entity with a PersonId except the pseudonymised ones, dependents before their principals
    /// (bulk deletes do not cascade on the client, and a restricting foreign key would refuse).
    /// </summary>
    public static IReadOnlyList<IEntityType> PersonKeyedInDeleteOrder(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var left = model.GetEntityTypes()
            .Where(e => e.FindProperty("PersonId") is not null && !Pseudonymised.Contains(e.ClrType) && !e.IsOwned())
            .ToList();
        var order = new List<IEntityType>();
        while (left.Count > 0)
        {
            // A type goes when no other type still left points at it.
            var next = left.FirstOrDefault(e => !left.Any(d => d != e && d.GetForeignKeys().Any(fk => fk.PrincipalEntityType == e)))
                ?? left[0];
            order.Add(next);
            left.Remove(next);
        }
        return order;
    }

    private static readonly MethodInfo DeleteWhereMethod =
        typeof(AccountDeletion).GetMethod(nameof(DeleteWhereCoreAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private Task<int> DeleteWhereAsync(Type clrType, string property, Guid id, CancellationToken ct) =>
        (Task<int>)DeleteWhereMethod.MakeGenericMethod(clrType).Invoke(this, [property, id, ct])!;

    private Task<int> DeleteWhereCoreAsync<T>(string property, Guid id, CancellationToken ct) where T : class =>
        db.Set<T>().IgnoreQueryFilters().Where(e => EF.Property<Guid>(e, property) == id).ExecuteDeleteAsync(ct);

    /// <summary>
    /// Moves the Person's audit chain, and the events where they were the actor (an administrator's
    /// reads of other people's data), to the pseudonym, and re-links each touched chain, since the
    /// hash covers both ids. The chain was verified before; the new one verifies afterwards.
    /// </summary>
    private async Task PseudonymiseAuditAsync(Guid personId, Guid pseudonym, CancellationToken ct)
    {
        var chains = await db.AuditEvents.IgnoreQueryFilters()
            .Where(e => e.PersonId == personId || e.ActorId == personId)
            .Select(e => e.PersonId).Distinct().ToListAsync(ct);
        foreach (var chainOwner in chains)
        {
            var events = await db.AuditEvents.IgnoreQueryFilters().Where(e => e.PersonId == chainOwner)
                .OrderBy(e => e.Sequence).ToListAsync(ct);
            db.AuditEvents.RemoveRange(events);
            await db.SaveChangesAsync(ct);
            AuditEvent? previous = null;
            foreach (var e in events)
            {
                var copy = new AuditEvent
                {
                    PersonId = chainOwner == personId ? pseudonym : chainOwner,
                    AtUtc = e.AtUtc,
                    ActorId = e.ActorId == personId ? pseudonym : e.ActorId,
                    ActorKind = e.ActorKind,
                    ActorName = e.ActorId == personId ? "deleted account" : e.ActorName,
                    Action = e.Action,
                    Resource = e.Resource.Replace(personId.ToString("D"), pseudonym.ToString("D"), StringComparison.OrdinalIgnoreCase),
                    Outcome = e.Outcome,
                };
                previous = AuditChain.Link(previous, copy);
                db.AuditEvents.Add(copy);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static async Task VacuumAsync(DbConnection connection, CancellationToken ct)
    {
        // Outside any transaction: VACUUM rewrites the file without the freed pages; the checkpoint
        // empties the write-ahead log, which held the deleted rows' pages until now.
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

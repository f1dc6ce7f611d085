using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Data.Accounts;

/// <summary>The outcome of an account operation: success with a value, or the messages that say why not.</summary>
public sealed record AccountResult<T>(T? Value, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static AccountResult<T> Ok(T value) => new(value, []);
    public static AccountResult<T> Fail(params string[] errors) => new(default, errors);
}

/// <summary>
/// Account operations shared by the web app and `relief admin`: creating Persons, resetting
/// passwords, personal access tokens and the one-time setup secret.
/// </summary>
public sealed class AccountService(UserManager<ReliefUser> users, ReliefDbContext db, TimeProvider clock)
{
    public const string TokenPrefix = "srpat_";
    public const string SetupPrefix = "setup_";

    public Task<bool> AnyAccountAsync(CancellationToken ct = default) => db.Users.AnyAsync(ct);

    /// <summary>Creates a Person account with its Profile, in one transaction.</summary>
    public Task<AccountResult<ReliefUser>> CreatePersonAsync(
        string email, string password, bool administrator, ProfileInput? profile = null, CancellationToken ct = default) =>
        InTransactionAsync(() => CreatePersonCoreAsync(email, password, administrator, profile, ct), ct);

    private async Task<AccountResult<ReliefUser>> InTransactionAsync(Func<Task<AccountResult<ReliefUser>>> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await work();
            if (result.Succeeded)
            {
                await tx.CommitAsync(ct);
            }
            else
            {
                db.ChangeTracker.Clear();
            }
            return result;
        });
    }

    private async Task<AccountResult<ReliefUser>> CreatePersonCoreAsync(
        string email, string password, bool administrator, ProfileInput? profile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        email = email.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        if (profile is not null)
        {
            var errors = ProfileValidator.Validate(profile, clock.GetUtcNow().Year);
            if (!errors.IsEmpty)
            {
                return AccountResult<ReliefUser>.Fail([.. errors.All]);
            }
        }
        var user = new ReliefUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            Kind = AccountKind.Person,
            IsAdministrator = administrator,
            CreatedAtUtc = now,
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return AccountResult<ReliefUser>.Fail([.. result.Errors.Select(e => e.Description)]);
        }
        db.Profiles.Add(new Profile
        {
            PersonId = user.Id,
            RegionCode = Regions.GetOrOther(profile?.RegionCode).Code,
            TimeZoneId = profile?.TimeZoneId ?? "UTC",
            BirthYear = profile?.BirthYear,
            Conditions = profile?.Conditions ?? HealthCondition.None,
            UpdatedAtUtc = now,
            Version = 1,
        });
        await db.SaveChangesAsync(ct);
        return AccountResult<ReliefUser>.Ok(user);
    }

    public async Task<AccountResult<ReliefUser>> ResetPasswordAsync(string email, string password, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return AccountResult<ReliefUser>.Fail($"No account has the email {email}.");
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return AccountResult<ReliefUser>.Fail([.. result.Errors.Select(e => e.Description)]);
        }
        // A reset also lifts a lockout: the operator vouches for the account.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return AccountResult<ReliefUser>.Ok(user);
    }

    /// <summary>Creates a personal access token; the text is returned once and only its hash is stored.</summary>
    public async Task<(AccessToken Token, string Secret)> CreateTokenAsync(Guid userId, string name, CancellationToken ct = default)
    {
        var secret = Secrets.New(TokenPrefix);
        var token = new AccessToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim()[..Math.Min(name.Trim().Length, 100)],
            TokenHash = Secrets.Hash(secret),
            Prefix = secret[..(TokenPrefix.Length + 4)],
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    public async Task<bool> RevokeTokenAsync(Guid userId, Guid tokenId, CancellationToken ct = default)
    {
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null || token.RevokedAtUtc is not null)
        {
            return false;
        }
        token.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<List<AccessToken>> ListTokensAsync(Guid userId, CancellationToken ct = default) =>
        db.AccessTokens.Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAtUtc).ToListAsync(ct);

    /// <summary>
    /// On an empty install, makes a new setup secret (replacing any earlier one) and returns it;
    /// otherwise null. Only the hash is stored, so every instance can check it.
    /// </summary>
    public async Task<string?> NewSetupSecretIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct))
        {
            await db.SetupSecrets.ExecuteDeleteAsync(ct);
            return null;
        }
        var secret = Secrets.New(SetupPrefix);
        await db.SetupSecrets.ExecuteDeleteAsync(ct);
        db.SetupSecrets.Add(new SetupSecret { SecretHash = Secrets.Hash(secret), CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task<bool> SetupSecretValidAsync(string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100 || await db.Users.AnyAsync(ct))
        {
            return false;
        }
        var hash = Secrets.Hash(secret);
        var stored = await db.SetupSecrets.Select(s => s.SecretHash).ToListAsync(ct);
        return stored.Any(s => Secrets.HashEquals(s, hash));
    }

    /// <summary>
    /// Creates the owner from the setup link. The secret is spent in the same transaction, so two
    /// tabs submitting at once cannot make two owners.
    /// </summary>
    public async Task<AccountResult<ReliefUser>> CreateOwnerAsync(string secret, string email, string password, ProfileInput profile, CancellationToken ct = default)
    {
        const string used = "This setup link has been used or has expired. Restart the app to print a new one.";
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return AccountResult<ReliefUser>.Fail(used);
        }
        var hash = Secrets.Hash(secret);
        return await InTransactionAsync(async () =>
        {
            var spent = await db.SetupSecrets.Where(s => s.SecretHash == hash).ExecuteDeleteAsync(ct);
            if (spent != 1 || await db.Users.AnyAsync(ct))
            {
                return AccountResult<ReliefUser>.Fail(used);
            }
            return await CreatePersonCoreAsync(email, password, administrator: true, profile, ct);
        }, ct);
    }

    public async Task<InstallSettings> GetSettingsAsync(CancellationToken ct = default)
    {
        var settings = await db.InstallSettings.SingleOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new InstallSettings { Id = 1, SignUpsOpen = false, Version = 1 };
            db.InstallSettings.Add(settings);
            await db.SaveChangesAsync(ct);
        }
        return settings;
    }
}

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

/// <summary>Whether a Therapist invite code can be used.</summary>
public enum InviteState
{
    Valid,
    Unknown,
    Expired,
    Used,
}

/// <summary>
/// Account operations shared by the web app and `relief admin`: creating Persons and Therapists,
/// Therapist invites, two-factor enrolment, resetting passwords, personal access tokens and the
/// one-time setup secret.
/// </summary>
public sealed class AccountService(UserManager<ReliefUser> users, ReliefDbContext db, TimeProvider clock)
{
    public const string TokenPrefix = "srpat_";
    public const string SetupPrefix = "setup_";
    public const string InvitePrefix = "inv_";
    public const int DisplayNameMaxLength = 100;

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
        var user = NewUser(Guid.CreateVersion7(), email, AccountKind.Person, now);
        user.IsAdministrator = administrator;
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

    private static ReliefUser NewUser(Guid id, string email, AccountKind kind, DateTime now) => new()
    {
        Id = id,
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        Kind = kind,
        CreatedAtUtc = now,
        LockoutEnabled = true,
    };

    /// <summary>The name a Therapist shows clients: trimmed, 1 to 100 characters, no control characters; or why not.</summary>
    public static string? CheckDisplayName(string? name, out string? cleaned)
    {
        cleaned = name?.Trim();
        if (string.IsNullOrEmpty(cleaned))
        {
            return "Enter the name your clients know you by.";
        }
        if (cleaned.Length > DisplayNameMaxLength)
        {
            return $"Use at most {DisplayNameMaxLength} characters for your name.";
        }
        if (cleaned.Any(char.IsControl))
        {
            return "Your name contains control characters; remove them and try again.";
        }
        return null;
    }

    /// <summary>
    /// Creates a Therapist account (no Profile: a Therapist keeps no journal). Allowed with a live
    /// invite, which is spent in the same transaction, or without one while sign-ups are open.
    /// The account must enrol two-factor sign-in before it can reach any Therapist page.
    /// </summary>
    public async Task<AccountResult<ReliefUser>> CreateTherapistAsync(
        string email, string password, string displayName, string? inviteCode, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (CheckDisplayName(displayName, out var name) is { } problem)
        {
            return AccountResult<ReliefUser>.Fail(problem);
        }
        return await InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var id = Guid.CreateVersion7();
            if (inviteCode is not null)
            {
                var hash = InviteHash(inviteCode);
                var spent = hash is null ? 0 : await db.TherapistInvites
                    .Where(i => i.CodeHash == hash && i.UsedAtUtc == null && i.ExpiresAtUtc > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAtUtc, now).SetProperty(i => i.UsedBy, id), ct);
                if (spent != 1)
                {
                    var state = await InviteStateAsync(inviteCode, ct);
                    return AccountResult<ReliefUser>.Fail(InviteProblem(state == InviteState.Valid ? InviteState.Used : state));
                }
            }
            else if (!(await GetSettingsAsync(ct)).SignUpsOpen)
            {
                return AccountResult<ReliefUser>.Fail(ClosedMessage);
            }
            var user = NewUser(id, email.Trim(), AccountKind.Therapist, now);
            user.DisplayName = name;
            var result = await users.CreateAsync(user, password);
            return result.Succeeded
                ? AccountResult<ReliefUser>.Ok(user)
                : AccountResult<ReliefUser>.Fail([.. result.Errors.Select(e => e.Description)]);
        }, ct);
    }

    public const string ClosedMessage = "This install does not take new accounts. Ask its administrator.";

    /// <summary>Makes a Therapist invite; the code is returned once and only its hash is stored.</summary>
    public async Task<AccountResult<(TherapistInvite Invite, string Code)>> CreateTherapistInviteAsync(
        Guid createdBy, string? email, CancellationToken ct = default)
    {
        email = email?.Trim();
        if (email is null || email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            return AccountResult<(TherapistInvite, string)>.Fail("Enter the therapist's email address, for your records.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var code = Secrets.New(InvitePrefix);
        var invite = new TherapistInvite
        {
            Id = Guid.CreateVersion7(),
            CodeHash = Secrets.Hash(code),
            Email = email,
            CreatedBy = createdBy,
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(TherapistInvite.LifetimeDays),
        };
        db.TherapistInvites.Add(invite);
        await db.SaveChangesAsync(ct);
        return AccountResult<(TherapistInvite, string)>.Ok((invite, code));
    }

    /// <summary>Whether an invite code can still be used (without spending it).</summary>
    public async Task<InviteState> InviteStateAsync(string? code, CancellationToken ct = default)
    {
        var hash = InviteHash(code);
        var invite = hash is null ? null : await db.TherapistInvites.AsNoTracking().SingleOrDefaultAsync(i => i.CodeHash == hash, ct);
        return invite switch
        {
            null => InviteState.Unknown,
            { UsedAtUtc: not null } => InviteState.Used,
            _ when invite.ExpiresAtUtc <= clock.GetUtcNow().UtcDateTime => InviteState.Expired,
            _ => InviteState.Valid,
        };
    }

    /// <summary>Why an invite cannot be used, in words for the person holding the link.</summary>
    public static string InviteProblem(InviteState state) => state switch
    {
        InviteState.Unknown => "This invitation link is not valid. Check that you copied all of it, or ask the administrator for a new one.",
        InviteState.Expired => "This invitation link has expired. Ask the administrator for a new one.",
        InviteState.Used => "This invitation link has already been used. Ask the administrator for a new one.",
        InviteState.Valid => "",
    };

    /// <summary>The latest invites, newest first, for the administration page.</summary>
    public Task<List<TherapistInvite>> ListTherapistInvitesAsync(int take = 20, CancellationToken ct = default) =>
        db.TherapistInvites.AsNoTracking().OrderByDescending(i => i.CreatedAtUtc).Take(take).ToListAsync(ct);

    private static string? InviteHash(string? code) =>
        string.IsNullOrEmpty(code) || code.Length > 100 ? null : Secrets.Hash(code);

    /// <summary>
    /// The account's authenticator key (Base32), made on first use. A new key changes the security
    /// stamp (Identity's rule), so the caller refreshes the sign-in cookie when <paramref name="created"/>.
    /// </summary>
    public async Task<(string Key, bool Created)> AuthenticatorKeyAsync(ReliefUser user)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            return (key, false);
        }
        await users.ResetAuthenticatorKeyAsync(user);
        return ((await users.GetAuthenticatorKeyAsync(user))!, true);
    }

    /// <summary>
    /// Turns two-factor sign-in on once the person proves their app shows the right code, and
    /// returns <see cref="RecoveryCodeCount"/> new recovery codes (shown once; Identity keeps hashes).
    /// </summary>
    public async Task<AccountResult<IReadOnlyList<string>>> EnableTwoFactorAsync(ReliefUser user, string? code)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (TotpCodes.Normalise(code) is not { } digits)
        {
            return AccountResult<IReadOnlyList<string>>.Fail("Enter the 6-digit code your authenticator app shows.");
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return AccountResult<IReadOnlyList<string>>.Fail(
                "That code is not right. Check that the app has this key and the phone's clock is right, then enter the code it shows now.");
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        return AccountResult<IReadOnlyList<string>>.Ok(await NewRecoveryCodesAsync(user));
    }

    /// <summary>Replaces the recovery codes with new ones; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(ReliefUser user) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];

    public const int RecoveryCodeCount = 10;

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

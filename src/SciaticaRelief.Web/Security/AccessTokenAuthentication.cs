using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;

namespace SciaticaRelief.Web.Security;

/// <summary>
/// Authenticates API and CLI clients by a personal access token in <c>Authorization: Bearer</c>.
/// The token is looked up by its SHA-256; a revoked token, or one whose account is locked out, fails.
/// </summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ReliefDbContext db, TimeProvider clock, UserManager<ReliefUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }
        var hash = Secrets.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.AccessTokens
            .Where(t => t.TokenHash == hash && t.RevokedAtUtc == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked token.");
        }
        // Identity's own check, so a token and the sign-in form agree on what "locked" means.
        if (await users.IsLockedOutAsync(found.User))
        {
            return AuthenticateResult.Fail("The account is locked.");
        }
        // A Therapist's token stands for a two-factor sign-in: it stops working if two-factor is turned off.
        if (found.User.Kind == AccountKind.Therapist && !found.User.TwoFactorEnabled)
        {
            return AuthenticateResult.Fail("Two-factor sign-in is off for this account.");
        }
        // Record use at most once a minute, so a busy client does not write on every request.
        if (found.Token.LastUsedAtUtc is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            await db.AccessTokens.Where(t => t.Id == found.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, now), Context.RequestAborted);
        }
        var identity = new ClaimsIdentity(ReliefClaims.For(found.User), SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

/// <summary>The claims every authenticated request carries, however it signed in.</summary>
public static class ReliefClaims
{
    public const string Kind = "relief:kind";
    public const string Administrator = "relief:admin";

    public static IEnumerable<Claim> For(ReliefUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        yield return new Claim(ClaimTypes.NameIdentifier, user.Id.ToString());
        yield return new Claim(ClaimTypes.Name, user.UserName ?? "");
        yield return new Claim(Kind, user.Kind.ToString());
        if (user.IsAdministrator)
        {
            yield return new Claim(Administrator, "true");
        }
    }
}

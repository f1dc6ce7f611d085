using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SciaticaRelief.Data.Accounts;

namespace SciaticaRelief.Web.Security;

/// <summary>
/// The rule that a Therapist reaches nothing without a second factor: a cookie from a two-factor
/// sign-in (Identity's "amr" = "mfa"), or a personal access token (which a Therapist can only make
/// from such a session, and which stops working if two-factor sign-in is turned off).
/// </summary>
public static class SecondFactor
{
    public const string AmrClaim = "amr";
    public const string Mfa = "mfa";

    /// <summary>Where a Therapist without two-factor sign-in is sent to enrol.</summary>
    public const string EnrolPath = "/account/two-factor";

    public static bool IsTherapist(ClaimsPrincipal user) =>
        user?.FindFirstValue(ReliefClaims.Kind) == nameof(AccountKind.Therapist);

    /// <summary>True when the request's sign-in counts as two-factor.</summary>
    public static bool Proven(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(AmrClaim, Mfa)
            || user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AccessTokenHandler.SchemeName);
    }

    /// <summary>The default policy's extra rule: anyone but a Therapist, or a Therapist with a second factor.</summary>
    public static bool SatisfiedBy(ClaimsPrincipal user) => !IsTherapist(user) || Proven(user);

    /// <summary>A signed-in Therapist who still has to enrol (or finish) two-factor sign-in.</summary>
    public static bool Missing(ClaimsPrincipal user) =>
        user?.Identity?.IsAuthenticated == true && IsTherapist(user) && !Proven(user);

    /// <summary>
    /// Keeps "amr" when the security-stamp check rebuilds the cookie's principal: without it a
    /// Therapist would lose the two-factor mark every 30 minutes.
    /// </summary>
    public static Task KeepOnRefresh(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal?.FindFirst(AmrClaim) is { } amr
            && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(AmrClaim, amr.Value))
        {
            identity.AddClaim(new Claim(AmrClaim, amr.Value));
        }
        return Task.CompletedTask;
    }
}

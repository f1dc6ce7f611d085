using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;

namespace SciaticaRelief.Web.Security;

/// <summary>
/// The signed-in Person of this request, and the owner scope of the DbContext's query filters.
/// A Therapist or an anonymous caller has no PersonId, so health queries return nothing for them.
/// </summary>
public sealed class CurrentPerson(IHttpContextAccessor accessor) : IOwnerScope
{
    public ClaimsPrincipal? User => accessor.HttpContext?.User;

    public Guid? PersonId
    {
        get
        {
            var user = User;
            if (user?.Identity?.IsAuthenticated != true
                || user.FindFirstValue(ReliefClaims.Kind) != nameof(AccountKind.Person)
                || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
            {
                return null;
            }
            return id;
        }
    }

    /// <summary>The Person's id; only call where authorization already required a Person.</summary>
    public Guid Id => PersonId ?? throw new InvalidOperationException("No Person is signed in.");

    public bool IsAdministrator => User?.HasClaim(ReliefClaims.Administrator, "true") == true;
}

/// <summary>Puts the account kind and the administrator flag into the sign-in cookie.</summary>
public sealed class ReliefClaimsFactory(UserManager<ReliefUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ReliefUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ReliefUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ReliefClaims.Kind, user.Kind.ToString()));
        if (user.IsAdministrator)
        {
            identity.AddClaim(new Claim(ReliefClaims.Administrator, "true"));
        }
        return identity;
    }
}

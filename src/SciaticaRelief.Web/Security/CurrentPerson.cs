using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;

namespace SciaticaRelief.Web.Security;

/// <summary>
/// The signed-in Person of this request, and the owner scope of the DbContext's query filters.
/// A Therapist has no PersonId of their own: health queries return nothing for them until
/// <see cref="Sharing.ClientAccess"/> has checked a live Grant and opened that one client's data.
/// An anonymous caller never has one.
/// </summary>
public sealed class CurrentPerson(IHttpContextAccessor accessor) : IOwnerScope
{
    private Guid? _client;

    public ClaimsPrincipal? User => accessor.HttpContext?.User;

    public Guid? PersonId => AccountId(AccountKind.Person) ?? _client;

    public Guid? TherapistId => AccountId(AccountKind.Therapist);

    /// <summary>The client whose data a Therapist is seeing in this request, once opened.</summary>
    public Guid? ClientId => _client;

    /// <summary>Scopes this request's health queries to one client. Only <see cref="Sharing.ClientAccess"/> calls it, after the Grant check.</summary>
    internal void OpenClient(Guid clientId)
    {
        if (TherapistId is null)
        {
            throw new InvalidOperationException("Only a signed-in Therapist can open a client's data.");
        }
        _client = clientId;
    }

    private Guid? AccountId(AccountKind kind)
    {
        var user = User;
        if (user?.Identity?.IsAuthenticated != true
            || user.FindFirstValue(ReliefClaims.Kind) != kind.ToString()
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }
        return id;
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

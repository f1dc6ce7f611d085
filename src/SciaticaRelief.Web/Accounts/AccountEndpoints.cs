using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Security;

namespace SciaticaRelief.Web.Accounts;

public sealed record MeResponse(Guid Id, string Email, string Kind, bool IsAdministrator);

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with the antiforgery token, so another site cannot sign you out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signout", async Task<IResult> (HttpContext http, SignInManager<ReliefUser> signIn) =>
        {
            // UseAntiforgery only records the check for an endpoint that binds no form: enforce it here.
            if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                return TypedResults.Problem(title: "Missing or invalid antiforgery token", statusCode: StatusCodes.Status400BadRequest);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        })
        .WithMetadata(new RequireAntiforgeryTokenAttribute(true))
        .ExcludeFromDescription();
        return app;
    }

    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
                Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
                user.FindFirstValue(ClaimTypes.Name) ?? "",
                user.FindFirstValue(ReliefClaims.Kind) ?? "",
                user.HasClaim(ReliefClaims.Administrator, "true"))))
            .WithTags("Account")
            .WithName("GetMe")
            .WithSummary("Who the token or cookie belongs to.");
        return api;
    }
}

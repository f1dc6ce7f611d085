using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Api;

namespace SciaticaRelief.Web.Accounts;

/// <summary>The body of DELETE /api/v1/account: the password and the phrase <see cref="AccountDeletion.ConfirmationPhrase"/>.</summary>
public sealed record DeleteAccountRequest(string? Password, string? Confirm);

public static class AccountDeletionApi
{
    public static RouteGroupBuilder MapAccountDeletionApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapDelete("/account", async Task<IResult> ([FromBody] DeleteAccountRequest? request, ClaimsPrincipal user,
                HttpContext http, AccountDeletion deletion, SignInManager<ReliefUser> signIn, CancellationToken ct) =>
            {
                var id = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
                var status = await deletion.DeleteAsync(id, request?.Password, request?.Confirm, ct);
                return status switch
                {
                    DeletionStatus.Deleted => await SignedOutAsync(http, signIn),
                    DeletionStatus.WrongPassword => Problems.Invalid("password", "The password is not right. Nothing was deleted."),
                    DeletionStatus.WrongConfirmation => Problems.Invalid("confirm", $"Type \"{AccountDeletion.ConfirmationPhrase}\" to confirm. Nothing was deleted."),
                    DeletionStatus.LastAdministrator => TypedResults.Problem(title: "The last administrator cannot delete their account",
                        detail: "Make another account an administrator first (relief admin users), so the install keeps one.", statusCode: StatusCodes.Status409Conflict),
                    DeletionStatus.NotAPerson or DeletionStatus.NotFound => Problems.NotFound("Account"),
                };
            })
            .WithTags("Account")
            .WithName("DeleteAccount")
            .WithSummary("Deletes your account and everything it holds, after the password and the phrase \"delete my account\". Export first: it cannot be undone.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> SignedOutAsync(HttpContext http, SignInManager<ReliefUser> signIn)
    {
        if (http.User.Identity?.AuthenticationType != Security.AccessTokenHandler.SchemeName)
        {
            await signIn.SignOutAsync();
        }
        return TypedResults.NoContent();
    }
}

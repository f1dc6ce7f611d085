using Microsoft.AspNetCore.Antiforgery;

namespace SciaticaRelief.Web.Security;

/// <summary>
/// Cookie-authenticated JSON writes must carry the antiforgery header, as forms carry the field:
/// a cookie is sent by the browser on a cross-site request, a bearer token is not.
/// </summary>
public sealed class ApiAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var safe = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method);
        var bearer = http.User.Identity?.AuthenticationType == AccessTokenHandler.SchemeName;
        if (!safe && !bearer)
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem(
                    title: "Missing or invalid antiforgery token",
                    detail: $"A write signed in with the browser cookie must send the {HeaderName} header. API clients use a personal access token instead.",
                    statusCode: StatusCodes.Status400BadRequest);
            }
        }
        return await next(context);
    }
}

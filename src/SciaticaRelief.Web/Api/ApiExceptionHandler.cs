using Microsoft.AspNetCore.Diagnostics;

namespace SciaticaRelief.Web.Api;

/// <summary>
/// API callers get a problem-details answer for an unhandled error; pages fall through to the
/// error page. The request's body, which may hold health data, is never logged.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read"),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on the server"),
        };
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = status == StatusCodes.Status500InternalServerError ? "Nothing was saved half-way. Try again; if it keeps happening, tell the administrator." : exception.Message,
            },
        });
    }
}

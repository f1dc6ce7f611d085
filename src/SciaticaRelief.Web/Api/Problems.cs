using SciaticaRelief.Core.Validation;

using Microsoft.AspNetCore.Http.HttpResults;

namespace SciaticaRelief.Web.Api;

/// <summary>Problem-details answers (RFC 9457) shared by every API endpoint.</summary>
public static class Problems
{
    public static ProblemHttpResult Invalid(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problem = new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Title = "The request has invalid fields",
            Status = StatusCodes.Status400BadRequest,
            Detail = string.Join(" ", errors.All),
        };
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: $"{what} not found", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Stale() =>
        TypedResults.Problem(
            title: "The record changed since you read it",
            detail: "Someone (perhaps you, on another device) saved a newer version. Read it again (GET), then apply your change with its ETag in If-Match.",
            statusCode: StatusCodes.Status412PreconditionFailed);

    public static ProblemHttpResult PreconditionRequired() =>
        TypedResults.Problem(
            title: "If-Match is required",
            detail: "Send the ETag from your last GET in an If-Match header, so a newer version is never overwritten by accident.",
            statusCode: StatusCodes.Status428PreconditionRequired);

    public static ProblemHttpResult KeyReused() =>
        TypedResults.Problem(
            title: "Idempotency-Key reused with a different request",
            detail: "This Idempotency-Key was already used for a different request body. Use a new key for a new request.",
            statusCode: StatusCodes.Status422UnprocessableEntity);
}

/// <summary>Strong ETags from a row's version number.</summary>
public static class ETags
{
    public static string Of(int version) => $"\"{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";

    /// <summary>The version an If-Match header names, or null when absent; -1 when it names none we issued.</summary>
    public static int? ParseIfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        value = value.Trim('"');
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;
    }

    /// <summary>Another result with the ETag of a row's version.</summary>
    public static IResult With(IResult inner, int version) => new WithETag(inner, Of(version));

    private sealed class WithETag(IResult inner, string etag) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.ETag = etag;
            return inner.ExecuteAsync(httpContext);
        }
    }
}

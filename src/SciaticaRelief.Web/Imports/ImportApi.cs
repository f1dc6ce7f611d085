using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Interop.Imports;
using SciaticaRelief.Data;

namespace SciaticaRelief.Web.Imports;

/// <summary>The answer of POST /api/v1/imports (and of GET /api/v1/imports/{id} for a finished one).</summary>
/// <param name="BatchId">Null for a preview.</param>
/// <param name="Imported">Rows written (a preview: rows that would be written).</param>
public sealed record ImportResponse(Guid? BatchId, string Format, int Imported, int Duplicates, int Skipped, IReadOnlyList<SkipReason> SkipReasons, ImportPreview? Preview);

/// <summary>An import the page started and is still writing (GET /api/v1/imports/{id} while it runs).</summary>
/// <param name="Status">"running", "done" or "failed".</param>
/// <param name="Progress">0 to 1.</param>
public sealed record ImportJobResponse(Guid Id, string Status, double Progress, ImportResponse? Result, string? Error);

/// <summary>POST /api/v1/imports (multipart, field "file") and GET /api/v1/imports/{id}.</summary>
public static class ImportApi
{
    /// <summary>The body an import may send: the file's bound and room for the multipart framing.</summary>
    public const long MaxRequestBytes = ImportLimits.MaxBytes + 64 * 1024;

    public static RouteGroupBuilder MapImportApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/imports").WithTags("Imports");

        group.MapPost("/", async Task<IResult> (HttpRequest request, ImportService imports, CancellationToken ct,
            string? format, string? timeZone, bool? timesAreLocal, bool? preview) =>
        {
            if (!request.HasFormContentType)
            {
                return Api.Problems.Invalid("file", "Send the file as multipart/form-data in a field named \"file\".");
            }
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            if (file is null)
            {
                return Api.Problems.Invalid("file", "Send the file as multipart/form-data in a field named \"file\".");
            }
            if (file.Length > ImportLimits.MaxBytes)
            {
                return TooLarge();
            }
            byte[] bytes;
            try
            {
                await using var stream = file.OpenReadStream();
                bytes = await ImportService.BoundedAsync(stream, ct);
            }
            catch (ImportTooLargeException)
            {
                return TooLarge();
            }
            var columns = request.Query.Where(q => q.Key.StartsWith("map.", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(q => q.Key[4..].ToLowerInvariant(), q => q.Value.ToString(), StringComparer.Ordinal);
            ImportAnswer answer;
            try
            {
                answer = await imports.RunAsync(bytes, file.FileName, new ImportOptions(format, timeZone, timesAreLocal == true, columns.Count > 0 ? columns : null, preview == true), null, ct);
            }
            catch (ImportRefusedException e)
            {
                return TypedResults.Problem(title: "The import was refused; nothing was saved", detail: e.Message, statusCode: StatusCodes.Status409Conflict);
            }
            if (answer.Errors.Count > 0)
            {
                return Unprocessable(answer.Errors);
            }
            var response = ToResponse(answer);
            return answer.Outcome is null ? TypedResults.Ok(response) : TypedResults.Created($"/api/v1/imports/{answer.Outcome.BatchId}", response);
        })
        .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
        .RequireRateLimiting(ImportRegistration.ImportLimit)
        .WithName("Import")
        .WithSummary("Import another pain diary's export (multipart field \"file\"): preview=true parses and writes nothing; otherwise all of it is saved or none. Rows already imported are skipped.")
        .Produces<ImportResponse>(StatusCodes.Status200OK)
        .Produces<ImportResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/{id:guid}", async Task<IResult> (Guid id, ImportJobs jobs, Security.CurrentPerson person, ReliefDbContext db, CancellationToken ct) =>
        {
            if (person.PersonId is { } personId && jobs.Find(personId, id) is { } job)
            {
                return TypedResults.Ok(job.ToResponse());
            }
            var batch = await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
            if (batch is null)
            {
                return Api.Problems.NotFound("Import");
            }
            var reasons = batch.SkipSummary.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ParseReason).ToList();
            return TypedResults.Ok(new ImportJobResponse(batch.Id, "done", 1,
                new ImportResponse(batch.Id, batch.Format, batch.Imported, batch.Duplicates, batch.Skipped, reasons, null), null));
        })
        .WithName("GetImport")
        .WithSummary("An import's progress while the page's background import runs, and its report once done.")
        .Produces<ImportJobResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static ImportResponse ToResponse(ImportAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Outcome is { } o
            ? new ImportResponse(o.BatchId, answer.Format, o.Imported, o.Duplicates, o.Skipped, o.SkipReasons, answer.Preview)
            : new ImportResponse(null, answer.Format, (answer.Preview?.CheckIns ?? 0) + (answer.Preview?.Treatments ?? 0) - (answer.Preview?.Duplicates ?? 0),
                answer.Preview?.Duplicates ?? 0, answer.Skipped, answer.SkipReasons, answer.Preview);
    }

    /// <summary>"3 × reason" as the writer stores it.</summary>
    private static SkipReason ParseReason(string line)
    {
        var at = line.IndexOf(" × ", StringComparison.Ordinal);
        return at > 0 && int.TryParse(line[..at], System.Globalization.CultureInfo.InvariantCulture, out var n) ? new SkipReason(line[(at + 3)..], n) : new SkipReason(line, 1);
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(title: "The file is too large",
        detail: $"An import takes files up to {ImportLimits.MaxBytes / (1024 * 1024)} MB. Split the export into smaller periods.", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>422 whose errors name the row and column of each fault; nothing was saved.</summary>
    public static ProblemHttpResult Unprocessable(IReadOnlyList<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byPlace = errors.GroupBy(e => e.Column is null ? e.Where : $"{e.Where}, column \"{e.Column}\"")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return TypedResults.Problem(new HttpValidationProblemDetails(byPlace)
        {
            Title = "The file could not be imported; nothing was saved",
            Detail = string.Join(" ", errors.Take(5).Select(e => e.ToString())) + (errors.Count > 5 ? $" (and {errors.Count - 5} more)" : ""),
            Status = StatusCodes.Status422UnprocessableEntity,
        });
    }
}

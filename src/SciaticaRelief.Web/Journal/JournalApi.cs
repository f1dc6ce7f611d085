using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Web.Profiles;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Web.Api;

namespace SciaticaRelief.Web.Journal;

/// <summary>/api/v1/journal: create (Idempotency-Key), read (ETag), list with paging, update (If-Match), delete.</summary>
public static class JournalApi
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapJournalApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/journal").WithTags("Journal");

        group.MapPost("/", async Task<IResult> (CheckInRequest request, HttpRequest http, JournalService journal, PersonContext person, CancellationToken ct) =>
        {
            var (key, keyError) = Idempotency.KeyFrom(http);
            if (keyError is not null)
            {
                return Problems.Invalid(Idempotency.Header, keyError);
            }
            if (ToInput(request) is not { } input)
            {
                return Problems.Invalid(UnknownQuestions(request));
            }
            var outcome = await journal.CreateAsync(input, key, key is null ? null : Idempotency.HashOf(JournalService.ResourceType, request), ct);
            return Answer(outcome, created: true, await person.RegionAsync(ct));
        })
        .WithName("CreateCheckIn")
        .WithSummary("Log a check-in; its red-flag answers are triaged at once.")
        .Produces<CheckInResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", async Task<IResult> (JournalService journal, CancellationToken ct,
            DateOnly? from, DateOnly? to, int? minPain, BodyRegion? region, PainQuality? quality, int page = 1, int pageSize = 50) =>
        {
            var errors = new ValidationErrors();
            errors.Range("page", "Page", page, 1, 100_000);
            errors.Range("pageSize", "Page size", pageSize, 1, MaxPageSize);
            errors.Range("minPain", "Minimum pain", minPain, 0, 10);
            if (from is { } f && to is { } t && f > t)
            {
                errors.Add("to", "The end date must not be before the start date.");
            }
            if (!errors.IsEmpty)
            {
                return Problems.Invalid(errors);
            }
            var (items, total) = await journal.ListAsync(new JournalFilter(from, to, minPain, region, quality), page, pageSize, ct);
            return TypedResults.Ok(new CheckInPage([.. items.Select(i => CheckInResponse.From(i.Entry, i.Triage))], page, pageSize, total));
        })
        .WithName("ListCheckIns")
        .WithSummary("List check-ins, newest first; dates are the Person's local days.")
        .Produces<CheckInPage>();

        group.MapGet("/{id:guid}", async Task<IResult> (Guid id, HttpResponse response, JournalService journal, CancellationToken ct) =>
        {
            if (await journal.GetAsync(id, ct) is not { } found)
            {
                return Problems.NotFound("Check-in");
            }
            response.Headers.ETag = ETags.Of(found.Entry.Version);
            return TypedResults.Ok(CheckInResponse.From(found.Entry, found.Triage));
        })
        .WithName("GetCheckIn")
        .Produces<CheckInResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}", async Task<IResult> (Guid id, CheckInRequest request, HttpRequest http, JournalService journal, PersonContext person, CancellationToken ct) =>
        {
            if (ETags.ParseIfMatch(http) is not { } version)
            {
                return Problems.PreconditionRequired();
            }
            if (ToInput(request) is not { } input)
            {
                return Problems.Invalid(UnknownQuestions(request));
            }
            return Answer(await journal.UpdateAsync(id, version, input, ct), created: false, await person.RegionAsync(ct));
        })
        .WithName("UpdateCheckIn")
        .WithSummary("Replace a check-in. Send If-Match with the ETag you read; a stale one gets 412.")
        .Produces<CheckInResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapDelete("/{id:guid}", async Task<IResult> (Guid id, HttpRequest http, JournalService journal, CancellationToken ct) =>
        {
            var version = ETags.ParseIfMatch(http);
            return await journal.DeleteAsync(id, version, ct) switch
            {
                SaveStatus.NotFound => Problems.NotFound("Check-in"),
                SaveStatus.Stale => Problems.Stale(),
                _ => TypedResults.NoContent(),
            };
        })
        .WithName("DeleteCheckIn")
        .WithSummary("Delete a check-in and its triage. If-Match is optional; a stale one gets 412.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    /// <summary>Maps the wire request to Core's input; null when a red-flag id is unknown.</summary>
    public static CheckInInput? ToInput(CheckInRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var flags = new Dictionary<RedFlagQuestion, Answer>();
        foreach (var (id, answer) in request.RedFlags ?? [])
        {
            if (!RedFlagQuestions.TryParse(id, out var q))
            {
                return null;
            }
            flags[q] = answer;
        }
        return new CheckInInput
        {
            OccurredAt = request.OccurredAt,
            OccurredAtLocal = request.OccurredAtLocal,
            PainNow = request.PainNow,
            PainWorst = request.PainWorst,
            PainAverage = request.PainAverage,
            Areas = request.Areas ?? [],
            Qualities = FlagLists.Combine(request.Qualities ?? []),
            Triggers = FlagLists.Combine(request.Triggers ?? []),
            SleepHours = request.SleepHours,
            Stress = request.Stress,
            Notes = request.Notes,
            RedFlags = flags,
            NoneOfThese = request.NoneOfThese == true,
        };
    }

    private static ValidationErrors UnknownQuestions(CheckInRequest request)
    {
        var errors = new ValidationErrors();
        foreach (var id in (request.RedFlags ?? []).Keys.Where(k => !RedFlagQuestions.TryParse(k, out _)))
        {
            errors.Add("redFlags", $"Unknown red-flag question id '{id}'. GET /api/v1/triage/questions lists the ids.");
        }
        return errors;
    }

    private static IResult Answer(SaveOutcome outcome, bool created, Region region)
    {
        switch (outcome.Status)
        {
            case SaveStatus.Created:
            case SaveStatus.Replayed:
            case SaveStatus.Updated:
                var body = CheckInResponse.From(outcome.Entry!, outcome.Triage, outcome.Notices, region);
                return created
                    ? ETags.With(TypedResults.Created($"/api/v1/journal/{body.Id}", body), outcome.Entry!.Version)
                    : ETags.With(TypedResults.Ok(body), outcome.Entry!.Version);
            case SaveStatus.Invalid:
                return Problems.Invalid(outcome.Errors!);
            case SaveStatus.NotFound:
                return Problems.NotFound("Check-in");
            case SaveStatus.Stale:
                return Problems.Stale();
            case SaveStatus.KeyConflict:
                return Problems.KeyReused();
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome.Status}.");
        }
    }

}

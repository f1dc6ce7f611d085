using Microsoft.AspNetCore.Http.HttpResults;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.Treatments;

/// <summary>
/// /api/v1/treatments (create with Idempotency-Key, read with ETag, list, update with If-Match,
/// delete), their follow-ups, /api/v1/ear-seeds, and the catalogue (/api/v1/modalities,
/// /api/v1/medicines/ingredients).
/// </summary>
public static class TreatmentApi
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapTreatmentApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        MapTreatments(api.MapGroup("/treatments").WithTags("Treatments"));
        MapEarSeeds(api.MapGroup("/ear-seeds").WithTags("Ear seeds"));

        api.MapGet("/modalities", (ModalityCatalog catalog) => TypedResults.Ok(catalog.All.Select(ModalityResponse.From).ToList()))
            .WithTags("Treatments")
            .WithName("ListModalities")
            .WithSummary("The modality catalogue: every kind of treatment that can be logged, with the fields its kind has.");

        api.MapGet("/medicines/ingredients", (LabelMaximums labels) =>
                TypedResults.Ok(labels.Ingredients.Select(i => new IngredientResponse(i.Id, i.Name, i.Aliases)).ToList()))
            .WithTags("Treatments")
            .WithName("ListMedicineIngredients")
            .WithSummary("The over-the-counter ingredients a medicine entry may name (their label maximums are data with sources; the app never advises a dose).");
        return api;
    }

    private static void MapTreatments(RouteGroupBuilder group)
    {
        group.MapPost("/", async Task<IResult> (TreatmentRequest request, HttpRequest http, TreatmentService treatments, CancellationToken ct) =>
        {
            var (key, keyError) = Idempotency.KeyFrom(http);
            if (keyError is not null)
            {
                return Problems.Invalid(Idempotency.Header, keyError);
            }
            var outcome = await treatments.CreateAsync(request.ToInput(), request.SkinRedOrBroken == true, key,
                key is null ? null : Idempotency.HashOf(TreatmentService.ResourceType, request), ct);
            return Answer(outcome, treatments, created: true);
        })
        .WithName("CreateTreatment")
        .WithSummary("Log a treatment; its warnings (bruising, signs, medicine above the label maximum) come back at once.")
        .Produces<TreatmentResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", async Task<IResult> (TreatmentService treatments, CancellationToken ct,
            string? modality, string? kind, DateOnly? from, DateOnly? to, int page = 1, int pageSize = 50) =>
        {
            var errors = new ValidationErrors();
            errors.Range("page", "Page", page, 1, 100_000);
            errors.Range("pageSize", "Page size", pageSize, 1, MaxPageSize);
            TreatmentKind? kindFilter = null;
            if (kind is not null)
            {
                if (TreatmentKinds.TryParse(kind, out var k))
                {
                    kindFilter = k;
                }
                else
                {
                    errors.Add("kind", "Unknown kind: use " + string.Join(", ", TreatmentKinds.All.Select(x => x.WireName())) + ".");
                }
            }
            if (modality is not null && treatments.Catalog.Find(modality) is null)
            {
                errors.Add("modality", "Unknown modality id: GET /api/v1/modalities lists them.");
            }
            if (from is { } f && to is { } t && f > t)
            {
                errors.Add("to", "The end date must not be before the start date.");
            }
            if (!errors.IsEmpty)
            {
                return Problems.Invalid(errors);
            }
            var (items, total) = await treatments.ListAsync(new TreatmentFilter(modality, kindFilter, from, to), page, pageSize, ct);
            return TypedResults.Ok(new TreatmentPage(
                [.. items.Select(i => TreatmentResponse.From(i.Treatment, treatments.Catalog, i.Warnings, i.FollowUps))], page, pageSize, total));
        })
        .WithName("ListTreatments")
        .WithSummary("List treatments, newest first, by modality id, kind (wire name) and local dates.")
        .Produces<TreatmentPage>()
        .ProducesValidationProblem();

        group.MapGet("/follow-ups/due", async (TreatmentService treatments, CancellationToken ct) =>
        {
            var due = await treatments.DueFollowUpsAsync(ct);
            return TypedResults.Ok(due.Select(d => new DueFollowUpResponse(d.TreatmentId, d.ModalityId, treatments.ModalityName(d.ModalityId),
                Times.InZone(d.StartedAtUtc, Times.ZoneOf(d.TimeZoneId)), d.HoursAfter, FollowUpLink(d.TreatmentId, d.HoursAfter))).ToList());
        })
        .WithName("ListDueFollowUps")
        .WithSummary("The follow-ups to give now: pain 24 and 48 hours after each massage session.");

        group.MapGet("/{id:guid}", async Task<IResult> (Guid id, HttpResponse response, TreatmentService treatments, CancellationToken ct) =>
        {
            if (await treatments.GetAsync(id, ct) is not { } found)
            {
                return Problems.NotFound("Treatment");
            }
            response.Headers.ETag = ETags.Of(found.Treatment.Version);
            return TypedResults.Ok(TreatmentResponse.From(found.Treatment, treatments.Catalog, found.Warnings, found.FollowUps));
        })
        .WithName("GetTreatment")
        .Produces<TreatmentResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}", async Task<IResult> (Guid id, TreatmentRequest request, HttpRequest http, TreatmentService treatments, CancellationToken ct) =>
        {
            if (ETags.ParseIfMatch(http) is not { } version)
            {
                return Problems.PreconditionRequired();
            }
            return Answer(await treatments.UpdateAsync(id, version, request.ToInput(), request.SkinRedOrBroken == true, ct), treatments, created: false);
        })
        .WithName("UpdateTreatment")
        .WithSummary("Replace a treatment. Send If-Match with the ETag you read; a stale one gets 412.")
        .Produces<TreatmentResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapDelete("/{id:guid}", async Task<IResult> (Guid id, HttpRequest http, TreatmentService treatments, CancellationToken ct) =>
            await treatments.DeleteAsync(id, ETags.ParseIfMatch(http), ct) switch
            {
                SaveStatus.NotFound => Problems.NotFound("Treatment"),
                SaveStatus.Stale => Problems.Stale(),
                _ => TypedResults.NoContent(),
            })
        .WithName("DeleteTreatment")
        .WithSummary("Delete a treatment and its follow-ups. If-Match is optional; a stale one gets 412.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/follow-ups", async Task<IResult> (Guid id, TreatmentService treatments, PersonContext person, CancellationToken ct) =>
        {
            if (await treatments.FollowUpsAsync(id, ct) is not { } list)
            {
                return Problems.NotFound("Treatment");
            }
            var zone = await person.ZoneAsync(ct);
            return TypedResults.Ok(list.Select(f => FollowUpResponse.From(f, zone)).ToList());
        })
        .WithName("ListFollowUps")
        .Produces<List<FollowUpResponse>>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/follow-ups", async Task<IResult> (Guid id, FollowUpRequest request, HttpRequest http, TreatmentService treatments, PersonContext person, CancellationToken ct) =>
        {
            var (key, keyError) = Idempotency.KeyFrom(http);
            if (keyError is not null)
            {
                return Problems.Invalid(Idempotency.Header, keyError);
            }
            var hash = key is null ? null : Idempotency.HashOf(TreatmentService.FollowUpResourceType, new { id, request });
            var outcome = await treatments.AddFollowUpAsync(id, request.HoursAfter, request.Pain, request.Notes, key, hash, ct);
            var zone = await person.ZoneAsync(ct);
            return outcome.Status switch
            {
                FollowUpStatus.Created or FollowUpStatus.Replayed => TypedResults.Created(
                    $"/api/v1/treatments/{id}/follow-ups/{outcome.FollowUp!.HoursAfter}", FollowUpResponse.From(outcome.FollowUp, zone)),
                FollowUpStatus.Invalid => Problems.Invalid(outcome.Errors!),
                FollowUpStatus.TreatmentNotFound => TypedResults.Problem(title: "Treatment not found",
                    detail: "There is no such treatment: it may have been deleted. Nothing was saved.", statusCode: StatusCodes.Status404NotFound),
                FollowUpStatus.AlreadyGiven => AlreadyGiven(id, outcome.FollowUp!.HoursAfter),
                FollowUpStatus.KeyConflict => Problems.KeyReused(),
            };
        })
        .WithName("CreateFollowUp")
        .WithSummary("Give the pain 24 or 48 hours after a treatment. One follow-up per treatment and hours: a second one gets 409 and changes nothing (DELETE the first to give it again); a deleted treatment gets 404.")
        .Produces<FollowUpResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:guid}/follow-ups/{hours:int}", async Task<IResult> (Guid id, int hours, TreatmentService treatments, CancellationToken ct) =>
            await treatments.DeleteFollowUpAsync(id, hours, ct) ? TypedResults.NoContent() : Problems.NotFound("Follow-up"))
        .WithName("DeleteFollowUp")
        .WithSummary("Delete a follow-up, so it can be given again.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapEarSeeds(RouteGroupBuilder group)
    {
        group.MapPost("/", async Task<IResult> (EarSeedRequest request, HttpRequest http, EarSeedService seeds, CancellationToken ct) =>
        {
            var (key, keyError) = Idempotency.KeyFrom(http);
            if (keyError is not null)
            {
                return Problems.Invalid(Idempotency.Header, keyError);
            }
            var outcome = await seeds.CreateAsync(request.ToInput(), key, key is null ? null : Idempotency.HashOf(EarSeedService.ResourceType, request), ct);
            return outcome.Status switch
            {
                SaveStatus.Created or SaveStatus.Replayed => ETags.With(
                    TypedResults.Created($"/api/v1/ear-seeds/{outcome.View!.Application.Id}", ToResponse(outcome.View)), outcome.View.Application.Version),
                SaveStatus.Invalid => Problems.Invalid(outcome.Errors!),
                SaveStatus.KeyConflict => Problems.KeyReused(),
                _ => Problems.NotFound("Ear-seed application"),
            };
        })
        .WithName("CreateEarSeedApplication")
        .WithSummary("Put ear seeds on (one ear, some points); take-off-by defaults to 5 days later. Presses are treatments of the ear-seeds modality with earSeedApplicationId.")
        .Produces<EarSeedResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", async Task<IResult> (EarSeedService seeds, CancellationToken ct, bool current = false, int page = 1, int pageSize = 50) =>
        {
            var errors = new ValidationErrors();
            errors.Range("page", "Page", page, 1, 100_000);
            errors.Range("pageSize", "Page size", pageSize, 1, MaxPageSize);
            if (!errors.IsEmpty)
            {
                return Problems.Invalid(errors);
            }
            var (items, total) = await seeds.ListAsync(current, page, pageSize, ct);
            return TypedResults.Ok(new EarSeedPage([.. items.Select(ToResponse)], page, pageSize, total));
        })
        .WithName("ListEarSeedApplications")
        .WithSummary("Ear-seed applications, newest first; current=true keeps those still on.")
        .Produces<EarSeedPage>();

        group.MapGet("/{id:guid}", async Task<IResult> (Guid id, HttpResponse response, EarSeedService seeds, CancellationToken ct) =>
        {
            if (await seeds.GetAsync(id, ct) is not { } view)
            {
                return Problems.NotFound("Ear-seed application");
            }
            response.Headers.ETag = ETags.Of(view.Application.Version);
            return TypedResults.Ok(ToResponse(view));
        })
        .WithName("GetEarSeedApplication")
        .Produces<EarSeedResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/take-off", async Task<IResult> (Guid id, TakeOffRequest? request, HttpRequest http, EarSeedService seeds, CancellationToken ct) =>
        {
            var outcome = await seeds.TakeOffAsync(id, request?.RemovedAt, ETags.ParseIfMatch(http), ct);
            return outcome.Status switch
            {
                SaveStatus.Updated => ETags.With(TypedResults.Ok(ToResponse(outcome.View!)), outcome.View!.Application.Version),
                SaveStatus.Invalid when outcome.AlreadyTakenOff =>
                    TypedResults.Problem(title: "These seeds were already taken off", detail: string.Join(" ", outcome.Errors!.All), statusCode: StatusCodes.Status409Conflict),
                SaveStatus.Invalid => Problems.Invalid(outcome.Errors!),
                SaveStatus.Stale => Problems.Stale(),
                _ => Problems.NotFound("Ear-seed application"),
            };
        })
        .WithName("TakeOffEarSeeds")
        .WithSummary("Take ear seeds off, now or at removedAt. If-Match is optional; a stale one gets 412; seeds already off get 409.")
        .Produces<EarSeedResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static string FollowUpLink(Guid treatmentId, int hours) =>
        $"/treatments/{treatmentId}/follow-up?hours={hours.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static EarSeedResponse ToResponse(EarSeedView v) => EarSeedResponse.From(v.Application, v.Presses, v.LastPressUtc, v.Warnings);

    private static ProblemHttpResult AlreadyGiven(Guid id, int hours) => TypedResults.Problem(
        title: "This follow-up was already given",
        detail: $"The {hours}-hour follow-up of this treatment is recorded; nothing was changed. To give it again, DELETE /api/v1/treatments/{id}/follow-ups/{hours} first.",
        statusCode: StatusCodes.Status409Conflict);

    private static IResult Answer(TreatmentOutcome outcome, TreatmentService treatments, bool created)
    {
        switch (outcome.Status)
        {
            case SaveStatus.Created:
            case SaveStatus.Replayed:
            case SaveStatus.Updated:
                var body = TreatmentResponse.From(outcome.Treatment!, treatments.Catalog, outcome.Warnings ?? [], notices: outcome.Notices);
                return created
                    ? ETags.With(TypedResults.Created($"/api/v1/treatments/{body.Id}", body), outcome.Treatment!.Version)
                    : ETags.With(TypedResults.Ok(body), outcome.Treatment!.Version);
            case SaveStatus.Invalid:
                return Problems.Invalid(outcome.Errors!);
            case SaveStatus.NotFound:
                return Problems.NotFound("Treatment");
            case SaveStatus.Stale:
                return Problems.Stale();
            case SaveStatus.KeyConflict:
                return Problems.KeyReused();
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome.Status}.");
        }
    }

}

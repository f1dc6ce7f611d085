using SciaticaRelief.Core.Interop.Fhir;
using SciaticaRelief.Core.Questionnaires;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Journal;

namespace SciaticaRelief.Web.Questionnaires;

/// <summary>
/// /api/v1/questionnaires (instruments, as FHIR R4 Questionnaires; responses per instrument),
/// /api/v1/questionnaire-responses/{id} and /api/v1/questionnaire-schedules.
/// </summary>
public static class QuestionnaireApi
{
    public const string FhirJson = "application/fhir+json";

    public static RouteGroupBuilder MapQuestionnaireApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var instruments = api.MapGroup("/questionnaires").WithTags("Questionnaires");

        instruments.MapGet("/", (QuestionnaireService questionnaires) =>
            TypedResults.Ok(questionnaires.Catalog.Instruments.Select(InstrumentView.From).ToList()))
        .WithName("ListInstruments")
        .WithSummary("The instruments of this server with their scoring, bands, important change and LOINC codes; canAnswer is false for a licensed one whose questionnaire is not loaded.")
        .Produces<List<InstrumentView>>();

        instruments.MapGet("/{instrumentId}", IResult (string instrumentId, QuestionnaireService questionnaires) =>
        {
            if (questionnaires.Find(instrumentId) is not { } instrument)
            {
                return Problems.NotFound("Instrument");
            }
            if (!instrument.CanAnswer)
            {
                return TypedResults.Problem(title: "Instrument not loaded", statusCode: StatusCodes.Status404NotFound,
                    detail: $"{instrument.Title} is licensed; this server has not loaded its questionnaire (Questionnaires:LicensedFolder). Its scoring is in GET /api/v1/questionnaires.");
            }
            return TypedResults.Text(FhirQuestionnaireWriter.ToJson(instrument), FhirJson);
        })
        .WithName("GetInstrument")
        .WithSummary("One instrument as a FHIR R4 Questionnaire (application/fhir+json).")
        .Produces<string>(StatusCodes.Status200OK, FhirJson)
        .ProducesProblem(StatusCodes.Status404NotFound);

        instruments.MapPost("/{instrumentId}/responses", async Task<IResult> (string instrumentId, ResponseRequest request, HttpRequest http,
            QuestionnaireService questionnaires, CancellationToken ct) =>
        {
            var (key, keyError) = Idempotency.KeyFrom(http);
            if (keyError is not null)
            {
                return Problems.Invalid(Idempotency.Header, keyError);
            }
            var answers = (request.Answers ?? []).Select(a => new ResponseAnswer(a?.LinkId ?? "", a?.Code, a?.Integer, a?.Boolean)).ToList();
            var hash = key is null ? null : Idempotency.HashOf(QuestionnaireService.ResponseResource, new { instrumentId, request });
            var outcome = await questionnaires.RespondAsync(instrumentId, answers, request.AuthoredAt, key, hash, ct);
            switch (outcome.Status)
            {
                case SaveStatus.Created:
                case SaveStatus.Replayed:
                    var body = ResponseView.From(outcome.Response!, questionnaires.Find(outcome.Response!.InstrumentId));
                    http.HttpContext.Response.Headers.ETag = ETags.Of(body.Version);
                    return TypedResults.Created($"/api/v1/questionnaire-responses/{body.Id}", body);
                case SaveStatus.Invalid:
                    return Problems.Invalid(outcome.Errors!);
                case SaveStatus.KeyConflict:
                    return Problems.KeyReused();
                default:
                    return Problems.NotFound("Instrument");
            }
        })
        .WithName("CreateQuestionnaireResponse")
        .WithSummary("Answer an instrument: the answers are validated and scored; 201 with the score and band. Send an Idempotency-Key to make retries safe.")
        .Produces<ResponseView>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        instruments.MapGet("/{instrumentId}/responses", async Task<IResult> (string instrumentId, QuestionnaireService questionnaires, CancellationToken ct) =>
        {
            if (questionnaires.Find(instrumentId) is not { } instrument)
            {
                return Problems.NotFound("Instrument");
            }
            var rows = await questionnaires.ListAsync(instrument.Id, ct);
            return TypedResults.Ok(History(instrument, rows));
        })
        .WithName("ListQuestionnaireResponses")
        .WithSummary("An instrument's scores over time, oldest first, with its bands and the change from the first response.")
        .Produces<ResponseHistory>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        var responses = api.MapGroup("/questionnaire-responses").WithTags("Questionnaires");

        responses.MapGet("/{id:guid}", async Task<IResult> (Guid id, HttpResponse http, QuestionnaireService questionnaires, CancellationToken ct) =>
        {
            if (await questionnaires.GetAsync(id, ct) is not { } row)
            {
                return Problems.NotFound("Questionnaire response");
            }
            http.Headers.ETag = ETags.Of(row.Version);
            return TypedResults.Ok(ResponseView.From(row, questionnaires.Find(row.InstrumentId)));
        })
        .WithName("GetQuestionnaireResponse")
        .Produces<ResponseView>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        responses.MapDelete("/{id:guid}", async Task<IResult> (Guid id, HttpRequest http, QuestionnaireService questionnaires, CancellationToken ct) =>
            await questionnaires.DeleteAsync(id, ETags.ParseIfMatch(http), ct) switch
            {
                SaveStatus.NotFound => Problems.NotFound("Questionnaire response"),
                SaveStatus.Stale => Problems.Stale(),
                _ => TypedResults.NoContent(),
            })
        .WithName("DeleteQuestionnaireResponse")
        .WithSummary("Delete a response. If-Match is optional; a stale one gets 412.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

        var schedules = api.MapGroup("/questionnaire-schedules").WithTags("Questionnaires");

        schedules.MapGet("/", async (QuestionnaireService questionnaires, CancellationToken ct) =>
            TypedResults.Ok((await questionnaires.SchedulesAsync(ct)).Select(ScheduleView.From).ToList()))
        .WithName("ListQuestionnaireSchedules")
        .WithSummary("Schedules with the local day each is next due.")
        .Produces<List<ScheduleView>>();

        schedules.MapPost("/", async Task<IResult> (ScheduleRequest request, HttpRequest http, QuestionnaireService questionnaires, CancellationToken ct) =>
        {
            var (key, keyError) = Idempotency.KeyFrom(http);
            if (keyError is not null)
            {
                return Problems.Invalid(Idempotency.Header, keyError);
            }
            var hash = key is null ? null : Idempotency.HashOf(QuestionnaireService.ScheduleResource, request);
            var outcome = await questionnaires.ScheduleAsync(request.InstrumentId, request.Frequency, request.StartsOn, key, hash, ct);
            switch (outcome.Status)
            {
                case SaveStatus.Created:
                case SaveStatus.Replayed:
                    var current = await questionnaires.ScheduleAsync(outcome.Schedule!.Id, ct);
                    return TypedResults.Created($"/api/v1/questionnaire-schedules/{outcome.Schedule.Id}", ScheduleView.From(current!));
                case SaveStatus.Invalid:
                    return Problems.Invalid(outcome.Errors!);
                case SaveStatus.KeyConflict:
                    return Problems.KeyReused();
                default:
                    return Problems.NotFound("Questionnaire schedule");
            }
        })
        .WithName("CreateQuestionnaireSchedule")
        .WithSummary("Schedule an instrument daily, weekly or monthly (one schedule per instrument; a stopped one is started again).")
        .Produces<ScheduleView>(StatusCodes.Status201Created)
        .ProducesValidationProblem();

        schedules.MapPost("/{id:guid}/stop", async Task<IResult> (Guid id, HttpRequest http, QuestionnaireService questionnaires, CancellationToken ct) =>
        {
            var outcome = await questionnaires.StopScheduleAsync(id, ETags.ParseIfMatch(http), ct);
            return outcome.Status switch
            {
                SaveStatus.NotFound => Problems.NotFound("Questionnaire schedule"),
                SaveStatus.Stale => Problems.Stale(),
                _ => TypedResults.Ok(ScheduleView.From((await questionnaires.ScheduleAsync(id, ct))!)),
            };
        })
        .WithName("StopQuestionnaireSchedule")
        .WithSummary("Stop a schedule; its history stays. If-Match is optional; a stale one gets 412.")
        .Produces<ScheduleView>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    public static ResponseHistory History(Instrument instrument, IReadOnlyList<QuestionnaireResponse> rows)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(rows);
        var scored = rows.Where(r => r.Score is not null).ToList();
        ChangeView? change = null;
        if (scored.Count >= 2)
        {
            var c = instrument.Scoring.Compare(scored[0].Score!.Value, scored[^1].Score!.Value);
            change = new ChangeView(c.Baseline, c.Latest, c.Difference, c.Percent, c.Important, c.Better);
        }
        return new ResponseHistory(InstrumentView.From(instrument), change, [.. rows.Select(r => ResponseView.From(r, instrument))]);
    }
}

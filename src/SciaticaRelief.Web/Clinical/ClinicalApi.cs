using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.Clinical;

/// <summary>
/// Clinical records. For a Therapist (<see cref="MapClinicalTherapistApi"/>): intakes and session
/// notes on a client (/api/v1/clients/{clientId}/..., through a live Grant) and their own notes
/// (/api/v1/notes, kept after a revocation). For a Person (<see cref="MapIntakeApi"/>): the intakes
/// written for them, to confirm or decline.
/// </summary>
public static class ClinicalApi
{
    /// <summary>The Person's side, on the Person API group.</summary>
    public static RouteGroupBuilder MapIntakeApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/intakes").WithTags("Intakes");

        group.MapGet("/", async (IntakeService intakes, CancellationToken ct) =>
                TypedResults.Ok((await intakes.ListAsync(ct)).Select(v => IntakeResponse.From(v.Intake, v.TherapistName)).ToList()))
            .WithName("ListIntakes")
            .WithSummary("The intake forms Therapists wrote for you, pending first.");

        group.MapGet("/{id:guid}", async Task<IResult> (Guid id, IntakeService intakes, CancellationToken ct) =>
                await intakes.GetAsync(id, ct) is { } v ? TypedResults.Ok(IntakeResponse.From(v.Intake, v.TherapistName)) : Problems.NotFound("Intake"))
            .WithName("GetIntake")
            .Produces<IntakeResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/confirm", (Guid id, IntakeService intakes, PersonContext person, CancellationToken ct) => DecideAsync(id, true, intakes, person, ct))
            .WithName("ConfirmIntake")
            .WithSummary("Confirm an intake: its health conditions are added to your Profile (none is removed). Once only: a second decision gets 409.")
            .Produces<IntakeResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/decline", (Guid id, IntakeService intakes, PersonContext person, CancellationToken ct) => DecideAsync(id, false, intakes, person, ct))
            .WithName("DeclineIntake")
            .WithSummary("Decline an intake: your Profile is not changed. Once only: a second decision gets 409.")
            .Produces<IntakeResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> DecideAsync(Guid id, bool confirm, IntakeService intakes, PersonContext person, CancellationToken ct)
    {
        var (status, view) = await intakes.DecideAsync(id, confirm, person, ct);
        return status switch
        {
            DecisionStatus.Confirmed or DecisionStatus.Declined => TypedResults.Ok(IntakeResponse.From(view!.Intake, view.TherapistName)),
            DecisionStatus.AlreadyDecided => AlreadyDecided(view!),
            DecisionStatus.NotFound => Problems.NotFound("Intake"),
        };
    }

    public static IResult AlreadyDecided(IntakeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return TypedResults.Problem(
            title: "This intake was already decided",
            detail: $"You already {(view.Intake.Status == Core.Clinical.IntakeStatus.Confirmed ? "confirmed" : "declined")} this intake. Nothing was changed.",
            statusCode: StatusCodes.Status409Conflict);
    }

    /// <summary>The Therapist's side, on a group that requires a Therapist.</summary>
    public static RouteGroupBuilder MapClinicalTherapistApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var clients = api.MapGroup("/clients/{clientId:guid}").WithTags("Clinical records");

        clients.MapPost("/intakes", async Task<IResult> (Guid clientId, IntakeRequest request, HttpRequest http, IntakeService intakes, CancellationToken ct) =>
        {
            var (key, keyError) = Idempotency.KeyFrom(http);
            if (keyError is not null)
            {
                return Problems.Invalid(Idempotency.Header, keyError);
            }
            var outcome = await intakes.CreateAsync(clientId, request.ToInput(), key,
                key is null ? null : Idempotency.HashOf(IntakeService.ResourceType, new { clientId, request }), ct);
            return outcome.Status switch
            {
                SaveStatus.Created or SaveStatus.Replayed => TypedResults.Created($"/api/v1/clients/{clientId}/intakes", IntakeResponse.From(outcome.Intake!, "")),
                SaveStatus.Invalid => Problems.Invalid(outcome.Errors!),
                SaveStatus.KeyConflict => Problems.KeyReused(),
                _ => Problems.NotFound("Client"),
            };
        })
        .WithName("CreateIntake")
        .WithSummary("Write an intake form for a client with a live grant; the client confirms or declines it. No live grant: 404.")
        .Produces<IntakeResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);

        clients.MapGet("/intakes", async Task<IResult> (Guid clientId, IntakeService intakes, CancellationToken ct) =>
                await intakes.ForClientAsync(clientId, ct) is { } list
                    ? TypedResults.Ok(list.Select(i => IntakeResponse.From(i, "")).ToList())
                    : Problems.NotFound("Client"))
            .WithName("ListClientIntakes")
            .WithSummary("The intakes you wrote for a client, newest first, with their status. No live grant: 404.")
            .Produces<List<IntakeResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        clients.MapPost("/notes", async Task<IResult> (Guid clientId, SessionNoteRequest request, HttpRequest http, SessionNoteService notes, CancellationToken ct) =>
        {
            var (key, keyError) = Idempotency.KeyFrom(http);
            if (keyError is not null)
            {
                return Problems.Invalid(Idempotency.Header, keyError);
            }
            var outcome = await notes.CreateAsync(clientId, request.ToInput(), key,
                key is null ? null : Idempotency.HashOf(SessionNoteService.ResourceType, new { clientId, request }), ct);
            return NoteAnswer(outcome, "Client");
        })
        .WithName("CreateSessionNote")
        .WithSummary("Write a SOAP session note for a client with a live grant, signed with your name. No live grant: 404. A technique that conflicts with the client's health conditions never refuses the note: the warnings, with reason and source, are stored with it (safetyWarnings).")
        .Produces<SessionNoteResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);

        var notes = api.MapGroup("/notes").WithTags("Clinical records");

        notes.MapGet("/", async (SessionNoteService service, CancellationToken ct, Guid? clientId) =>
                TypedResults.Ok((await service.ListAsync(clientId, ct)).Select(SessionNoteChainResponse.From).ToList()))
            .WithName("ListSessionNotes")
            .WithSummary("Your session notes, newest session first, each with its amendments; clientId keeps one client's. Kept after a client revokes.");

        notes.MapGet("/{id:guid}", async Task<IResult> (Guid id, SessionNoteService service, CancellationToken ct) =>
                await service.GetChainAsync(id, ct) is { } chain ? TypedResults.Ok(SessionNoteChainResponse.From(chain)) : Problems.NotFound("Session note"))
            .WithName("GetSessionNote")
            .WithSummary("A note (the id of the original or of any amendment) with its amendments in order; the original as signed.")
            .Produces<SessionNoteChainResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        notes.MapPost("/{id:guid}/amendments", async Task<IResult> (Guid id, AmendmentRequest request, HttpRequest http, SessionNoteService service, CancellationToken ct) =>
        {
            var (key, keyError) = Idempotency.KeyFrom(http);
            if (keyError is not null)
            {
                return Problems.Invalid(Idempotency.Header, keyError);
            }
            var outcome = await service.AmendAsync(id, request.ToInput(), request.Reason, key,
                key is null ? null : Idempotency.HashOf(SessionNoteService.ResourceType, new { id, request }), ct);
            return NoteAnswer(outcome, "Session note");
        })
        .WithName("AmendSessionNote")
        .WithSummary("Amend one of your notes: a new signed note with the reason, and the safety warnings for the client's conditions now; the original is kept unchanged. Another Therapist's note, or a client who no longer shares with you (no live grant; audited as denied): 404.")
        .Produces<SessionNoteResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static IResult NoteAnswer(NoteOutcome outcome, string missing) => outcome.Status switch
    {
        SaveStatus.Created or SaveStatus.Replayed => TypedResults.Created($"/api/v1/notes/{outcome.Note!.Id}", SessionNoteResponse.From(outcome.Note)),
        SaveStatus.Invalid => Problems.Invalid(outcome.Errors!),
        SaveStatus.KeyConflict => Problems.KeyReused(),
        _ => Problems.NotFound(missing),
    };
}

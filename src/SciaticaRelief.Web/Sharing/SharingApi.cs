using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Questionnaires;
using SciaticaRelief.Web.Security;
using SciaticaRelief.Web.Startup;
using SciaticaRelief.Web.Treatments;

namespace SciaticaRelief.Web.Sharing;

/// <summary>
/// /api/v1/sharing (the Person: invites, grants, the audit log) and /api/v1/clients (the
/// Therapist: redeem a code, the client list, a client's brief and shared data through
/// <see cref="ClientAccess"/>).
/// </summary>
public static class SharingApi
{
    public const int MaxPageSize = 200;

    /// <summary>The Person's endpoints, inside the API group that requires a Person.</summary>
    public static RouteGroupBuilder MapSharingApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/sharing").WithTags("Sharing");

        // No Idempotency-Key: the code is shown once and only its hash is kept, so a replay could not
        // give the same code back; a second invite is harmless (each expires, and can be cancelled).
        group.MapPost("/invites", async Task<IResult> (InviteRequest? request, SharingService sharing, CancellationToken ct) =>
        {
            var (scopes, unknown) = GrantScopes.Parse(request?.Scopes);
            if (unknown.Count > 0)
            {
                return Problems.Invalid("scopes", $"Unknown scope: {string.Join(", ", unknown)}. Use any of {string.Join(", ", GrantScopes.Each.Select(e => e.Name))} (red-flag results are always shared).");
            }
            var created = await sharing.CreateInviteAsync(scopes, ct);
            return TypedResults.Created($"/api/v1/sharing/invites/{created.Id}", created);
        })
        .WithName("CreateInvite")
        .WithSummary("Create a one-time invite code for a Therapist, choosing what to share; red-flag results are always shared with any grant, for safety. The code is shown once and lasts 7 days.")
        .Produces<InviteCreatedResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem();

        group.MapGet("/invites", async (SharingService sharing, CancellationToken ct) => TypedResults.Ok(await sharing.InvitesAsync(ct)))
            .WithName("ListInvites")
            .WithSummary("Your invites, newest first, with their status (pending, redeemed, cancelled, expired); never their codes.")
            .Produces<IReadOnlyList<InviteResponse>>();

        group.MapDelete("/invites/{id:guid}", async Task<IResult> (Guid id, SharingService sharing, CancellationToken ct) =>
            await sharing.CancelInviteAsync(id, ct) switch
            {
                CancelStatus.Cancelled => TypedResults.NoContent(),
                CancelStatus.NotFound => Problems.NotFound("Invite"),
                CancelStatus.AlreadyUsed => TypedResults.Problem(title: "This invite was already used",
                    detail: "A Therapist redeemed this code, so it cannot be cancelled. Revoke their grant instead (POST /api/v1/sharing/grants/{id}/revoke).",
                    statusCode: StatusCodes.Status409Conflict),
            })
        .WithName("CancelInvite")
        .WithSummary("Cancel an unused invite code; cancelling one already cancelled changes nothing.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/grants", async (SharingService sharing, CancellationToken ct) => TypedResults.Ok(await sharing.GrantsAsync(ct)))
            .WithName("ListGrants")
            .WithSummary("Who can see your data: each Therapist, what they see, since when, and whether it is live or revoked.")
            .Produces<IReadOnlyList<GrantResponse>>();

        group.MapPost("/grants/{id:guid}/revoke", async Task<IResult> (Guid id, SharingService sharing, CancellationToken ct) =>
            await sharing.RevokeAsync(id, ct) is { } grant ? TypedResults.Ok(grant) : Problems.NotFound("Grant"))
        .WithName("RevokeGrant")
        .WithSummary("Revoke a grant at once: the Therapist's very next request is refused. Revoking one already revoked changes nothing.")
        .Produces<GrantResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/audit", async (SharingService sharing, CancellationToken ct) => TypedResults.Ok(await sharing.AuditAsync(ct)))
            .WithName("GetAuditLog")
            .WithSummary("Every read or change of your data by someone else (who, what, when, outcome), newest first, and whether the hash chain is intact.")
            .Produces<AuditResponse>();
        return api;
    }

    /// <summary>The Therapist's client list, joining and client reads, on the group that requires a Therapist.</summary>
    public static RouteGroupBuilder MapClientApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/clients").WithTags("Clients");

        group.MapPost("/join", async Task<IResult> (JoinRequest? request, SharingService sharing, CancellationToken ct) =>
        {
            var outcome = await sharing.JoinAsync(request?.Code, ct);
            return outcome.Status switch
            {
                JoinStatus.Joined => TypedResults.Created($"/api/v1/clients/{outcome.Joined!.ClientId}/brief", outcome.Joined),
                JoinStatus.Malformed => Problems.Invalid("code", outcome.Message),
                JoinStatus.Unknown => TypedResults.Problem(title: "Invite code not found", detail: outcome.Message, statusCode: StatusCodes.Status404NotFound),
                JoinStatus.Expired or JoinStatus.Cancelled or JoinStatus.AlreadyUsed =>
                    TypedResults.Problem(title: "This invite code cannot be used", detail: outcome.Message, statusCode: StatusCodes.Status410Gone),
            };
        })
        .WithName("JoinClient")
        .WithSummary("Redeem a client's invite code: creates a grant with the scopes the client chose (replacing a live one from the same client). Each code works once; an expired, cancelled or used code creates nothing.")
        .Produces<JoinResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status410Gone);

        group.MapGet("/", async (SharingService sharing, CancellationToken ct) => TypedResults.Ok(await sharing.ClientsAsync(ct)))
            .WithName("ListClients")
            .WithSummary("Your clients with a live grant (name, what they share, since when); for former clients only the date access ended.")
            .Produces<ClientListResponse>();

        group.MapGet("/{clientId:guid}/brief", async Task<IResult> (Guid clientId, ClientAccess access, BriefService briefs, CancellationToken ct) =>
            await access.OpenAsync(clientId, GrantScope.None, AuditActions.Read, "brief", ct) is { } grant
                ? TypedResults.Ok(await briefs.BuildAsync(grant, ct))
                : Problems.NotFound("Client"))
        .WithName("GetClientBrief")
        .WithSummary("The pre-visit brief: red flags first (always shared), then the last 7 days of pain, treatments, 14 days of plan adherence and the latest questionnaire scores, each when shared.")
        .Produces<BriefResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{clientId:guid}/journal", async Task<IResult> (Guid clientId, ClientAccess access, JournalService journal, CancellationToken ct,
            DateOnly? from, DateOnly? to, int page = 1, int pageSize = 50) =>
        {
            if (await access.OpenAsync(clientId, GrantScope.Journal, AuditActions.Read, "journal", ct) is null)
            {
                return Problems.NotFound("Client");
            }
            if (PageErrors(page, pageSize, from, to) is { } errors)
            {
                return Problems.Invalid(errors);
            }
            var (items, total) = await journal.ListAsync(new JournalFilter(from, to), page, pageSize, ct);
            return TypedResults.Ok(new CheckInPage([.. items.Select(i => CheckInResponse.From(i.Entry, i.Triage))], page, pageSize, total));
        })
        .WithName("ListClientCheckIns")
        .WithSummary("A client's check-ins, newest first (journal scope).")
        .Produces<CheckInPage>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{clientId:guid}/treatments", async Task<IResult> (Guid clientId, ClientAccess access, TreatmentService treatments, CancellationToken ct,
            DateOnly? from, DateOnly? to, int page = 1, int pageSize = 50) =>
        {
            if (await access.OpenAsync(clientId, GrantScope.Treatments, AuditActions.Read, "treatments", ct) is null)
            {
                return Problems.NotFound("Client");
            }
            if (PageErrors(page, pageSize, from, to) is { } errors)
            {
                return Problems.Invalid(errors);
            }
            var (items, total) = await treatments.ListAsync(new TreatmentFilter(From: from, To: to), page, pageSize, ct);
            return TypedResults.Ok(new TreatmentPage(
                [.. items.Select(i => TreatmentResponse.From(i.Treatment, treatments.Catalog, i.Warnings, i.FollowUps))], page, pageSize, total));
        })
        .WithName("ListClientTreatments")
        .WithSummary("A client's treatments, newest first, with their warnings and follow-ups (treatments scope).")
        .Produces<TreatmentPage>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{clientId:guid}/questionnaire-responses", async Task<IResult> (Guid clientId, ClientAccess access, QuestionnaireService questionnaires, CancellationToken ct) =>
        {
            if (await access.OpenAsync(clientId, GrantScope.Questionnaires, AuditActions.Read, "questionnaire-responses", ct) is null)
            {
                return Problems.NotFound("Client");
            }
            var histories = await questionnaires.HistoriesAsync(ct);
            return TypedResults.Ok(histories.Select(h => h.History).ToList());
        })
        .WithName("ListClientQuestionnaireResponses")
        .WithSummary("A client's questionnaire scores over time, per instrument, with bands and the change from the first response (questionnaires scope).")
        .Produces<List<ResponseHistory>>()
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static ValidationErrors? PageErrors(int page, int pageSize, DateOnly? from, DateOnly? to)
    {
        var errors = new ValidationErrors();
        errors.Range("page", "Page", page, 1, 100_000);
        errors.Range("pageSize", "Page size", pageSize, 1, MaxPageSize);
        if (from is { } f && to is { } t && f > t)
        {
            errors.Add("to", "The end date must not be before the start date.");
        }
        return errors.IsEmpty ? null : errors;
    }
}

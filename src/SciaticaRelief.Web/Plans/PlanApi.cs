using System.Text;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Security;
using SciaticaRelief.Web.Sharing;
using SciaticaRelief.Web.Startup;

namespace SciaticaRelief.Web.Plans;

/// <summary>
/// /api/v1/plan (a Person's plan items, occurrences, next up, done, adherence, .ics download and
/// feed token), the anonymous feed /feeds/{token}.ics, and a Therapist's home-care plan for a
/// client, /api/v1/clients/{clientId}/plan (through <see cref="ClientAccess"/>, scope Plan).
/// </summary>
public static class PlanApi
{
    public const string CalendarContentType = "text/calendar; charset=utf-8";

    public static RouteGroupBuilder MapPlanApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/plan").WithTags("Plan");

        group.MapGet("/items", async (PlanService plans, CancellationToken ct) =>
        {
            var rows = await plans.ListAsync(ct);
            var names = await plans.TherapistNamesAsync(rows, ct);
            return TypedResults.Ok(rows.Select(r => PlanItemResponse.From(r, Name(names, r))).ToList());
        })
        .WithName("ListPlanItems")
        .WithSummary("The Person's plan items, with any daylight-saving notes for their first year.");

        group.MapPost("/items", async Task<IResult> (PlanItemRequest request, HttpRequest http, PlanService plans, CancellationToken ct) =>
        {
            var (key, keyError) = Idempotency.KeyFrom(http);
            if (keyError is not null)
            {
                return Problems.Invalid(Idempotency.Header, keyError);
            }
            var errors = new ValidationErrors();
            var input = request.ToInput(errors);
            if (!errors.IsEmpty)
            {
                return Problems.Invalid(errors);
            }
            var outcome = await plans.CreateAsync(input, key, key is null ? null : Idempotency.HashOf(PlanService.ResourceType, request), ct);
            return await AnswerAsync(outcome, plans, created: true, ct);
        })
        .WithName("CreatePlanItem")
        .WithSummary("Add a plan item. An appointment that overlaps another is refused (422 with the other's name and date); nothing is saved.")
        .Produces<PlanItemResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem();

        group.MapGet("/items/{id:guid}", async Task<IResult> (Guid id, HttpResponse response, PlanService plans, CancellationToken ct) =>
        {
            if (await plans.FindAsync(id, ct) is not { } row)
            {
                return Problems.NotFound("Plan item");
            }
            response.Headers.ETag = ETags.Of(row.Version);
            var names = await plans.TherapistNamesAsync([row], ct);
            return TypedResults.Ok(PlanItemResponse.From(row, Name(names, row)));
        })
        .WithName("GetPlanItem")
        .Produces<PlanItemResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/items/{id:guid}", async Task<IResult> (Guid id, PlanItemRequest request, HttpRequest http, PlanService plans, CancellationToken ct) =>
        {
            if (ETags.ParseIfMatch(http) is not { } version)
            {
                return Problems.PreconditionRequired();
            }
            var errors = new ValidationErrors();
            var input = request.ToInput(errors);
            return await AnswerAsync(await plans.UpdateAsync(id, version, input, errors, ct), plans, created: false, ct);
        })
        .WithName("UpdatePlanItem")
        .WithSummary("Replace a plan item. Send If-Match with the ETag you read; a stale one gets 412. The feed's SEQUENCE goes up so calendars take the change.")
        .Produces<PlanItemResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapDelete("/items/{id:guid}", async Task<IResult> (Guid id, HttpRequest http, PlanService plans, CancellationToken ct) =>
            await plans.DeleteAsync(id, ETags.ParseIfMatch(http), ct) switch
            {
                SaveStatus.NotFound => Problems.NotFound("Plan item"),
                SaveStatus.Stale => Problems.Stale(),
                _ => TypedResults.NoContent(),
            })
        .WithName("DeletePlanItem")
        .WithSummary("Delete a plan item and its done marks. If-Match is optional; a stale one gets 412.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/items/{id:guid}/done", async Task<IResult> (Guid id, DoneRequest? request, PlanService plans, CancellationToken ct) =>
        {
            var outcome = await plans.MarkDoneAsync(id, request?.Date, ct);
            switch (outcome.Status)
            {
                case SaveStatus.NotFound:
                    return Problems.NotFound("Plan item");
                case SaveStatus.Invalid:
                    return Problems.Invalid(outcome.Errors!);
                default:
                    var zone = await plans.ZoneAsync(ct);
                    var c = outcome.Completion!;
                    var body = new DoneResponse(id, c.OccurrenceDate, Treatments.Times.InZone(c.CompletedAtUtc, zone), outcome.Created, PlanLinks.LogLink(outcome.Item!));
                    return outcome.Created ? TypedResults.Created($"/api/v1/plan/items/{id}", body) : TypedResults.Ok(body);
            }
        })
        .WithName("MarkPlanItemDone")
        .WithSummary("Mark one occurrence done (its local date). A second call for the same date adds nothing and answers 200. The link is the page that logs it.")
        .Produces<DoneResponse>(StatusCodes.Status201Created)
        .Produces<DoneResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/occurrences", async Task<IResult> (PlanService plans, CancellationToken ct, DateOnly? from, DateOnly? to) =>
        {
            var today = await plans.TodayAsync(ct);
            var first = from ?? today;
            var last = to ?? first.AddDays(13);
            var errors = new ValidationErrors();
            if (last < first)
            {
                errors.Add("to", "The end date must not be before the start date.");
            }
            else if (last.DayNumber - first.DayNumber >= PlanService.MaxWindowDays)
            {
                errors.Add("to", $"Ask for at most {PlanService.MaxWindowDays} days at once.");
            }
            if (!errors.IsEmpty)
            {
                return Problems.Invalid(errors);
            }
            var pause = await plans.PauseAsync(ct);
            var zone = await plans.ZoneAsync(ct);
            var entries = await plans.OccurrencesAsync(first, last, pause.Level, ct);
            return TypedResults.Ok(new OccurrencesResponse(first, last, zone.Id, PauseOf(pause),
                [.. entries.Select(e => OccurrenceResponse.From(e.Occurrence, e.Done, zone))]));
        })
        .WithName("ListPlanOccurrences")
        .WithSummary("Occurrences on local dates from..to (default: today and the next 13 days; at most 92 days), with paused and done flags and daylight-saving notes.")
        .Produces<OccurrencesResponse>()
        .ProducesValidationProblem();

        group.MapGet("/next", async (PlanService plans, CancellationToken ct, int? count) =>
        {
            var pause = await plans.PauseAsync(ct);
            var zone = await plans.ZoneAsync(ct);
            var next = await plans.NextUpAsync(Math.Clamp(count ?? 3, 1, 20), pause.Level, ct);
            return TypedResults.Ok(next.Select(o => OccurrenceResponse.From(o, false, zone)).ToList());
        })
        .WithName("NextUp")
        .WithSummary("What comes next (3 by default, at most 20); items paused by triage are left out.");

        group.MapGet("/adherence", async Task<IResult> (PlanService plans, CancellationToken ct, int? days) =>
        {
            var n = days ?? PlanService.DefaultAdherenceDays;
            if (n is < 1 or > PlanAdherence.MaxDays)
            {
                return Problems.Invalid("days", $"Days must be from 1 to {PlanAdherence.MaxDays}.");
            }
            return TypedResults.Ok(await AdherenceAsync(plans, n, ct));
        })
        .WithName("PlanAdherence")
        .WithSummary("For each item, how many of its planned days in the last N days (today included; 14 by default) were marked done.")
        .Produces<AdherenceResponse>()
        .ProducesValidationProblem();

        group.MapGet("/calendar.ics", async (PlanService plans, HttpResponse response, CancellationToken ct) =>
        {
            response.Headers.CacheControl = "private, no-store";
            response.Headers.ContentDisposition = "attachment; filename=\"sciatica-relief-plan.ics\"";
            return TypedResults.Text(await plans.CalendarAsync(ct), CalendarContentType, Encoding.UTF8);
        })
        .WithName("DownloadPlanCalendar")
        .WithSummary("The plan as an iCalendar file to import into a calendar app (no symptom text).");

        group.MapPost("/feed-token", async (PlanFeedService feeds, CurrentPerson person, HttpRequest http, CancellationToken ct) =>
        {
            var (token, secret) = await feeds.RotateAsync(person.Id, ct);
            var (url, webcal) = feeds.UrlsFor(http, secret);
            return TypedResults.Ok(new FeedTokenResponse(url, webcal, new DateTimeOffset(token.CreatedAtUtc, TimeSpan.Zero)));
        })
        .WithName("RotatePlanFeedToken")
        .WithSummary("Make the private calendar feed URL (revoking any earlier one). The URL is shown only in this answer.");

        group.MapDelete("/feed-token", async (PlanFeedService feeds, CurrentPerson person, CancellationToken ct) =>
        {
            await feeds.RevokeAsync(person.Id, ct);
            return TypedResults.NoContent();
        })
        .WithName("RevokePlanFeedToken")
        .WithSummary("Turn the private calendar feed off: its URL answers 404 from now on.");
        return api;
    }

    /// <summary>The feed a calendar app subscribes to: anonymous, the token is the credential.</summary>
    public static IEndpointRouteBuilder MapPlanFeed(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/feeds/{token}.ics", async Task<IResult> (string token, PlanFeedService feeds, HttpResponse response, CancellationToken ct) =>
        {
            response.Headers.CacheControl = "private, no-store";
            if (await feeds.RenderAsync(token, ct) is not { } text)
            {
                return Problems.NotFound("Calendar feed");
            }
            return TypedResults.Text(text, CalendarContentType, Encoding.UTF8);
        })
        .AllowAnonymous()
        .RequireRateLimiting(PlanRegistration.FeedLimit)
        .WithTags("Plan")
        .WithName("PlanFeed")
        .WithSummary("The private calendar feed (subscribe to its URL). Unknown or revoked tokens get 404.");
        return app;
    }

    /// <summary>A Therapist's home-care plan for one client: every call opens the client through <see cref="ClientAccess"/> (scope Plan).</summary>
    public static RouteGroupBuilder MapClientPlanApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/clients/{clientId:guid}/plan").WithTags("Clients");

        group.MapGet("/items", async Task<IResult> (Guid clientId, ClientAccess access, PlanService plans, CancellationToken ct) =>
        {
            if (await access.OpenAsync(clientId, GrantScope.Plan, AuditActions.Read, "plan", ct) is null)
            {
                return Problems.NotFound("Client");
            }
            var rows = await plans.ListAsync(ct);
            var names = await plans.TherapistNamesAsync(rows, ct);
            return TypedResults.Ok(rows.Select(r => PlanItemResponse.From(r, Name(names, r))).ToList());
        })
        .WithName("ListClientPlanItems")
        .WithSummary("The client's plan (with a Plan grant), including the home-care items each Therapist assigned.");

        group.MapPost("/items", async Task<IResult> (Guid clientId, ClientPlanItemRequest request, HttpRequest http, ClientAccess access, PlanService plans,
            CurrentPerson current, CancellationToken ct) =>
        {
            var (key, keyError) = Idempotency.KeyFrom(http);
            if (keyError is not null)
            {
                return Problems.Invalid(Idempotency.Header, keyError);
            }
            if (await access.OpenAsync(clientId, GrantScope.Plan, AuditActions.Create, "plan-item", ct) is null)
            {
                return Problems.NotFound("Client");
            }
            if (await plans.StandingAsync(ct) is { PausesSelfCare: true } standing)
            {
                return Paused(standing);
            }
            var outcome = await plans.AssignAsync(request, current.TherapistId!.Value, key,
                key is null ? null : Idempotency.HashOf(PlanService.ResourceType, request), ct);
            if (outcome.Status == SaveStatus.Created)
            {
                await access.RecordAsync(clientId, AuditActions.Create, $"plan-item/{outcome.Item!.Id}", AuditOutcomes.Allowed, ct);
            }
            return await AnswerAsync(outcome, plans, created: true, ct, $"/api/v1/clients/{clientId}/plan/items");
        })
        .WithName("AssignClientPlanItem")
        .WithSummary("Assign a home-care item: a home routine (acupressure with body points, a machine, heat) or ear-seed presses with ear points; daily or weekly.")
        .WithDescription("Checked against the client's health conditions: care they must avoid is refused (400 naming the field, with the reason and its source); care with precautions is assigned and the precautions, with their sources, are stored and returned with the item. While the client's triage standing pauses self-care (Emergency or Urgent, or the warning-sign questions never answered) nothing is assigned: 409 with seekCareOnly true.")
        .Produces<PlanItemResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/items/{id:guid}", async Task<IResult> (Guid clientId, Guid id, ClientAccess access, PlanService plans, CurrentPerson current, CancellationToken ct) =>
        {
            if (await access.OpenAsync(clientId, GrantScope.Plan, AuditActions.Delete, $"plan-item/{id}", ct) is null)
            {
                return Problems.NotFound("Client");
            }
            // Only items this Therapist assigned: the Person's own plan is theirs to change.
            var status = await plans.DeleteAsync(id, null, ct, onlyAssignedBy: current.TherapistId!.Value);
            if (status == SaveStatus.NotFound)
            {
                return Problems.NotFound("Plan item");
            }
            await access.RecordAsync(clientId, AuditActions.Delete, $"plan-item/{id}", AuditOutcomes.Allowed, ct);
            return TypedResults.NoContent();
        })
        .WithName("DeleteClientPlanItem")
        .WithSummary("Remove a home-care item this Therapist assigned (others' items answer 404).")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/adherence", async Task<IResult> (Guid clientId, ClientAccess access, PlanService plans, CancellationToken ct, int? days) =>
        {
            var n = days ?? PlanService.DefaultAdherenceDays;
            if (n is < 1 or > PlanAdherence.MaxDays)
            {
                return Problems.Invalid("days", $"Days must be from 1 to {PlanAdherence.MaxDays}.");
            }
            if (await access.OpenAsync(clientId, GrantScope.Plan, AuditActions.Read, "plan-adherence", ct) is null)
            {
                return Problems.NotFound("Client");
            }
            return TypedResults.Ok(await AdherenceAsync(plans, n, ct));
        })
        .WithName("ClientPlanAdherence")
        .WithSummary("The client's adherence per plan item over the last N days (14 by default).")
        .Produces<AdherenceResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>
    /// The answer to an assignment while the client's standing pauses self-care: home care is never
    /// assigned then (PRODUCT.md), the client should see a doctor first (or answer the screen).
    /// </summary>
    public static IResult Paused(TriageStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var screen = standing.ScreenRequired && !standing.Effective.PausesSelfCare();
        return TypedResults.Problem(
            title: screen ? "The client has not answered the warning-sign questions yet" : "The client should see a doctor first",
            detail: screen
                ? "Nothing is suggested or assigned until the client answers the warning-sign questions (the symptom check). Nothing was assigned."
                : "The client's latest symptom check says they should see a doctor; the app pauses massage and home care until a later check-in has no warning sign and a clinician has seen them. Nothing was assigned.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?>
            {
                ["seekCareOnly"] = true,
                ["level"] = standing.Effective.WireName(),
                ["screenRequired"] = screen,
            });
    }

    public static PauseResponse PauseOf(PlanPause pause)
    {
        ArgumentNullException.ThrowIfNull(pause);
        return pause.Paused
            ? new PauseResponse(true, pause.Level.ToString().ToLowerInvariant(), pause.AssessmentId is { } a ? $"/triage/result/{a}" : "/triage")
            : new PauseResponse(false, null, null);
    }

    private static async Task<AdherenceResponse> AdherenceAsync(PlanService plans, int days, CancellationToken ct)
    {
        var (from, to, items) = await plans.AdherenceAsync(days, ct);
        var names = await plans.TherapistNamesAsync(items.Select(i => i.Row), ct);
        return new AdherenceResponse(from, to, [.. items.Select(i => new AdherenceItemResponse(i.Row.Id, i.Adherence.Item.DisplayTitle, i.Row.Kind,
            i.Adherence.Planned, i.Adherence.Done, i.Adherence.Rate,
            i.Row.AssignedByTherapistId is { } t ? new AssignedByResponse(t, names.GetValueOrDefault(t) ?? "") : null))]);
    }

    private static string? Name(IReadOnlyDictionary<Guid, string> names, Core.Plans.SavedPlanItem row) =>
        row.AssignedByTherapistId is { } t ? names.GetValueOrDefault(t) : null;

    private static async Task<IResult> AnswerAsync(PlanOutcome outcome, PlanService plans, bool created, CancellationToken ct, string location = "/api/v1/plan/items")
    {
        switch (outcome.Status)
        {
            case SaveStatus.Created:
            case SaveStatus.Replayed:
            case SaveStatus.Updated:
                var row = outcome.Item!;
                var names = await plans.TherapistNamesAsync([row], ct);
                var body = PlanItemResponse.From(row, Name(names, row));
                return created
                    ? ETags.With(TypedResults.Created($"{location}/{row.Id}", body), row.Version)
                    : ETags.With(TypedResults.Ok(body), row.Version);
            case SaveStatus.Invalid:
                return Problems.Invalid(outcome.Errors!);
            case SaveStatus.NotFound:
                return Problems.NotFound("Plan item");
            case SaveStatus.Stale:
                return Problems.Stale();
            case SaveStatus.KeyConflict:
                return Problems.KeyReused();
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome.Status}.");
        }
    }

}

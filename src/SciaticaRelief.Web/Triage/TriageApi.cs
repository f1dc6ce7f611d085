using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.Triage;

/// <summary>A red-flag question as the API documents it.</summary>
public sealed record QuestionInfo(string Id, string Text, bool EveryCheckIn, string? DependsOn);

/// <summary>A rule of the triage table as the API documents it.</summary>
public sealed record RuleInfo(string Id, TriageLevel Level, string Reason, string Source);

/// <summary>A symptom check, stored and counted toward the standing, with the Profile's context.</summary>
/// <param name="Answers">Answers by question id: yes, no or unsure (unsure counts as yes).</param>
/// <param name="NoneOfThese">"None of these": every question not answered is recorded as no; refused beside a yes or unsure.</param>
/// <param name="Conditions">Not accepted here: a check with another health context is a what-if (POST /api/v1/triage/what-if).</param>
/// <param name="Age">Not accepted here: see <paramref name="Conditions"/>.</param>
public sealed record TriageRequest(Dictionary<string, Answer>? Answers, bool? NoneOfThese = null, IReadOnlyList<HealthCondition>? Conditions = null, int? Age = null);

/// <summary>A what-if: the same rules with a health context and age of your choosing. Never stored.</summary>
/// <param name="Answers">Answers by question id: yes, no or unsure (unsure counts as yes).</param>
/// <param name="NoneOfThese">As for a symptom check.</param>
/// <param name="Conditions">Health context to evaluate with; the Profile's when omitted.</param>
/// <param name="Age">Age in years to evaluate with; the Profile's when omitted.</param>
public sealed record WhatIfRequest(Dictionary<string, Answer>? Answers, bool? NoneOfThese = null, IReadOnlyList<HealthCondition>? Conditions = null, int? Age = null);

/// <param name="AssessmentId">The stored assessment; null for a what-if.</param>
/// <param name="Stored">Whether this result was stored and counts toward your standing (a what-if never is).</param>
/// <param name="Screened">Every warning-sign question was answered; an unscreened check can raise an alarm, never lift one.</param>
/// <param name="Unanswered">The warning-sign questions left unanswered.</param>
/// <param name="Notice">What the result does not show, in words (an unscreened or unstored check), else null.</param>
public sealed record TriageResponse(
    Guid? AssessmentId,
    bool Stored,
    TriageLevel Level,
    bool SeeDoctorToday,
    bool Screened,
    IReadOnlyList<FiredRule> FiredRules,
    IReadOnlyList<string> Unanswered,
    string Headline,
    IReadOnlyList<string> Advice,
    string Caveat,
    string EmergencyNumber,
    string EmergencyPlace,
    string? Notice);

public sealed record StandingResponse(
    TriageLevel Effective,
    TriageLevel? ActiveAlarm,
    DateTime? AlarmSince,
    bool NeedsCleanCheckIn,
    bool NeedsClinicianReview,
    bool SelfCarePaused,
    TriageSummary? Latest,
    bool ScreenRequired = false,
    AdviceResponse? Advice = null)
{
    /// <param name="region">The Person's country, for what to do now (the advice for the level in force); none when null.</param>
    public static StandingResponse From(TriageStanding standing, TriageAssessment? latest, Region? region = null, bool seeDoctorToday = false)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return new(standing.Effective, standing.ActiveAlarm, standing.AlarmSinceUtc,
            standing.ActiveAlarm is not null && !standing.HasCleanCheckInSince,
            standing.ActiveAlarm is not null && !standing.ClinicianSeenSince,
            standing.PausesSelfCare,
            latest is null ? null : TriageSummary.From(latest),
            standing.ScreenRequired,
            region is null ? null : AdviceResponse.For(standing.Effective, region, seeDoctorToday));
    }
}

public sealed record ClinicianReviewRequest(DateTimeOffset? SeenAt, string? Note);

public sealed record ClinicianReviewResponse(Guid Id, DateTimeOffset SeenAt, string? Note);

/// <summary>/api/v1/triage: the questions, the rules, a symptom check, the standing, clinician reviews.</summary>
public static class TriageApi
{
    public static RouteGroupBuilder MapTriageApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/triage").WithTags("Triage");

        group.MapGet("/questions", () => TypedResults.Ok(RedFlagQuestions.All
                .Select(q => new QuestionInfo(q.Id, q.Text, q.EveryCheckIn, q.DependsOn is { } d ? RedFlagQuestions.IdOf(d) : null)).ToList()))
            .WithName("ListRedFlagQuestions")
            .WithSummary("The red-flag questions with their stable ids.");

        group.MapGet("/rules", () => TypedResults.Ok(TriageRules.All.Select(r => new RuleInfo(r.Id, r.Level, r.Reason, r.Source)).ToList()))
            .WithName("ListTriageRules")
            .WithSummary("The triage rule table: id, level, reason and source of each rule.");

        group.MapPost("/", async Task<IResult> (TriageRequest request, TriageService triage, PersonContext person, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            if (request.Conditions is not null)
            {
                errors.Add("conditions", "A symptom check uses your Profile's health conditions and is stored. To try other conditions without storing anything, POST /api/v1/triage/what-if.");
            }
            if (request.Age is not null)
            {
                errors.Add("age", "A symptom check uses the birth year in your Profile and is stored. To try another age without storing anything, POST /api/v1/triage/what-if.");
            }
            var answers = ReadAnswers(request.Answers, request.NoneOfThese == true, errors);
            if (!errors.IsEmpty)
            {
                return Problems.Invalid(errors);
            }
            var (assessment, result) = await triage.AssessAsync(answers, AssessmentSource.SymptomCheck, ct);
            return TypedResults.Ok(await ResponseAsync(result, assessment.Id, person, ct));
        })
        .WithName("RunTriage")
        .WithSummary("Run the red-flag check with your Profile's context. It is stored and counts toward the standing; without every question answered it is stored as not screened.")
        .Produces<TriageResponse>()
        .ProducesValidationProblem();

        group.MapPost("/what-if", async Task<IResult> (WhatIfRequest request, TriageService triage, PersonContext person, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            errors.Range("age", "Age", request.Age, 0, 130);
            var answers = ReadAnswers(request.Answers, request.NoneOfThese == true, errors);
            if (!errors.IsEmpty)
            {
                return Problems.Invalid(errors);
            }
            var profile = await person.ProfileAsync(ct);
            var input = await triage.InputAsync(answers, ct) with
            {
                Conditions = request.Conditions is { } c ? c.Aggregate(HealthCondition.None, (a, x) => a | x) : profile.Conditions,
                Age = request.Age ?? profile.AgeIn(person.UtcNow.Year),
            };
            return TypedResults.Ok(await ResponseAsync(TriageEngine.Evaluate(input), null, person, ct));
        })
        .WithName("RunTriageWhatIf")
        .WithSummary("The same rules with a health context or age of your choosing. Never stored: it changes nothing in your standing.")
        .Produces<TriageResponse>()
        .ProducesValidationProblem();

        group.MapGet("/standing", async Task<IResult> (TriageService triage, PersonContext person, CancellationToken ct) =>
        {
            var standing = await triage.StandingAsync(ct);
            var today = standing.ActiveAlarm is not null && (await triage.LatestAlarmAsync(ct))?.SeeDoctorToday == true;
            return TypedResults.Ok(StandingResponse.From(standing, await triage.LatestAsync(ct), await person.RegionAsync(ct), today));
        })
        .WithName("GetTriageStanding")
        .WithSummary("Where the Person stands: an Emergency or Urgent result stays until a clean check-in and a clinician review.")
        .Produces<StandingResponse>();

        group.MapPost("/clinician-reviews", async Task<IResult> (ClinicianReviewRequest request, TriageService triage, PersonContext person, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            var seen = request.SeenAt?.UtcDateTime ?? person.UtcNow;
            if (seen > person.UtcNow + TimeSpan.FromMinutes(10))
            {
                errors.Add("seenAt", "The time a clinician saw you cannot be in the future.");
            }
            var note = TextRules.Clean(request.Note, "note", "Note", 1000, errors);
            if (!errors.IsEmpty)
            {
                return Problems.Invalid(errors);
            }
            var review = await triage.RecordReviewAsync(seen, note, ct);
            return TypedResults.Created($"/api/v1/triage/clinician-reviews/{review.Id}",
                new ClinicianReviewResponse(review.Id, new DateTimeOffset(review.SeenAtUtc, TimeSpan.Zero), review.Note));
        })
        .WithName("RecordClinicianReview")
        .WithSummary("Record that a clinician has seen you; with a later check-in without red flags it lifts an alarm.")
        .Produces<ClinicianReviewResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem();

        return api;
    }

    /// <summary>Answers by wire id, resolved with "None of these" exactly as the web form and the check-in API do.</summary>
    public static Dictionary<RedFlagQuestion, Answer> ReadAnswers(Dictionary<string, Answer>? byId, bool noneOfThese, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var given = new Dictionary<RedFlagQuestion, Answer>();
        foreach (var (id, answer) in byId ?? [])
        {
            if (RedFlagQuestions.TryParse(id, out var q))
            {
                given[q] = answer;
            }
            else
            {
                errors.Add(RedFlagAnswers.Field, $"Unknown red-flag question id '{id}'. GET /api/v1/triage/questions lists the ids.");
            }
        }
        return RedFlagAnswers.Resolve(given, noneOfThese, RedFlagQuestions.All, errors);
    }

    private static async Task<TriageResponse> ResponseAsync(TriageResult result, Guid? assessmentId, PersonContext person, CancellationToken ct)
    {
        var region = Regions.GetOrOther((await person.ProfileAsync(ct)).RegionCode);
        var advice = TriageAdvice.For(result.Level, region, result.SeeDoctorToday);
        var notice = assessmentId is null
            ? TriageNotices.NotStored
            : result.Screened ? null : TriageNotices.NotScreened(result.Unanswered);
        return new TriageResponse(assessmentId, assessmentId is not null, result.Level, result.SeeDoctorToday, result.Screened,
            [.. result.FiredRules.Select(r => new FiredRule(r.Id, r.Reason, r.Source))],
            [.. result.Unanswered.Select(RedFlagQuestions.IdOf)],
            advice.Headline, advice.Steps, advice.Caveat, region.EmergencyNumber, region.EmergencyPlace, notice);
    }
}

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

/// <summary>A symptom check. Without <paramref name="Conditions"/> and <paramref name="Age"/> the Profile's are used and the result is stored.</summary>
/// <param name="Answers">Answers by question id: yes, no or unsure (unsure counts as yes).</param>
/// <param name="Conditions">Health context to evaluate with instead of the Profile's (a what-if; not stored).</param>
/// <param name="Age">Age to evaluate with instead of the Profile's birth year (a what-if; not stored).</param>
public sealed record TriageRequest(Dictionary<string, Answer>? Answers, IReadOnlyList<HealthCondition>? Conditions, int? Age);

public sealed record TriageResponse(
    Guid? AssessmentId,
    TriageLevel Level,
    bool SeeDoctorToday,
    IReadOnlyList<FiredRule> FiredRules,
    IReadOnlyList<string> Unanswered,
    string Headline,
    IReadOnlyList<string> Advice,
    string Caveat,
    string EmergencyNumber);

public sealed record StandingResponse(
    TriageLevel Effective,
    TriageLevel? ActiveAlarm,
    DateTime? AlarmSince,
    bool NeedsCleanCheckIn,
    bool NeedsClinicianReview,
    bool SelfCarePaused,
    TriageSummary? Latest)
{
    public static StandingResponse From(TriageStanding standing, TriageAssessment? latest)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return new(standing.Effective, standing.ActiveAlarm, standing.AlarmSinceUtc,
            standing.ActiveAlarm is not null && !standing.HasCleanCheckInSince,
            standing.ActiveAlarm is not null && !standing.ClinicianSeenSince,
            standing.PausesSelfCare,
            latest is null ? null : TriageSummary.From(latest));
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
            var answers = new Dictionary<RedFlagQuestion, Answer>();
            foreach (var (id, answer) in request.Answers ?? [])
            {
                if (RedFlagQuestions.TryParse(id, out var q))
                {
                    answers[q] = answer;
                }
                else
                {
                    errors.Add("answers", $"Unknown red-flag question id '{id}'. GET /api/v1/triage/questions lists the ids.");
                }
            }
            errors.Range("age", "Age", request.Age, 0, 130);
            if (!errors.IsEmpty)
            {
                return Problems.Invalid(errors);
            }
            var profile = await person.ProfileAsync(ct);
            var region = Regions.GetOrOther(profile.RegionCode);
            TriageResult result;
            Guid? assessmentId = null;
            if (request.Conditions is null && request.Age is null)
            {
                var (assessment, r) = await triage.AssessAsync(answers, AssessmentSource.SymptomCheck, ct);
                result = r;
                assessmentId = assessment.Id;
            }
            else
            {
                var input = await triage.InputAsync(answers, ct) with
                {
                    Conditions = request.Conditions is { } c ? FlagCombine(c) : profile.Conditions,
                    Age = request.Age ?? profile.AgeIn(person.UtcNow.Year),
                };
                result = TriageEngine.Evaluate(input);
            }
            var advice = TriageAdvice.For(result.Level, region, result.SeeDoctorToday);
            return TypedResults.Ok(new TriageResponse(assessmentId, result.Level, result.SeeDoctorToday,
                [.. result.FiredRules.Select(r => new FiredRule(r.Id, r.Reason, r.Source))],
                [.. result.Unanswered.Select(RedFlagQuestions.IdOf)],
                advice.Headline, advice.Steps, advice.Caveat, region.EmergencyNumber));
        })
        .WithName("RunTriage")
        .WithSummary("Run the red-flag check. With the Profile's context it is stored and counts toward the standing.")
        .Produces<TriageResponse>()
        .ProducesValidationProblem();

        group.MapGet("/standing", async Task<IResult> (TriageService triage, CancellationToken ct) =>
        {
            return TypedResults.Ok(StandingResponse.From(await triage.StandingAsync(ct), await triage.LatestAsync(ct)));
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

    private static HealthCondition FlagCombine(IEnumerable<HealthCondition> conditions) =>
        conditions.Aggregate(HealthCondition.None, (a, c) => a | c);
}

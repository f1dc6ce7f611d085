using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.Triage;

/// <summary>Runs triage for the signed-in Person with their Profile's context, and reports their standing.</summary>
public sealed class TriageService(ReliefDbContext db, PersonContext person)
{
    /// <summary>Builds the engine's input from answers, the Profile and the journal's 28-day progress.</summary>
    public async Task<TriageInput> InputAsync(IReadOnlyDictionary<RedFlagQuestion, Answer> answers, CancellationToken ct)
    {
        var profile = await person.ProfileAsync(ct);
        var now = person.UtcNow;
        var noProgress = await NoProgressAsync(now, ct);
        return new TriageInput(answers, profile.Conditions, profile.AgeIn(now.Year), NoProgressAfterFourWeeks: noProgress);
    }

    /// <summary>Evaluates and stores a symptom check (onboarding or a standalone check).</summary>
    public async Task<(TriageAssessment Assessment, TriageResult Result)> AssessAsync(
        IReadOnlyDictionary<RedFlagQuestion, Answer> answers, AssessmentSource source, CancellationToken ct)
    {
        var input = await InputAsync(answers, ct);
        var result = TriageEngine.Evaluate(input);
        var assessment = TriageAssessment.From(person.PersonId, Guid.CreateVersion7(), person.UtcNow, input, result, source);
        db.TriageAssessments.Add(assessment);
        if (source == AssessmentSource.Onboarding)
        {
            var profile = await person.ProfileAsync(ct);
            profile.Onboarded = true;
        }
        await db.SaveChangesAsync(ct);
        return (assessment, result);
    }

    /// <summary>
    /// The standing, from only the rows that decide it: every Emergency or Urgent assessment with the
    /// first clean one after it, and the latest assessment. Later clean ones change nothing (the fold in
    /// <see cref="TriageStanding.Compute"/> only asks whether one exists after each alarm), so a Person
    /// with years of check-ins does not read them all.
    /// </summary>
    public Task<TriageStanding> StandingAsync(CancellationToken ct) =>
        StandingFromAsync(db.TriageAssessments, db.ClinicianReviews, ct);

    /// <summary>
    /// The standing from one Person's assessments and reviews. The calendar feed, which has no
    /// signed-in owner, passes the token owner's rows read past the owner filter.
    /// </summary>
    public static async Task<TriageStanding> StandingFromAsync(IQueryable<TriageAssessment> assessments, IQueryable<ClinicianReview> clinicianReviews, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(clinicianReviews);
        var alarms = await assessments.AsNoTracking()
            .Where(a => a.Level == TriageLevel.Emergency || a.Level == TriageLevel.Urgent)
            .Select(a => new
            {
                a.AssessedAtUtc,
                a.Level,
                // Only a screened check (every question answered) can show the signs are gone.
                FirstCleanAfter = assessments
                    .Where(c => c.Level != TriageLevel.Emergency && c.Level != TriageLevel.Urgent && c.Screened && c.AssessedAtUtc > a.AssessedAtUtc)
                    .Min(c => (DateTime?)c.AssessedAtUtc),
            })
            .ToListAsync(ct);
        var latest = await assessments.AsNoTracking().OrderByDescending(a => a.AssessedAtUtc)
            .Select(a => new AssessmentPoint(a.AssessedAtUtc, a.Level, a.Screened)).FirstOrDefaultAsync(ct);
        var points = alarms.Select(a => new AssessmentPoint(a.AssessedAtUtc, a.Level))
            .Concat(alarms.Where(a => a.FirstCleanAfter is not null).Select(a => new AssessmentPoint(a.FirstCleanAfter!.Value, TriageLevel.SelfCare)))
            .Where(p => latest is null || p.AtUtc != latest.AtUtc)
            .Append(latest)
            .OfType<AssessmentPoint>();
        var everScreened = latest is { Screened: true } || await assessments.AnyAsync(a => a.Screened, ct);
        List<DateTime> reviews = alarms.Count == 0 ? [] : await clinicianReviews.AsNoTracking().Select(r => r.SeenAtUtc).ToListAsync(ct);
        return TriageStanding.Compute(points, reviews, everScreened);
    }

    /// <summary>
    /// Adds (unsaved, for the caller's save) an assessment when newly ticked Profile conditions are
    /// warning signs in themselves: a possible clot is the Urgent level at once, with no check-in needed.
    /// </summary>
    public void RecordWarningSignConditions(HealthCondition newlyTicked, int? age)
    {
        var input = new TriageInput(new Dictionary<RedFlagQuestion, Answer>(), newlyTicked, age);
        var result = TriageEngine.Evaluate(input);
        if (result.Level.PausesSelfCare())
        {
            db.TriageAssessments.Add(TriageAssessment.From(person.PersonId, Guid.CreateVersion7(), person.UtcNow, input, result, AssessmentSource.Profile));
        }
    }

    /// <summary>
    /// Adds (unsaved, for the caller's save) the assessment of a warning sign recorded outside a
    /// check-in: a swollen, painful calf logged as a side effect of a treatment is the Urgent level.
    /// </summary>
    public async Task AddWarningSignAsync(RedFlagQuestion sign, AssessmentSource source, CancellationToken ct)
    {
        var input = await InputAsync(new Dictionary<RedFlagQuestion, Answer> { [sign] = Answer.Yes }, ct);
        var result = TriageEngine.Evaluate(input);
        db.TriageAssessments.Add(TriageAssessment.From(person.PersonId, Guid.CreateVersion7(), person.UtcNow, input, result, source));
    }

    /// <summary>
    /// True when no check in the last 28 days answered every routine-appointment question (first
    /// episode, not improving, how long): the daily check-in then asks them too.
    /// </summary>
    public async Task<bool> RoutineQuestionsDueAsync(CancellationToken ct)
    {
        var since = person.UtcNow - RedFlagQuestions.RoutineAnswersLast;
        var recent = await db.TriageAssessments.AsNoTracking().Where(a => a.AssessedAtUtc >= since).Select(a => a.Answers).ToListAsync(ct);
        var routine = RedFlagQuestions.Routine.Select(q => q.Id).ToList();
        return !recent.Any(answers => routine.All(answers.ContainsKey));
    }

    public Task<TriageAssessment?> LatestAsync(CancellationToken ct) =>
        db.TriageAssessments.AsNoTracking().OrderByDescending(a => a.AssessedAtUtc).FirstOrDefaultAsync(ct);

    /// <summary>The latest Emergency or Urgent assessment: the one whose signs an alarm shows.</summary>
    public Task<TriageAssessment?> LatestAlarmAsync(CancellationToken ct) =>
        db.TriageAssessments.AsNoTracking()
            .Where(a => a.Level == TriageLevel.Emergency || a.Level == TriageLevel.Urgent)
            .OrderByDescending(a => a.AssessedAtUtc).FirstOrDefaultAsync(ct);

    public Task<TriageAssessment?> FindAsync(Guid id, CancellationToken ct) =>
        db.TriageAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);

    public async Task<ClinicianReview> RecordReviewAsync(DateTime seenAtUtc, string? note, CancellationToken ct)
    {
        var review = new ClinicianReview
        {
            PersonId = person.PersonId,
            Id = Guid.CreateVersion7(),
            SeenAtUtc = seenAtUtc,
            RecordedAtUtc = person.UtcNow,
            Note = note,
        };
        db.ClinicianReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return review;
    }

    /// <summary>
    /// The 28-day re-screen: four weeks of check-ins whose last week is not 30% better than the
    /// first. Quiet for 28 days after a clinician review, which is the appointment it suggests.
    /// </summary>
    private async Task<bool> NoProgressAsync(DateTime nowUtc, CancellationToken ct)
    {
        var first = await db.CheckIns.AsNoTracking().OrderBy(c => c.OccurredAtUtc).Select(c => (DateTime?)c.OccurredAtUtc).FirstOrDefaultAsync(ct);
        if (first is not { } start || nowUtc - start < Progress.Window)
        {
            return false;
        }
        var reviewedSince = nowUtc - Progress.Window;
        if (await db.ClinicianReviews.AnyAsync(r => r.SeenAtUtc >= reviewedSince, ct))
        {
            return false;
        }
        var firstWeekEnd = start + Progress.Week;
        var lastWeekStart = nowUtc - Progress.Week;
        var firstWeek = await db.CheckIns.AsNoTracking().Where(c => c.OccurredAtUtc < firstWeekEnd).Select(c => c.PainNow).ToListAsync(ct);
        var lastWeek = await db.CheckIns.AsNoTracking().Where(c => c.OccurredAtUtc >= lastWeekStart).Select(c => c.PainNow).ToListAsync(ct);
        return Progress.NoProgress(firstWeek, lastWeek);
    }
}

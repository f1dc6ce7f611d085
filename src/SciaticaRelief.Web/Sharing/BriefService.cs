using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Clinical;
using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Safety;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Dashboard;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Plans;
using SciaticaRelief.Web.Profiles;
using SciaticaRelief.Web.Questionnaires;
using SciaticaRelief.Web.Treatments;
using SciaticaRelief.Web.Triage;

namespace SciaticaRelief.Web.Sharing;

/// <summary>
/// The pre-visit brief of one client, built only after <see cref="ClientAccess"/> opened the
/// client's data with a live Grant: the health conditions (with what they mean for the techniques a
/// Therapist uses) and red flags always, then each part the Grant's scopes include.
/// </summary>
public sealed class BriefService(ReliefDbContext db, PersonContext person, TriageService triage, QuestionnaireService questionnaires,
    ModalityCatalog catalog, SharingService sharing, PlanService plans)
{
    /// <summary>Days of pain, treatments and red flags a brief covers (today included).</summary>
    public const int Days = 7;

    /// <summary>Days of plan adherence a brief covers.</summary>
    public const int AdherenceDays = 14;

    public async Task<BriefResponse> BuildAsync(Grant grant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var zone = await person.ZoneAsync(ct);
        var profile = await person.ProfileAsync(ct);
        var today = LocalTime.LocalDay(person.UtcNow, zone);
        var from = today.AddDays(-(Days - 1));
        var redFlags = await RedFlagsAsync(from, zone, ct);
        var pain = grant.Scopes.HasFlag(GrantScope.Journal) ? await PainAsync(from, today, ct) : new BriefPain(false, null);
        var treatments = grant.Scopes.HasFlag(GrantScope.Treatments) ? await TreatmentsAsync(from, zone, ct) : new BriefTreatments(false, null);
        var adherence = grant.Scopes.HasFlag(GrantScope.Plan) ? await AdherenceAsync(ct) : new BriefAdherence(false, null, null, null);
        var scores = grant.Scopes.HasFlag(GrantScope.Questionnaires) ? await ScoresAsync(ct) : new BriefQuestionnaires(false, null);
        return new BriefResponse(grant.PersonId, await sharing.ClientNameAsync(grant.PersonId, ct), GrantScopes.Names(grant.Scopes),
            from, today, profile.TimeZoneId ?? "UTC", Health(profile.Conditions), redFlags, pain, treatments, adherence, scores);
    }

    /// <summary>The client's conditions and, for each technique a Therapist uses, what they mean (not advised, or its precautions).</summary>
    private BriefHealth Health(HealthCondition conditions) => new(
        [.. HealthConditions.All.Where(c => conditions.HasFlag(c.Condition)).Select(c => new BriefCondition(c.Condition, c.Label))],
        [.. SessionNoteValidator.Techniques(catalog)
            .Select(m => (Modality: m, Verdict: CareSafety.ForModality(m, conditions)))
            .Where(x => x.Verdict.Level != SafetyLevel.Allowed)
            .OrderByDescending(x => x.Verdict.Level)
            .Select(x => new BriefTechnique(x.Modality.Id, x.Modality.Name, x.Verdict.Level, [.. x.Verdict.Reasons.Select(r => r.ToPrecaution())]))]);

    private async Task<BriefRedFlags> RedFlagsAsync(DateOnly from, TimeZoneInfo zone, CancellationToken ct)
    {
        var standing = await triage.StandingAsync(ct);
        var start = LocalTime.StartOfDayUtc(from, zone);
        var recent = await db.TriageAssessments.AsNoTracking()
            .Where(a => a.AssessedAtUtc >= start && a.Level != TriageLevel.SelfCare)
            .OrderByDescending(a => a.AssessedAtUtc)
            .ToListAsync(ct);
        BriefAssessment? alarm = null;
        if (standing.ActiveAlarm is not null && await triage.LatestAlarmAsync(ct) is { } latestAlarm)
        {
            alarm = ToBrief(latestAlarm, zone);
        }
        return new BriefRedFlags(standing.ActiveAlarm, standing.AlarmSinceUtc is { } since ? SharingService.Utc(since) : null,
            standing.ActiveAlarm is not null && !standing.ClinicianSeenSince, alarm, [.. recent.Select(a => ToBrief(a, zone))]);
    }

    private static BriefAssessment ToBrief(TriageAssessment a, TimeZoneInfo zone) =>
        new(a.Id, Times.InZone(a.AssessedAtUtc, zone), a.Level, a.SeeDoctorToday,
            [.. a.FiredRuleIds.Select(id => TriageRules.Find(id) is { } r ? new FiredRule(r.Id, r.Reason, r.Source) : new FiredRule(id, id, ""))]);

    private async Task<BriefPain> PainAsync(DateOnly from, DateOnly today, CancellationToken ct)
    {
        // The trend of the first day needs the six days before it.
        var means = await DashboardService.DailyMeansAsync(db, from.AddDays(-(DailySeries.TrendDays - 1)), today, ct);
        var days = DailySeries.FromMeans(means).Where(d => d.Date >= from).Select(d => new BriefPainDay(d.Date, d.Pain, d.Trend, d.Radiation, d.CheckIns)).ToList();
        return new BriefPain(true, days);
    }

    /// <summary>The brief's days as the dashboard's chart takes them.</summary>
    public static IReadOnlyList<DayPain> ChartDays(BriefPain pain)
    {
        ArgumentNullException.ThrowIfNull(pain);
        return [.. (pain.Days ?? []).Select(d => new DayPain(d.Date, d.Pain, d.Trend, d.Radiation, d.CheckIns))];
    }

    private async Task<BriefTreatments> TreatmentsAsync(DateOnly from, TimeZoneInfo zone, CancellationToken ct)
    {
        var start = LocalTime.StartOfDayUtc(from, zone);
        var rows = await db.Treatments.AsNoTracking().Where(t => t.StartedAtUtc >= start)
            .OrderByDescending(t => t.StartedAtUtc).Take(200).ToListAsync(ct);
        return new BriefTreatments(true, [.. rows.Select(t =>
        {
            var z = Times.ZoneOf(t.TimeZoneId);
            return new BriefTreatment(t.Id, Times.InZone(t.StartedAtUtc, z), LocalTime.LocalDay(t.StartedAtUtc, z), t.ModalityId,
                catalog.Find(t.ModalityId)?.Name ?? t.ModalityId, t.PainBefore, t.PainAfter);
        })]);
    }

    private async Task<BriefAdherence> AdherenceAsync(CancellationToken ct)
    {
        var (from, to, items) = await plans.AdherenceAsync(AdherenceDays, ct);
        var result = items.Where(i => i.Adherence.Planned > 0)
            .Select(i => new BriefAdherenceItem(i.Row.Id, i.Row.Kind, i.Adherence.Item.DisplayTitle, i.Row.AssignedByTherapistId is not null,
                i.Adherence.Planned, i.Adherence.Done, i.Adherence.Rate))
            .ToList();
        return new BriefAdherence(true, from, to, result);
    }

    private async Task<BriefQuestionnaires> ScoresAsync(CancellationToken ct)
    {
        var latest = await questionnaires.LatestAsync(ct);
        var scores = latest.Values.OrderByDescending(r => r.AuthoredAtUtc).Select(r =>
        {
            var instrument = questionnaires.Find(r.InstrumentId);
            var view = ResponseView.From(r, instrument);
            return new BriefScore(r.InstrumentId, instrument?.Title ?? r.InstrumentId, view.AuthoredAt, view.Score, view.ScoreText, view.Band?.Label);
        }).ToList();
        return new BriefQuestionnaires(true, scores);
    }
}

using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Reports;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Insights;
using SciaticaRelief.Web.Profiles;
using SciaticaRelief.Web.Questionnaires;

namespace SciaticaRelief.Web.Reports;

/// <summary>
/// The signed-in Person's doctor's report for a period: reads the projected columns of the rows
/// the report needs through the owner-scoped DbContext and builds it with Core's
/// <see cref="DoctorReportBuilder"/>. Check-ins and treatments reach back to
/// <see cref="InsightsCalculator.ReadFrom"/> (less a day's margin for rows made in other zones).
/// </summary>
public sealed class ReportService(ReliefDbContext db, PersonContext person, ModalityCatalog modalities, LabelMaximums labels, QuestionnaireLibrary questionnaires)
{
    /// <summary>The Person's today, in their zone.</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken ct) => LocalTime.LocalDay(person.UtcNow, await person.ZoneAsync(ct));

    /// <summary>Parses the period (defaults: the last 90 days to today) and builds the report; errors name the parameter.</summary>
    public async Task<(DoctorReport? Report, ValidationErrors Errors)> GetAsync(string? from, string? to, CancellationToken ct)
    {
        var (f, t, errors) = ReportPeriod.Parse(from, to, await TodayAsync(ct));
        return errors.IsEmpty ? (await BuildAsync(f, t, ct), errors) : (null, errors);
    }

    public async Task<DoctorReport> BuildAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var profile = await person.ProfileAsync(ct);
        var zone = await person.ZoneAsync(ct);
        var margin = TimeSpan.FromDays(1);
        var readFromUtc = LocalTime.StartOfDayUtc(InsightsCalculator.ReadFrom(from, to), zone) - margin;
        var startUtc = LocalTime.StartOfDayUtc(from, zone) - margin;
        var endUtc = LocalTime.StartOfDayUtc(to.AddDays(1), zone) + margin;

        var checkIns = await db.CheckIns.AsNoTracking()
            .Where(c => c.OccurredAtUtc >= readFromUtc && c.OccurredAtUtc < endUtc)
            .Select(c => new ReportCheckIn(c.OccurredAtUtc, c.TimeZoneId, c.PainNow, c.PainWorst, c.PainAverage, c.Radiation))
            .ToListAsync(ct);
        var treatments = await InsightsService.TreatmentPoints(db, readFromUtc, endUtc).ToListAsync(ct);
        // Doses are a JSON column: read the medicine rows whole, only in the period.
        var medicines = (await db.Treatments.AsNoTracking()
                .Where(t => t.Kind == TreatmentKind.Medicine && t.StartedAtUtc >= startUtc && t.StartedAtUtc < endUtc)
                .ToListAsync(ct))
            .Select(t => new ReportMedicine(t.StartedAtUtc, t.TimeZoneId, t.Doses))
            .ToList();
        var triage = await db.TriageAssessments.AsNoTracking()
            .Where(a => a.AssessedAtUtc >= startUtc && a.AssessedAtUtc < endUtc)
            .Select(a => new ReportTriage(a.AssessedAtUtc, a.Level, a.FiredRules, a.SeeDoctorToday, a.Source))
            .ToListAsync(ct);
        var responses = await db.QuestionnaireResponses.AsNoTracking()
            .Where(r => r.AuthoredAtUtc < endUtc)
            .Select(r => new ReportResponse(r.InstrumentId, r.AuthoredAtUtc, r.TimeZoneId, r.Score, r.Band))
            .ToListAsync(ct);
        var plan = (await db.PlanItems.AsNoTracking().ToListAsync(ct)).Select(p => p.ToPlanItem()).ToList();

        var input = new ReportInput(from, to, profile.TimeZoneId, person.UtcNow, checkIns, treatments, medicines, triage, responses, plan);
        return DoctorReportBuilder.Build(input, Names);
    }

    private ReportNames Names => new(
        id => modalities.Find(id)?.Name ?? id,
        id => labels.Find(id)?.Name ?? id,
        id => questionnaires.Catalog.Find(id) is { } i ? new ReportInstrument(i.Title, i.Scoring) : null);
}

using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Questionnaires;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Web.Tests.Insights;

namespace SciaticaRelief.Web.Tests.Reports;

/// <summary>
/// A Person's November 2026 for the report tests: the insights' five Swedish massage sessions and
/// daily check-ins (<see cref="InsightsSeed.FiveSwedishSessions"/>: pain averages 4.64 over 25 days;
/// best 1 Nov at 4, worst 12 Nov at 7), a symptom check on 20 Nov at which the leg-weakness rule
/// fired, an Oswestry score of 32% (moderate) on 21 Nov after 46% on 2 Nov, ibuprofen 400 mg twice on
/// 22 Nov and 200 mg on 23 Nov, and a weekly Monday massage appointment.
/// </summary>
public static class ReportSeed
{
    public static object[] November(Guid personId)
    {
        var rows = new List<object>(InsightsSeed.FiveSwedishSessions(personId))
        {
            new TriageAssessment
            {
                PersonId = personId,
                Id = Guid.CreateVersion7(),
                AssessedAtUtc = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc),
                Level = TriageLevel.Urgent,
                FiredRules = "U-LEG-WEAKNESS",
                SeeDoctorToday = false,
                Source = AssessmentSource.SymptomCheck,
            },
            Response(personId, new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), 46, "moderate"),
            Response(personId, new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc), 32, "moderate"),
            Medicine(personId, new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), 400),
            Medicine(personId, new DateTime(2026, 11, 22, 20, 0, 0, DateTimeKind.Utc), 400),
            Medicine(personId, new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc), 200),
            new SavedPlanItem
            {
                PersonId = personId,
                Id = Guid.CreateVersion7(),
                Kind = PlanItemKind.MassageAppointment,
                Title = "Massage with Alex",
                StartDate = new DateOnly(2026, 11, 2),
                TimeOfDay = new TimeOnly(18, 0),
                DurationMinutes = 60,
                RecurrenceKind = RecurrenceKind.Weekly,
                IntervalWeeks = 1,
                Days = 1 << (int)DayOfWeek.Monday,
                ZoneId = InsightsSeed.Zone,
                CreatedAtUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
                UpdatedAtUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
                Version = 1,
            },
        };
        return [.. rows];
    }

    private static QuestionnaireResponse Response(Guid personId, DateTime utc, decimal score, string band) => new()
    {
        PersonId = personId,
        Id = Guid.CreateVersion7(),
        InstrumentId = "odi",
        InstrumentVersion = "2.1a",
        AuthoredAtUtc = utc,
        TimeZoneId = InsightsSeed.Zone,
        Score = score,
        Band = band,
        CreatedAtUtc = utc,
        Version = 1,
    };

    private static Treatment Medicine(Guid personId, DateTime utc, decimal mg)
    {
        var t = InsightsSeed.Treatment(personId, "over-the-counter-medicine", utc, null, null, TreatmentKind.Medicine);
        t.DurationMinutes = null;
        t.Doses = [new MedicineDose("ibuprofen", "Nurofen", mg)];
        return t;
    }
}

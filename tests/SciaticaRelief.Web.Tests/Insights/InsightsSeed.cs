using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Insights;

/// <summary>
/// Rows for the insights tests, written straight through the DbContext (the treatment log's own API
/// is another feature): a Person's check-ins, treatments and follow-ups, each with the Person's id.
/// </summary>
public static class InsightsSeed
{
    public const string Swedish = "swedish-massage";
    public const string Zone = "Europe/London";

    public static CheckIn CheckIn(Guid personId, DateTime utc, int pain, Radiation radiation = Radiation.Thigh) => new()
    {
        PersonId = personId,
        Id = Guid.CreateVersion7(),
        OccurredAtUtc = DateTime.SpecifyKind(utc, DateTimeKind.Utc),
        TimeZoneId = Zone,
        PainNow = pain,
        Radiation = radiation,
        BodyAreas = 0,
        CreatedAtUtc = utc,
        UpdatedAtUtc = utc,
        Version = 1,
    };

    public static Treatment Treatment(Guid personId, string modality, DateTime utc, int? before, int? after,
        TreatmentKind kind = TreatmentKind.Massage) => new()
    {
        PersonId = personId,
        Id = Guid.CreateVersion7(),
        StartedAtUtc = DateTime.SpecifyKind(utc, DateTimeKind.Utc),
        TimeZoneId = Zone,
        ModalityId = modality,
        Kind = kind,
        DurationMinutes = 60,
        PainBefore = before,
        PainAfter = after,
        CreatedAtUtc = utc,
        UpdatedAtUtc = utc,
        Version = 1,
    };

    public static TreatmentFollowUp FollowUp(Treatment treatment, int hoursAfter, int pain) => new()
    {
        PersonId = treatment.PersonId,
        Id = Guid.CreateVersion7(),
        TreatmentId = treatment.Id,
        HoursAfter = hoursAfter,
        Pain = pain,
        RecordedAtUtc = treatment.StartedAtUtc.AddHours(hoursAfter),
    };

    public static Task AddAsync(TestApp app, params object[] rows)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            // Principals before dependants: treatments before their follow-ups.
            db.AddRange(rows.OrderBy(r => r is TreatmentFollowUp ? 1 : 0));
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>
    /// Five Swedish massage sessions in November 2026 (18:00 GMT on 10, 12, 14, 16 and 18 Nov) and a
    /// check-in every morning from 1 to 25 Nov: pain 4, except 7 on the session days (12–18 Nov) and
    /// 5 the day after each. Before → after: 7 → 5, 8 → 5, 6 → 5, 7 → 5, 8 → 6. The 10 Nov session has
    /// a 24-hour follow-up of 6 and a 48-hour one of 3 (the 48-hour one is not the next day).
    /// </summary>
    /// <remarks>
    /// Immediate: −2, −3, −1, −2, −2: mean −2; Σd² = 0 + 1 + 1 + 0 + 0 = 2; s = √(2 / 4) = 0.707;
    /// t(0.975, 4) = 2.776; s / √5 = 0.316228; half = 0.878 → −2.878 to −1.122 (−2.88 to −1.12).
    /// Next day: 10 Nov follow-up 6 − 7 = −1; 12, 14, 16, 18 Nov by check-ins 5 − 7 = −2 each: mean
    /// −1.8; Σd² = 0.64 + 4 × 0.04 = 0.8; s = √0.2 = 0.447; s / √5 = 0.2; half = 2.776445 × 0.2 =
    /// 0.555 → −2.355 to −1.245 (−2.36 to −1.24). Untreated days all have pain 4 or 5, more than 1
    /// from the starts (7): no comparison.
    /// </remarks>
    public static object[] FiveSwedishSessions(Guid personId)
    {
        var rows = new List<object>();
        var sessionDays = new[] { 12, 14, 16, 18 };
        for (var day = 1; day <= 25; day++)
        {
            var pain = sessionDays.Contains(day) ? 7 : sessionDays.Contains(day - 1) ? 5 : 4;
            rows.Add(CheckIn(personId, new DateTime(2026, 11, day, 9, 0, 0, DateTimeKind.Utc), pain));
        }
        var first = Treatment(personId, Swedish, new DateTime(2026, 11, 10, 18, 0, 0, DateTimeKind.Utc), 7, 5);
        rows.Add(first);
        rows.Add(FollowUp(first, 24, 6));
        rows.Add(FollowUp(first, 48, 3));
        foreach (var (day, before, after) in new[] { (12, 8, 5), (14, 6, 5), (16, 7, 5), (18, 8, 6) })
        {
            rows.Add(Treatment(personId, Swedish, new DateTime(2026, 11, day, 18, 0, 0, DateTimeKind.Utc), before, after));
        }
        return [.. rows];
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.Insights;

/// <summary>
/// The signed-in Person's insights for the last N local days (Core's <see cref="InsightsCalculator"/>),
/// used by the Insights page and GET /api/v1/insights. Reads only the projected columns of the rows
/// the figures need: check-ins, treatments (each with its 24-hour follow-up's pain) and ear-seed
/// applications from <see cref="InsightsCalculator.ReadFrom"/> (less a day's margin for rows made in
/// other zones) to the end of today; the owner filter scopes every query to the Person.
/// </summary>
public sealed class InsightsService(ReliefDbContext db, PersonContext person)
{
    public const int DefaultDays = 365;
    public const int MaxDays = 3660;

    public async Task<InsightsReport> GetAsync(int days, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var zone = await person.ZoneAsync(ct);
        var today = LocalTime.LocalDay(person.UtcNow, zone);
        var from = today.AddDays(-(days - 1));
        // A day's margin each side for rows made in other zones; Core keeps only the local days it needs.
        var startUtc = LocalTime.StartOfDayUtc(InsightsCalculator.ReadFrom(from, today), zone) - TimeSpan.FromDays(1);
        var endUtc = LocalTime.StartOfDayUtc(today.AddDays(1), zone) + TimeSpan.FromDays(1);

        var checkIns = await db.CheckIns.AsNoTracking()
            .Where(c => c.OccurredAtUtc >= startUtc && c.OccurredAtUtc < endUtc)
            .Select(c => new PainPoint(c.OccurredAtUtc, c.TimeZoneId, c.PainNow, c.Radiation))
            .ToListAsync(ct);
        var treatments = await TreatmentPoints(db, startUtc, endUtc).ToListAsync(ct);
        var earSeeds = await db.EarSeedApplications.AsNoTracking()
            .Where(a => a.AppliedAtUtc < endUtc && (a.RemovedAtUtc ?? a.RemoveByUtc) >= startUtc)
            .Select(a => new EarSeedPeriod(a.Id, a.AppliedAtUtc, a.RemoveByUtc, a.RemovedAtUtc, a.TimeZoneId))
            .ToListAsync(ct);

        return InsightsCalculator.Compute(new InsightsInput(from, today, checkIns, treatments, earSeeds));
    }

    /// <summary>Treatments started in [<paramref name="startUtc"/>, <paramref name="endUtc"/>), each with its 24-hour follow-up's pain.</summary>
    public static IQueryable<TreatmentPoint> TreatmentPoints(ReliefDbContext db, DateTime startUtc, DateTime endUtc) =>
        db.Treatments.AsNoTracking()
            .Where(t => t.StartedAtUtc >= startUtc && t.StartedAtUtc < endUtc)
            .Select(t => new TreatmentPoint(
                t.Id, t.ModalityId, t.Kind, t.StartedAtUtc, t.TimeZoneId, t.PainBefore, t.PainAfter,
                db.TreatmentFollowUps
                    .Where(f => f.PersonId == t.PersonId && f.TreatmentId == t.Id && f.HoursAfter == 24)
                    .Select(f => (int?)f.Pain)
                    .FirstOrDefault(),
                t.EarSeedApplicationId));
}

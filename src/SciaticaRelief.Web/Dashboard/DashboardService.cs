using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Profiles;
using SciaticaRelief.Web.Triage;

namespace SciaticaRelief.Web.Dashboard;

/// <summary>What the dashboard shows: the daily series, the triage standing and the month re-screen.</summary>
public sealed record DashboardData(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DayPain> Days,
    StandingResponse Standing,
    bool SuggestRoutineAppointment,
    int CheckInsTotal);

public sealed class DashboardService(ReliefDbContext db, PersonContext person, TriageService triage)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 3660;

    public async Task<DashboardData> GetAsync(int days, CancellationToken ct)
    {
        var zone = await person.ZoneAsync(ct);
        var today = LocalTime.LocalDay(person.UtcNow, zone);
        var from = today.AddDays(-(days - 1));
        var startUtc = LocalTime.StartOfDayUtc(from, zone) - TimeSpan.FromDays(1); // a day's margin for check-ins made in other zones
        var points = await db.CheckIns.AsNoTracking()
            .Where(c => c.OccurredAtUtc >= startUtc)
            .Select(c => new PainPoint(c.OccurredAtUtc, c.TimeZoneId, c.PainNow, c.Radiation))
            .ToListAsync(ct);
        var series = DailySeries.Compute(points).Where(d => d.Date >= from && d.Date <= today).ToList();
        var standing = await triage.StandingAsync(ct);
        var latest = await triage.LatestAsync(ct);
        var total = await db.CheckIns.CountAsync(ct);
        var standingResponse = StandingResponse.From(standing, latest);
        var routine = standing.ActiveAlarm is null && latest?.FiredRuleIds.Contains("R-NO-PROGRESS-28D") == true;
        return new DashboardData(from, today, series, standingResponse, routine, total);
    }
}

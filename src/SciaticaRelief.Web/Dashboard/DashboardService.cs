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
        var means = await DailyMeansAsync(db, from.AddDays(-(DailySeries.TrendDays - 1)), today, ct); // the trend's first day needs the six before it
        var series = DailySeries.FromMeans(means).Where(d => d.Date >= from).ToList();
        var standing = await triage.StandingAsync(ct);
        var latest = await triage.LatestAsync(ct);
        var total = await db.CheckIns.CountAsync(ct);
        var standingResponse = StandingResponse.From(standing, latest);
        var routine = standing.ActiveAlarm is null && latest?.FiredRuleIds.Contains("R-NO-PROGRESS-28D") == true;
        return new DashboardData(from, today, series, standingResponse, routine, total);
    }

    /// <summary>
    /// <see cref="DailySeries.Means"/> for the local days <paramref name="first"/> to
    /// <paramref name="last"/>, summed by the database: each check-in's local day (in the zone it was
    /// made in, as Means defines it) is stored with it, so the covering index answers with one row a
    /// day instead of every check-in. Oldest first.
    /// </summary>
    public static async Task<List<DayMean>> DailyMeansAsync(ReliefDbContext db, DateOnly first, DateOnly last, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.CheckIns.AsNoTracking()
            .Where(c => c.LocalDate >= first && c.LocalDate <= last)
            .GroupBy(c => c.LocalDate)
            .Select(g => new { Date = g.Key, Sum = g.Sum(c => c.PainNow), Count = g.Count(), Furthest = g.Max(c => c.Radiation) })
            .OrderBy(d => d.Date)
            .ToListAsync(ct);
        return rows.ConvertAll(d => new DayMean(d.Date, (double)d.Sum / d.Count, d.Furthest, d.Count));
    }
}

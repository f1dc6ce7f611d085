using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Questionnaires;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Reports;

/// <summary>A check-in reduced to what the report needs.</summary>
public sealed record ReportCheckIn(DateTime AtUtc, string TimeZoneId, int PainNow, int? PainWorst, int? PainAverage, Radiation Radiation);

/// <summary>A symptom check reduced to what the report needs; <paramref name="FiredRules"/> as stored (comma-separated ids).</summary>
public sealed record ReportTriage(DateTime AtUtc, TriageLevel Level, string FiredRules, bool SeeDoctorToday, AssessmentSource Source);

/// <summary>A medicine entry's doses.</summary>
public sealed record ReportMedicine(DateTime AtUtc, string TimeZoneId, IReadOnlyList<MedicineDose> Doses);

/// <summary>A questionnaire answer reduced to its score; <paramref name="Band"/> is the band's id as stored.</summary>
public sealed record ReportResponse(string InstrumentId, DateTime AuthoredAtUtc, string TimeZoneId, decimal? Score, string? Band);

/// <summary>An instrument as the report names and scores it.</summary>
public sealed record ReportInstrument(string Title, ScoringDefinition Scoring);

/// <summary>How the report names what it lists (the catalogues live outside Core's pure code).</summary>
public sealed record ReportNames(Func<string, string> Modality, Func<string, string> Ingredient, Func<string, ReportInstrument?> Instrument)
{
    /// <summary>Ids as names, no instruments: for tests and for a bare report.</summary>
    public static ReportNames Ids { get; } = new(id => id, id => id, _ => null);
}

/// <summary>
/// The rows a report is built from. <see cref="CheckIns"/> and <see cref="Treatments"/> should reach
/// back to <see cref="InsightsCalculator.ReadFrom"/> (the trend and the radiation windows need
/// earlier days); the other lists may too, rows outside [From, To] are left out.
/// Responses are read up to the end of the period, from any time before it: the "current" score
/// is the latest at the period's end.
/// </summary>
public sealed record ReportInput(
    DateOnly From,
    DateOnly To,
    string TimeZoneId,
    DateTime GeneratedAtUtc,
    IReadOnlyList<ReportCheckIn> CheckIns,
    IReadOnlyList<TreatmentPoint> Treatments,
    IReadOnlyList<ReportMedicine> Medicines,
    IReadOnlyList<ReportTriage> Triage,
    IReadOnlyList<ReportResponse> Responses,
    IReadOnlyList<PlanItem> Plan);

/// <summary>
/// Builds a <see cref="DoctorReport"/> from plain rows; pure (no clock, no I/O). The pain course,
/// the treatments' figures and the radiation trend are the insights' own (<see cref="InsightsCalculator"/>:
/// <see cref="DailySeries"/>, <see cref="TreatmentEffects"/> with <see cref="Estimate"/>,
/// <see cref="RadiationTrend"/>); the first-against-last-week judgement is <see cref="Progress"/>.
/// </summary>
public static class DoctorReportBuilder
{
    /// <summary>The longest period a report covers, in days (two years).</summary>
    public const int MaxDays = 731;

    public static DoctorReport Build(ReportInput input, ReportNames names)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(names);
        var (from, to) = (input.From, input.To);
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(input));
        }
        var zone = LocalTime.TryFindZone(input.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        var insights = InsightsCalculator.Compute(new InsightsInput(
            from, to,
            [.. input.CheckIns.Select(c => new PainPoint(c.AtUtc, c.TimeZoneId, c.PainNow, c.Radiation))],
            input.Treatments,
            []));

        var pain = PainOf(input, insights, zone);
        var radiation = RadiationOf(pain.Days, insights.Radiation);
        var redFlags = RedFlagsOf(input, zone);
        var scores = ScoresOf(input, names, zone);
        var treatments = TreatmentsOf(input, names, insights);
        var medicines = MedicinesOf(input, names, zone);
        var plan = PlanOf(input);
        var hasData = pain.CheckIns > 0 || treatments.Count > 0 || medicines.Count > 0 || redFlags.Count > 0
            || input.Triage.Any(t => InPeriod(LocalTime.LocalDay(t.AtUtc, zone), from, to))
            || scores.Any(s => s.Date >= from);
        return new DoctorReport(from, to, input.TimeZoneId, input.GeneratedAtUtc, hasData,
            pain, radiation, redFlags, scores, treatments, medicines, plan);
    }

    private static bool InPeriod(DateOnly day, DateOnly from, DateOnly to) => day >= from && day <= to;

    private static DateOnly DayOf(DateTime utc, string zoneId, TimeZoneInfo fallback) =>
        LocalTime.LocalDay(utc, LocalTime.TryFindZone(zoneId, out var zone) ? zone : fallback);

    private static PainSection PainOf(ReportInput input, InsightsReport insights, TimeZoneInfo zone)
    {
        var (from, to) = (input.From, input.To);
        // Worst and average are the report's additions to the insights' daily series: the days match it.
        var extra = input.CheckIns
            .Select(c => (Day: DayOf(c.AtUtc, c.TimeZoneId, TimeZoneInfo.Utc), c))
            .Where(x => InPeriod(x.Day, from, to))
            .GroupBy(x => x.Day)
            .ToDictionary(g => g.Key, g => (
                Worst: g.Max(x => Math.Max(x.c.PainWorst ?? x.c.PainNow, x.c.PainNow)),
                Average: g.Any(x => x.c.PainAverage is not null)
                    ? Math.Round(g.Where(x => x.c.PainAverage is not null).Average(x => (double)x.c.PainAverage!.Value), 2, MidpointRounding.AwayFromZero)
                    : (double?)null));
        var days = insights.Days
            .Select(d => new ReportDay(d.Date, d.Pain, d.Trend,
                extra.TryGetValue(d.Date, out var e) ? e.Worst : (int)Math.Ceiling(d.Pain),
                extra.TryGetValue(d.Date, out var a) ? a.Average : null,
                d.Radiation, d.CheckIns))
            .ToList();
        var inPeriod = input.CheckIns
            .Select(c => (Day: DayOf(c.AtUtc, c.TimeZoneId, TimeZoneInfo.Utc), c.PainNow))
            .Where(x => InPeriod(x.Day, from, to))
            .ToList();
        double? firstWeek = null, lastWeek = null;
        bool? improved = null;
        if (to.DayNumber - from.DayNumber + 1 >= 14)
        {
            var first = inPeriod.Where(x => x.Day < from.AddDays(7)).Select(x => x.PainNow).ToList();
            var last = inPeriod.Where(x => x.Day > to.AddDays(-7)).Select(x => x.PainNow).ToList();
            firstWeek = first.Count == 0 ? null : Round(first.Average());
            lastWeek = last.Count == 0 ? null : Round(last.Average());
            if (first.Count > 0 && last.Count > 0)
            {
                improved = first.Average() > 0 && !Progress.NoProgress(first, last);
            }
        }
        return new PainSection(
            days,
            inPeriod.Count,
            days.Count == 0 ? null : Round(days.Average(d => d.Pain)),
            days.Count == 0 ? null : days.MinBy(d => d.Pain),
            days.Count == 0 ? null : days.MaxBy(d => d.Pain),
            firstWeek,
            lastWeek,
            improved,
            insights.CheckIns);
    }

    private static RadiationSection RadiationOf(IReadOnlyList<ReportDay> days, RadiationTrend trend)
    {
        var marked = days.Where(d => d.Radiation != Radiation.None).ToList();
        return marked.Count == 0
            ? new RadiationSection(null, null, null, trend)
            : new RadiationSection(marked[^1].Radiation, marked[^1].Date, marked.Max(d => d.Radiation), trend);
    }

    private static List<RedFlagEntry> RedFlagsOf(ReportInput input, TimeZoneInfo zone)
    {
        var rules = TriageRules.All.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return [.. input.Triage
            .Where(t => t.FiredRules.Length > 0)
            .Select(t => (t, Day: LocalTime.LocalDay(t.AtUtc, zone)))
            .Where(x => InPeriod(x.Day, input.From, input.To))
            .OrderBy(x => x.t.AtUtc)
            .Select(x =>
            {
                var fired = x.t.FiredRules.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(id => (Id: id, Rule: rules.GetValueOrDefault(id)))
                    .OrderByDescending(r => r.Rule?.Level ?? TriageLevel.SelfCare)
                    .ToList();
                // A rule since renamed or removed keeps its id, so the row still says something.
                return new RedFlagEntry(x.Day, x.t.AtUtc, x.t.Level, x.t.SeeDoctorToday, x.t.Source,
                    [.. fired.Select(r => r.Id)], [.. fired.Select(r => r.Rule?.Reason ?? r.Id)]);
            })];
    }

    private static List<ScoreEntry> ScoresOf(ReportInput input, ReportNames names, TimeZoneInfo zone)
    {
        var result = new List<ScoreEntry>();
        var upToEnd = input.Responses
            .Where(r => r.Score is not null)
            .Select(r => (r, Day: DayOf(r.AuthoredAtUtc, r.TimeZoneId, zone)))
            .Where(x => x.Day <= input.To);
        foreach (var group in upToEnd.GroupBy(x => x.r.InstrumentId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(x => x.r.AuthoredAtUtc).ToList();
            var (latest, day) = ordered[^1];
            var instrument = names.Instrument(group.Key);
            var scoring = instrument?.Scoring;
            var value = latest.Score!.Value;
            string Format(decimal v) => scoring?.Format(v) ?? v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
            var band = latest.Band is null ? null : scoring?.BandById(latest.Band)?.Label ?? latest.Band;
            var firstInPeriod = ordered.FirstOrDefault(x => x.Day >= input.From);
            var earlier = firstInPeriod.r is not null && firstInPeriod.r != latest ? firstInPeriod : default;
            result.Add(new ScoreEntry(
                group.Key,
                instrument?.Title ?? group.Key,
                day,
                value,
                Format(value),
                band,
                earlier.r is null ? null : Format(earlier.r.Score!.Value),
                earlier.r is null ? null : earlier.Day,
                earlier.r is null || scoring is null ? null : scoring.Compare(earlier.r.Score!.Value, value),
                ordered.Count(x => x.Day >= input.From)));
        }
        return result;
    }

    private static List<TreatmentEntry> TreatmentsOf(ReportInput input, ReportNames names, InsightsReport insights)
    {
        var effects = insights.Modalities.ToDictionary(m => m.ModalityId, StringComparer.Ordinal);
        return [.. input.Treatments
            .Select(t => (t, Day: DayOf(t.StartedAtUtc, t.TimeZoneId, TimeZoneInfo.Utc)))
            .Where(x => InPeriod(x.Day, input.From, input.To))
            .GroupBy(x => x.t.ModalityId, StringComparer.Ordinal)
            .Select(g => new TreatmentEntry(g.Key, names.Modality(g.Key), g.Count(), g.Min(x => x.Day), g.Max(x => x.Day), effects.GetValueOrDefault(g.Key)))
            .OrderByDescending(e => e.Count)
            .ThenBy(e => e.Name, StringComparer.Ordinal)];
    }

    private static List<MedicineEntry> MedicinesOf(ReportInput input, ReportNames names, TimeZoneInfo zone)
    {
        var doses = input.Medicines
            .Select(m => (m, Day: DayOf(m.AtUtc, m.TimeZoneId, zone)))
            .Where(x => InPeriod(x.Day, input.From, input.To))
            .SelectMany(x => x.m.Doses.Select(d => (Dose: d, x.Day)));
        return [.. doses
            .GroupBy(x => x.Dose.Ingredient, StringComparer.Ordinal)
            .Select(g =>
            {
                var byDay = g.GroupBy(x => x.Day).Select(d => d.Sum(x => x.Dose.Milligrams)).ToList();
                return new MedicineEntry(g.Key, names.Ingredient(g.Key), g.Count(), byDay.Count, g.Sum(x => x.Dose.Milligrams), byDay.Max(),
                    g.Min(x => x.Day), g.Max(x => x.Day));
            })
            .OrderByDescending(m => m.DaysTaken)
            .ThenBy(m => m.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The plan in force at the period's end: a repeating item that has not ended by then, and a
    /// one-off item on that day or later (a past appointment is not part of the plan).
    /// </summary>
    private static List<PlanEntry> PlanOf(ReportInput input) =>
        [.. input.Plan
            .Where(p => p.Recurrence.Repeats ? p.EndDate is not { } end || end >= input.To : p.StartDate >= input.To)
            .OrderBy(p => p.StartDate)
            .ThenBy(p => p.TimeOfDay)
            .Select(p => new PlanEntry(p.Id, p.Kind, p.DisplayTitle, p.Recurrence, p.TimeOfDay, p.StartDate, p.EndDate, p.Place, p.TherapistName))];

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

using SciaticaRelief.Core.Profiles;
using System.Globalization;
using Microsoft.Extensions.Localization;
using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Reports;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Web.Insights;

namespace SciaticaRelief.Web.Reports;

/// <summary>
/// The report in plain words, one wording for the PDF and the printable page. The treatments'
/// sentences are the insights' own (<see cref="InsightsText"/>): they describe what happened on
/// days with and without a treatment and never say a treatment caused, cured or helped anything.
/// </summary>
public static class ReportText
{
    public static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Title(IStringLocalizer l) => l["Sciatica report for a doctor"];

    public static string Period(IStringLocalizer l, DoctorReport r)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(r);
        return Format(l["Period: {0} to {1} ({2} days; days are local days in {3})."], Day(r.From), Day(r.To), r.To.DayNumber - r.From.DayNumber + 1, r.TimeZoneId);
    }

    public static string Generated(IStringLocalizer l, DoctorReport r)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(r);
        return Format(l["Made on {0} at {1} UTC."], Day(DateOnly.FromDateTime(r.GeneratedAtUtc)), r.GeneratedAtUtc.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    public static string Disclaimer(IStringLocalizer l) =>
        l["This is the Person's own record, kept in the Sciatica Relief diary. It is not a diagnosis and has not been checked by a clinician. The figures are patterns in the diary, not proof of what caused them."];

    /// <summary>The emergency line of the Person's country, from the one table the pages, the API and the CLI use.</summary>
    public static string Emergency(IStringLocalizer l, Region region)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(region);
        return Format(l["In an emergency ({0}): call {1} or go to {2}."], l[region.Name], region.EmergencyNumber, region.EmergencyPlace);
    }

    public static string NoData(IStringLocalizer l) =>
        l["There is no data in this period: no check-ins, treatments, symptom checks or questionnaires."];

    public static IReadOnlyList<string> Pain(IStringLocalizer l, PainSection p)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(p);
        if (p.MeanPain is not { } mean)
        {
            return [l["No check-ins in this period."]];
        }
        var lines = new List<string>
        {
            Format(l["Pain now (0–10) averaged {0} over {1} days with check-ins ({2} check-ins)."], One(mean), p.Days.Count, p.CheckIns),
        };
        if (p.Best is { } best && p.Worst is { } worst)
        {
            lines.Add(Format(l["Best day: {0} ({1}). Worst day: {2} ({3}; worst pain that day {4})."], Day(best.Date), One(best.Pain), Day(worst.Date), One(worst.Pain), worst.Worst));
        }
        if (p.FirstWeekMean is { } first && p.LastWeekMean is { } last)
        {
            lines.Add(Format(l["First week of the period: {0}; last week: {1}."], One(first), One(last)) + " " + (p.ImportantImprovement == true
                ? l["The last week is at least 30% lower, the change most people notice as real (Farrar 2001)."]
                : l["The last week is not 30% lower, the change most people notice as real (Farrar 2001)."]));
        }
        lines.Add(InsightsText.Adherence(l, p.CheckInDays));
        return lines;
    }

    public static IReadOnlyList<string> Radiation(IStringLocalizer l, RadiationSection r)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(r);
        var lines = new List<string>();
        if (r.Furthest is { } furthest && r.Latest is { } latest && r.LatestDate is { } date)
        {
            lines.Add(Format(l["Furthest the pain reached in the period: {0}. Last marked: {1} on {2}."], Reach(l, furthest), Reach(l, latest), Day(date)));
        }
        else
        {
            lines.Add(l["The body map was not filled in during this period."]);
        }
        lines.Add(InsightsText.Radiation(l, r.Trend));
        return lines;
    }

    public static string Reach(IStringLocalizer l, Radiation r)
    {
        ArgumentNullException.ThrowIfNull(l);
        return r switch
        {
            Core.Journal.Radiation.None => l["nowhere marked"],
            Core.Journal.Radiation.Back => l["the back"],
            Core.Journal.Radiation.Buttock => l["the buttock"],
            Core.Journal.Radiation.Thigh => l["the thigh"],
            Core.Journal.Radiation.BelowKnee => l["below the knee"],
            Core.Journal.Radiation.Foot => l["the foot"],
            _ => r.ToString(),
        };
    }

    public static string Level(IStringLocalizer l, TriageLevel level)
    {
        ArgumentNullException.ThrowIfNull(l);
        return level switch
        {
            TriageLevel.Emergency => l["Emergency"],
            TriageLevel.Urgent => l["See a doctor soon"],
            TriageLevel.Routine => l["Book a routine appointment"],
            TriageLevel.SelfCare => l["Self-care"],
        };
    }

    public static string NoRedFlags(IStringLocalizer l) => l["No red flag was found at the symptom checks in this period."];

    public static string RedFlag(IStringLocalizer l, RedFlagEntry f)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(f);
        var reasons = string.Join("; ", f.Reasons.Select(r => l[r].Value));
        return Format(l["{0}: {1}. {2}."], Day(f.Date), Level(l, f.Level), reasons)
            + (f.SeeDoctorToday ? " " + l["The Person was told to see a doctor that day."] : "");
    }

    public static string NoScores(IStringLocalizer l) => l["No questionnaire answered by the end of this period."];

    public static string Score(IStringLocalizer l, ScoreEntry s)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(s);
        var text = s.Band is { } band
            ? Format(l["{0}: {1} ({2}) on {3}."], l[s.Title], s.Score, l[band], Day(s.Date))
            : Format(l["{0}: {1} on {2}."], l[s.Title], s.Score, Day(s.Date));
        if (s.Earlier is { } earlier && s.EarlierDate is { } when && s.Change is { } change)
        {
            text += " " + Format(l["It was {0} on {1}: {2}."], earlier, Day(when),
                change.Difference == 0 ? l["no change"]
                : change.Important ? (change.Better ? l["an important improvement"] : l["an important worsening"])
                : (change.Better ? l["better, but less than an important change"] : l["worse, but less than an important change"]));
        }
        return text;
    }

    public static string NoTreatments(IStringLocalizer l) => l["No treatments logged in this period."];

    public static string TreatmentHeading(IStringLocalizer l, TreatmentEntry t)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(t);
        return Format(l["{0}: {1} times, {2} to {3}."], l[t.Name], t.Count, Day(t.First), Day(t.Last));
    }

    /// <summary>The insights' sentences about one modality: right after, next day, against untreated days, clear falls.</summary>
    public static IReadOnlyList<string> TreatmentEffect(IStringLocalizer l, TreatmentEntry t)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(t);
        if (t.Effect is not { } e)
        {
            return [];
        }
        var name = l[t.Name].Value;
        return
        [
            InsightsText.Immediate(l, name, e.Immediate),
            InsightsText.NextDay(l, name, e.NextDay),
            InsightsText.Compared(l, e.ComparedWithUntreated),
            Format(l["A clear fall (2 points or 30%): right after, {0}; the next day, {1}."], InsightsText.Responders(l, e.ImmediateResponders), InsightsText.Responders(l, e.NextDayResponders)),
        ];
    }

    public static string NoMedicines(IStringLocalizer l) => l["No medicines logged in this period."];

    public static string Medicine(IStringLocalizer l, MedicineEntry m)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(m);
        return Format(l["{0}: taken on {1} days ({2} doses, {3} to {4}); {5} mg in all, at most {6} mg in one day."],
            l[m.Name], m.DaysTaken, m.Doses, Day(m.First), Day(m.Last), Mg(m.TotalMilligrams), Mg(m.MostInADay));
    }

    public static string NoPlan(IStringLocalizer l) => l["No plan items in force at the end of this period."];

    public static string PlanItem(IStringLocalizer l, PlanEntry p)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(p);
        var time = p.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
        var when = p.Recurrence.Kind switch
        {
            RecurrenceKind.None => Format(l["on {0} at {1}"], Day(p.StartDate), time),
            RecurrenceKind.Daily => Format(l["every day at {0}"], time),
            RecurrenceKind.Weekly => Format(l["every week on {0} at {1}"], Days(p.Recurrence.Days), time),
            RecurrenceKind.EveryNWeeks => Format(l["every {0} weeks on {1} at {2}"], p.Recurrence.IntervalWeeks, Days(p.Recurrence.Days), time),
        };
        var text = Format(l["{0}: {1}"], l[p.Title], when);
        if (p.Recurrence.Repeats)
        {
            text += p.EndDate is { } end
                ? Format(l[", from {0} to {1}"], Day(p.StartDate), Day(end))
                : Format(l[", from {0}"], Day(p.StartDate));
        }
        if (!string.IsNullOrWhiteSpace(p.TherapistName))
        {
            text += Format(l[", with {0}"], p.TherapistName);
        }
        if (!string.IsNullOrWhiteSpace(p.Place))
        {
            text += Format(l[", at {0}"], p.Place);
        }
        return text + ".";
    }

    public static string Caveat(IStringLocalizer l) =>
        l["Changes are after minus before. Bad days are often followed by better ones whatever is done, and sciatica tends to ease over weeks on its own: these are associations in one person's diary, not proof that a treatment caused a change. An interval that includes no difference means the difference may be chance."];

    private static string Days(IReadOnlyList<DayOfWeek> days) =>
        string.Join(", ", days.Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d)));

    private static string One(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Mg(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}

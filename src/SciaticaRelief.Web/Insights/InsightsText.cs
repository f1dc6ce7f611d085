using System.Globalization;
using Microsoft.Extensions.Localization;
using SciaticaRelief.Core.Insights;

namespace SciaticaRelief.Web.Insights;

/// <summary>
/// The insights in plain words. Every sentence describes what happened on days with and without a
/// treatment; none says a treatment caused, reduced or helped anything (a test reads them for that).
/// Numbers are shown to one decimal; changes are told as "lower" or "higher" rather than signed.
/// </summary>
public static class InsightsText
{
    /// <summary>
    /// A modality's name from its catalogue id ("swedish-massage" → "Swedish massage") until the
    /// modality catalogue gives names; through the localizer so a translation can name it.
    /// </summary>
    /// <summary>The modality's name from the catalogue; an id the catalogue no longer has is spelled out.</summary>
    public static string ModalityName(IStringLocalizer l, string modalityId, Core.Modalities.ModalityCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(modalityId);
        if (catalog?.Find(modalityId) is { } modality)
        {
            return l[modality.Name];
        }
        var words = modalityId.Replace('-', ' ').Replace('_', ' ').Trim();
        var english = words.Length == 0 ? modalityId : char.ToUpperInvariant(words[0]) + words[1..];
        return l[english];
    }

    public static string Number(double value) => Math.Abs(value).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>"1.9 points lower", "0.4 points higher" or "no different".</summary>
    public static string Change(IStringLocalizer l, double value)
    {
        ArgumentNullException.ThrowIfNull(l);
        return Math.Round(value, 1) switch
        {
            < 0 => Format(l["{0} points lower"], Number(value)),
            > 0 => Format(l["{0} points higher"], Number(value)),
            _ => l["no different"],
        };
    }

    /// <summary>"1.0 to 2.7 points lower", "0.2 to 1.5 points higher", or "from 1.6 points lower to 0.2 higher".</summary>
    public static string Interval(IStringLocalizer l, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (high < 0)
        {
            return Format(l["{0} to {1} points lower"], Number(high), Number(low));
        }
        if (low > 0)
        {
            return Format(l["{0} to {1} points higher"], Number(low), Number(high));
        }
        return Format(l["from {0} points lower to {1} higher"], Number(low), Number(high));
    }

    public static string NotEnough(IStringLocalizer l, int n)
    {
        ArgumentNullException.ThrowIfNull(l);
        return Format(l["not enough data yet: {0} of {1}"], n, Estimate.MinimumN);
    }

    public static string Immediate(IStringLocalizer l, string name, Estimate e)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(e);
        return e is { Shown: true, Mean: { } mean, Low: { } low, High: { } high }
            ? Format(l["Right after {0}, your pain was on average {1} than just before (95% interval: {2}; {3} times)."], name, Change(l, mean), Interval(l, low, high), e.N)
            : Format(l["Right after {0}: {1}."], name, NotEnough(l, e.N));
    }

    public static string NextDay(IStringLocalizer l, string name, Estimate e)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(e);
        return e is { Shown: true, Mean: { } mean, Low: { } low, High: { } high }
            ? Format(l["On days you had {0}, your pain the next day was on average {1} (95% interval: {2}; {3} days)."], name, Change(l, mean), Interval(l, low, high), e.N)
            : Format(l["The next day after {0}: {1}."], name, NotEnough(l, e.N));
    }

    public static string Compared(IStringLocalizer l, UntreatedComparison c)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(c);
        if (!c.Shown || c.UntreatedMean is not { } untreated || c.Difference is not { Mean: { } d, Low: { } low, High: { } high })
        {
            return Format(l["Compared with days without it: not enough data yet (it takes {2} days with it and {2} untreated days that started as bad; so far {0} and {1})."],
                c.Treated, c.UntreatedDays, Estimate.MinimumN);
        }
        var sentence = Format(l["On days without it that started as bad, it was {0} ({1} such days). Set against those days, your pain the next day was on average {2} (95% interval: {3})."],
            Change(l, untreated), c.UntreatedDays, Change(l, d), Interval(l, low, high));
        return low <= 0 && high >= 0
            ? sentence + " " + l["The interval includes no difference, so this may be chance."]
            : sentence;
    }

    public static string Responders(IStringLocalizer l, ResponderShare share)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(share);
        return share.Share is { } s
            ? Format(l["{0} of {1} ({2}%)"], share.Responders, share.N, Math.Round(s * 100).ToString("0", CultureInfo.InvariantCulture))
            : share.N == 0 ? l["none logged"] : Format(l["{0} of {1} (not enough data yet for a share)"], share.Responders, share.N);
    }

    public static string Radiation(IStringLocalizer l, RadiationTrend r)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(r);
        return r.Direction switch
        {
            RadiationDirection.Retreated => Format(l["In the last 4 weeks the pain reached less far down the leg than in the 4 weeks before (average reach {0} against {1}, where 1 is the back and 5 the foot). Pain retreating toward the back counts as improvement."],
                Level(r.LastFourWeeks), Level(r.FourWeeksBefore)),
            RadiationDirection.Spread => Format(l["In the last 4 weeks the pain reached further down the leg than in the 4 weeks before (average reach {0} against {1}, where 1 is the back and 5 the foot). If it keeps spreading, or you notice new numbness or weakness, do a symptom check."],
                Level(r.LastFourWeeks), Level(r.FourWeeksBefore)),
            RadiationDirection.Stable => Format(l["In the last 4 weeks the pain reached about as far down the leg as in the 4 weeks before (average reach {0} against {1})."],
                Level(r.LastFourWeeks), Level(r.FourWeeksBefore)),
            RadiationDirection.NotEnoughData => Format(l["Not enough data yet to compare how far the pain reaches: it needs at least {0} days with the body map filled in, in each of the last 4 weeks and the 4 before ({1} and {2} so far)."],
                RadiationTrend.MinimumDays, r.LastFourWeeksDays, r.FourWeeksBeforeDays),
        };
    }

    public static string Week(IStringLocalizer l, WeekSummary w, Func<string, string> name)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(name);
        var parts = new List<string>();
        var span = Format(l["{0} to {1}"], Day(w.From), Day(w.To));
        if (w.MeanPain is not { } mean)
        {
            parts.Add(Format(l["Last week ({0}) has no check-ins."], span));
        }
        else if (w.PreviousMeanPain is { } before && w.Change is { } change)
        {
            parts.Add(change == 0
                ? Format(l["Last week ({0}) your pain averaged {1}, the same as the week before."], span, Number(mean))
                : Format(l["Last week ({0}) your pain averaged {1}, {2} than the week before ({3})."], span, Number(mean), Change(l, change), Number(before)));
        }
        else
        {
            parts.Add(Format(l["Last week ({0}) your pain averaged {1}; the week before has no check-ins to compare."], span, Number(mean)));
        }
        parts.Add(Format(l["You checked in {0} times on {1} of 7 days."], w.CheckIns, w.DaysWithCheckIns));
        parts.Add(w.Treatments.Count == 0
            ? l["No treatments logged."]
            : Format(l["Treatments: {0}."], string.Join(", ", w.Treatments.Select(t => $"{name(t.ModalityId)} × {t.Count.ToString(CultureInfo.InvariantCulture)}"))));
        if (w.Best is { } best && w.Worst is { } worst)
        {
            parts.Add(Format(l["Best day: {0} ({1}). Worst day: {2} ({3})."], Day(best.Date), Number(best.Pain), Day(worst.Date), Number(worst.Pain)));
        }
        return string.Join(" ", parts);
    }

    public static string Adherence(IStringLocalizer l, Core.Insights.Adherence checkIns)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(checkIns);
        return checkIns.ShareWithAny is { } share
            ? Format(l["You checked in on {0} of {1} days ({2}%) since your first check-in in this period."], checkIns.DaysWithAny, checkIns.DaysDue, Percent(share))
            : l["No check-ins in this period yet."];
    }

    public static string EarSeeds(IStringLocalizer l, Core.Insights.Adherence presses)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(presses);
        return presses is { DaysDue: > 0, MeanPerDay: { } mean }
            ? Format(l["Ear seeds were on for {0} days: you pressed them {1} times a day on average; {2} of {0} days had the {3}–{4} presses a day usually advised ({5} fewer, {6} more)."],
                presses.DaysDue, mean.ToString("0.0", CultureInfo.InvariantCulture), presses.DaysMet, presses.Target.MinPerDay, presses.Target.MaxPerDay ?? presses.Target.MinPerDay,
                presses.DaysBelow, presses.DaysAbove)
            : l["No ear seeds were on in this period."];
    }

    public static string Day(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    private static string Percent(double share) => Math.Round(share * 100).ToString("0", CultureInfo.InvariantCulture);

    private static string Level(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}

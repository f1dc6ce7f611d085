using System.Globalization;
using Microsoft.Extensions.Localization;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Plans;

namespace SciaticaRelief.Web.Plans;

/// <summary>How the plan pages put an item's schedule into words.</summary>
public static class PlanText
{
    public static string Kind(IStringLocalizer l, PlanItemKind kind)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[kind.Label()];
    }

    public static string Day(IStringLocalizer l, DayOfWeek day)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day)];
    }

    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Every Monday and Thursday at 18:00 (60 minutes), from Tue 1 Dec 2026 until ...".</summary>
    public static string Schedule(IStringLocalizer l, PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(item);
        var r = item.Recurrence;
        var days = string.Join(", ", r.Days.Select(d => Day(l, d)));
        var when = r.Kind switch
        {
            RecurrenceKind.None => string.Format(CultureInfo.InvariantCulture, l["On {0} at {1}"], Date(item.StartDate), Time(item.TimeOfDay)),
            RecurrenceKind.Daily => string.Format(CultureInfo.InvariantCulture, l["Every day at {0}"], Time(item.TimeOfDay)),
            RecurrenceKind.Weekly => string.Format(CultureInfo.InvariantCulture, l["Every week on {0} at {1}"], days, Time(item.TimeOfDay)),
            RecurrenceKind.EveryNWeeks => string.Format(CultureInfo.InvariantCulture, l["Every {0} weeks on {1} at {2}"], r.IntervalWeeks, days, Time(item.TimeOfDay)),
        };
        var length = string.Format(CultureInfo.InvariantCulture, l["{0} minutes"], item.DurationMinutes);
        if (r.Kind == RecurrenceKind.None)
        {
            return $"{when} ({length})";
        }
        var span = item.EndDate is { } end
            ? string.Format(CultureInfo.InvariantCulture, l["from {0} until {1}"], Date(item.StartDate), Date(end))
            : string.Format(CultureInfo.InvariantCulture, l["from {0}"], Date(item.StartDate));
        return $"{when} ({length}), {span}";
    }

    /// <summary>The points of a Therapist's home-care item, by their chart names.</summary>
    public static string Points(PointCatalog catalog, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return string.Join(", ", ids.Select(id => catalog.Find(id)?.Label ?? id));
    }

    public static string Adherence(IStringLocalizer l, ItemAdherence a)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(a);
        return a.Planned == 0
            ? l["Nothing was due yet."]
            : string.Format(CultureInfo.InvariantCulture, l["Done on {0} of {1} planned days."], a.Done, a.Planned);
    }
}

using System.Globalization;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Plans;

/// <summary>
/// Expands plan items into occurrences. Each occurrence is the planned local time on its local
/// date, turned into an instant by <see cref="LocalTime.ToUtc"/>: a time in a daylight-saving gap
/// moves forward by the gap and an ambiguous time is the first one (RFC 5545 3.3.5), the same
/// instants a calendar app computes from the feed's DTSTART;TZID and RRULE.
/// </summary>
public static class PlanSchedule
{
    /// <summary>Longest window expanded at once; bounds the work a request can ask for.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(5 * 366);

    /// <summary>How far ahead "next up" looks: longer than the longest interval (52 weeks).</summary>
    public static readonly TimeSpan NextUpHorizon = TimeSpan.FromDays(400);

    public static bool IsPaused(PlanItemKind kind, TriageLevel level) => level.PausesSelfCare() && kind.IsSelfCare();

    /// <summary>True when the item happens on this local date (ignoring the time of day).</summary>
    public static bool OccursOn(PlanItem item, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (date < item.StartDate || (item.EndDate is { } end && date > end))
        {
            return false;
        }
        var r = item.Recurrence;
        return r.Kind switch
        {
            RecurrenceKind.None => date == item.StartDate,
            RecurrenceKind.Daily => true,
            RecurrenceKind.Weekly or RecurrenceKind.EveryNWeeks =>
                r.Days.Contains(date.DayOfWeek) && WeeksBetween(item.StartDate, date) % r.IntervalWeeks == 0,
        };
    }

    /// <summary>The first local date the item happens on (for a weekly item, the first chosen day on or after the start).</summary>
    public static DateOnly? FirstDate(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var limit = item.Recurrence.Kind == RecurrenceKind.None ? 1 : 7 * item.Recurrence.IntervalWeeks;
        for (var i = 0; i < limit; i++)
        {
            var date = item.StartDate.AddDays(i);
            if (OccursOn(item, date))
            {
                return date;
            }
        }
        return null;
    }

    /// <summary>Occurrences starting in [fromUtc, toUtc), in order.</summary>
    public static IReadOnlyList<PlanOccurrence> Expand(PlanItem item, DateTime fromUtc, DateTime toUtc, TriageLevel level = TriageLevel.SelfCare)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (toUtc - fromUtc > MaxWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(toUtc), "The window is longer than PlanSchedule.MaxWindow.");
        }
        if (!LocalTime.TryFindZone(item.ZoneId, out var zone))
        {
            throw new ArgumentException($"Unknown zone '{item.ZoneId}': validate plan items first.", nameof(item));
        }
        var result = new List<PlanOccurrence>();
        if (toUtc <= fromUtc)
        {
            return result;
        }
        // A day either side: a local date's planned time can be up to a day away from its UTC date.
        var first = Max(item.StartDate, LocalTime.LocalDay(fromUtc, zone).AddDays(-1));
        var last = LocalTime.LocalDay(toUtc, zone).AddDays(1);
        if (item.EndDate is { } end && end < last)
        {
            last = end;
        }
        var paused = IsPaused(item.Kind, level);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (!OccursOn(item, date))
            {
                continue;
            }
            var occurrence = At(item, date, zone, paused);
            if (occurrence.StartUtc >= fromUtc && occurrence.StartUtc < toUtc)
            {
                result.Add(occurrence);
            }
        }
        return result;
    }

    /// <summary>
    /// What comes next from <paramref name="nowUtc"/> across all items, soonest first. Items the
    /// triage level pauses are left out: the plan shows them as paused, not as next up.
    /// </summary>
    public static IReadOnlyList<PlanOccurrence> NextUp(IEnumerable<PlanItem> items, DateTime nowUtc, int count, TriageLevel level)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return items
            .Where(i => !IsPaused(i.Kind, level))
            .SelectMany(i => Expand(i, nowUtc, nowUtc + NextUpHorizon, level).Take(count))
            .OrderBy(o => o.StartUtc).ThenBy(o => o.Item.Id)
            .Take(count)
            .ToList();
    }

    /// <summary>
    /// Daylight-saving notes for the item's first year (or until its end): the days its planned
    /// time does not exist (moved forward) or happens twice (the first is taken).
    /// </summary>
    public static IReadOnlyList<TimeNote> TimeNotes(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!LocalTime.TryFindZone(item.ZoneId, out var zone))
        {
            return [];
        }
        var notes = new List<TimeNote>();
        var last = item.StartDate.AddDays(366);
        if (item.EndDate is { } end && end < last)
        {
            last = end;
        }
        for (var date = item.StartDate; date <= last; date = date.AddDays(1))
        {
            if (!OccursOn(item, date))
            {
                continue;
            }
            var o = At(item, date, zone, paused: false);
            var planned = item.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
            var day = date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
            if (o.ShiftedForward)
            {
                var actual = o.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture);
                notes.Add(new TimeNote(date, true,
                    $"On {day} the clocks go forward and {planned} does not exist in {item.ZoneId}: this item is at {actual} that day."));
            }
            else if (o.Ambiguous)
            {
                notes.Add(new TimeNote(date, false,
                    $"On {day} the clocks go back and {planned} happens twice in {item.ZoneId}: this item is at the first {planned}."));
            }
        }
        return notes;
    }

    private static PlanOccurrence At(PlanItem item, DateOnly date, TimeZoneInfo zone, bool paused)
    {
        var resolved = LocalTime.ToUtc(date.ToDateTime(item.TimeOfDay), zone);
        return new PlanOccurrence(item, date, resolved.Utc, LocalTime.ToLocal(resolved.Utc, zone),
            resolved.ShiftedForward, resolved.Ambiguous, paused);
    }

    /// <summary>Whole weeks between the Mondays of the two dates' weeks (RFC 5545's default WKST=MO).</summary>
    private static int WeeksBetween(DateOnly start, DateOnly date) =>
        (Monday(date).DayNumber - Monday(start).DayNumber) / 7;

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Calendar;

/// <summary>A plan item with its edit counter (<see cref="SavedPlanItem.Sequence"/>), which becomes the event's SEQUENCE.</summary>
public sealed record FeedEntry(PlanItem Item, int Sequence);

/// <summary>
/// Writes a Person's plan as an RFC 5545 calendar: a VTIMEZONE for their zone, one VEVENT per item
/// with DTSTART;TZID (the local wall time, so a calendar app keeps 18:00 at 18:00 across daylight
/// saving), an RRULE for repeats (UNTIL in UTC), a DISPLAY alarm for the reminder, and a UID made
/// from the item id so a re-fetch updates events instead of duplicating them. Text comes from the
/// plan only (title, place, therapist's name): never symptom or journal text.
/// </summary>
/// <remarks>
/// Paused items (massage and home care while triage says to seek care) are left out rather than
/// marked: a calendar would still remind about a cancelled-looking event on some apps, and the
/// point of the pause is that nothing prompts self-care until the Person has been seen. Removed
/// UIDs disappear from subscribed calendars on the next fetch and come back when the pause lifts.
/// </remarks>
public static class PlanFeedWriter
{
    public const string ProductId = "-//Sciatica Relief//Plan//EN";
    public const string UidDomain = "sciatica-relief";

    public static string Uid(Guid itemId) => $"{itemId:D}@{UidDomain}";

    /// <summary>Writes items that were never edited (SEQUENCE 0).</summary>
    /// <param name="stampUtc">DTSTAMP for every event (the injected clock's now).</param>
    public static string Write(IEnumerable<PlanItem> items, string zoneId, DateTime stampUtc, TriageLevel level)
    {
        ArgumentNullException.ThrowIfNull(items);
        return WriteEntries(items.Select(i => new FeedEntry(i, 0)), zoneId, stampUtc, level);
    }

    /// <summary>
    /// Writes items with their edit counters as SEQUENCE (RFC 5545 3.8.7.4): a calendar app takes an
    /// event with a higher SEQUENCE as a revision of the one it has, so an edited time replaces the old one.
    /// </summary>
    /// <param name="stampUtc">DTSTAMP for every event (the injected clock's now).</param>
    public static string WriteEntries(IEnumerable<FeedEntry> entries, string zoneId, DateTime stampUtc, TriageLevel level)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!LocalTime.TryFindZone(zoneId, out _))
        {
            throw new ArgumentException($"Unknown zone '{zoneId}'.", nameof(zoneId));
        }
        // A plan time is a wall-clock time in the Person's zone now: after a move, 18:00 stays 18:00 there.
        var included = entries
            .Where(e => !PlanSchedule.IsPaused(e.Item.Kind, level))
            .Select(e => (Item: e.Item.ZoneId == zoneId ? e.Item : e.Item with { ZoneId = zoneId }, e.Sequence))
            .Select(x => (x.Item, x.Sequence, First: PlanSchedule.FirstDate(x.Item)))
            .Where(x => x.First is not null)
            .OrderBy(x => x.First).ThenBy(x => x.Item.Id)
            .ToList();

        var calendar = new Ical.Net.Calendar { ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", "Sciatica Relief plan");
        calendar.AddProperty("X-WR-TIMEZONE", zoneId);
        var earliest = included.Count > 0 ? included.Min(x => x.First!.Value) : DateOnly.FromDateTime(stampUtc);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zoneId, earliest.AddDays(-1).ToDateTime(TimeOnly.MinValue), includeHistoricalData: false));

        var stamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc));
        foreach (var (item, sequence, first) in included)
        {
            calendar.Events.Add(ToEvent(item, sequence, first!.Value, zoneId, stamp));
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent ToEvent(PlanItem item, int sequence, DateOnly first, string zoneId, CalDateTime stamp)
    {
        var ev = new CalendarEvent
        {
            Uid = Uid(item.Id),
            Sequence = Math.Max(0, sequence),
            DtStamp = stamp,
            Summary = Summary(item),
            Duration = Duration.FromMinutes(item.DurationMinutes),
        };
        if (item.Kind == PlanItemKind.MassageAppointment && item.Place is { } place)
        {
            ev.Location = Text(place);
        }
        if (item.Recurrence.Repeats)
        {
            // The planned wall time: on a day it falls in a gap the calendar app moves it forward
            // (RFC 5545 3.3.10), as PlanSchedule does.
            ev.DtStart = new CalDateTime(first.ToDateTime(item.TimeOfDay), zoneId);
            ev.RecurrenceRule = Rule(item);
        }
        else
        {
            // A single time in a gap is written already shifted, so every app shows the same time the plan does.
            LocalTime.TryFindZone(zoneId, out var zone);
            var resolved = LocalTime.ToUtc(first.ToDateTime(item.TimeOfDay), zone);
            ev.DtStart = new CalDateTime(LocalTime.ToLocal(resolved.Utc, zone), zoneId);
        }
        if (item.ReminderMinutesBefore is { } minutes)
        {
            ev.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = ev.Summary,
                Trigger = new Trigger(Duration.FromMinutes(-minutes)),
            });
        }
        return ev;
    }

    private static RecurrencePattern Rule(PlanItem item)
    {
        var r = item.Recurrence;
        var pattern = r.Kind switch
        {
            RecurrenceKind.Daily => new RecurrencePattern(FrequencyType.Daily, 1),
            RecurrenceKind.Weekly or RecurrenceKind.EveryNWeeks => new RecurrencePattern(FrequencyType.Weekly, r.IntervalWeeks)
            {
                ByDay = [.. r.Days.Select(d => new WeekDay(d))],
            },
            RecurrenceKind.None => throw new ArgumentException("A single item has no rule.", nameof(item)),
        };
        if (item.EndDate is { } end && LocalTime.TryFindZone(item.ZoneId, out var zone))
        {
            // UNTIL must be UTC when DTSTART has a TZID (RFC 5545 3.3.10); the end date's planned time is the last instant.
            pattern.Until = new CalDateTime(LocalTime.ToUtc(end.ToDateTime(item.TimeOfDay), zone).Utc);
        }
        return pattern;
    }

    private static string Summary(PlanItem item)
    {
        var title = item.DisplayTitle;
        if (item.Kind == PlanItemKind.MassageAppointment && item.TherapistName is { } therapist)
        {
            title = $"{title} with {therapist}";
        }
        return Text(title);
    }

    /// <summary>
    /// Defence beside the validator: CR and CRLF become LF, which the serializer escapes as \n with
    /// commas, semicolons and backslashes, and other controls go, so no text can end its property line.
    /// </summary>
    internal static string Text(string text) =>
        new([.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Where(c => c == '\n' || !char.IsControl(c))]);
}

using Ical.Net.DataTypes;
using SciaticaRelief.Core.Calendar;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Triage;
using static SciaticaRelief.Core.Tests.Plans.PlanTestItems;

namespace SciaticaRelief.Core.Tests.Calendar;

public sealed class PlanFeedWriterTests
{
    private static readonly DateTime Stamp = new(2027, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    private static Ical.Net.Calendar Parse(string text) => Ical.Net.Calendar.Load(text)!;

    private static List<DateTime> Expand(string text, DateTime fromUtc, DateTime toUtc) =>
        [.. Parse(text).GetOccurrences(new CalDateTime(fromUtc))
            .Select(o => o.Period.StartTime.AsUtc)
            .TakeWhile(t => t < toUtc)];

    public static TheoryData<string, DateOnly, TimeOnly, Recurrence, string> DstSeries { get; } = new()
    {
        { "Europe/London", new(2027, 3, 26), new(1, 30), Recurrence.Daily, "London spring forward: 01:30 is in the gap (01:00-02:00) on the 28th" },
        { "Europe/London", new(2026, 10, 20), new(1, 30), Recurrence.Daily, "London autumn: 01:30 happens twice on the 25th, the first is taken" },
        { "Europe/London", new(2026, 10, 22), new(18, 0), Recurrence.Daily, "London autumn: 18:00 stays 18:00" },
        { "America/New_York", new(2027, 3, 8), new(9, 0), Weekly(DayOfWeek.Monday, DayOfWeek.Saturday), "New York spring: weekly 09:00" },
        { "America/New_York", new(2027, 3, 10), new(2, 30), Recurrence.Daily, "New York spring: 02:30 is in the gap (02:00-03:00) on the 14th" },
        { "America/New_York", new(2027, 11, 1), new(1, 30), Recurrence.Daily, "New York fall back: 01:30 is ambiguous on the 7th" },
    };

    [Theory]
    [MemberData(nameof(DstSeries))]
    public void Feed_ParsesBack_AndExpandsToThePlansInstants(string zone, DateOnly start, TimeOnly time, Recurrence recurrence, string why)
    {
        var item = Item(zone: zone, start: start, time: time, recurrence: recurrence, end: start.AddDays(13));
        var text = PlanFeedWriter.Write([item], zone, Stamp, TriageLevel.SelfCare);
        var from = start.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = start.AddDays(15).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var expected = PlanSchedule.Expand(item, from, to).Select(o => o.StartUtc).ToList();
        Assert.True(expected.Count > 0, why);
        Assert.True(expected.SequenceEqual(Expand(text, from, to)), $"{why}\n{text}");
    }

    [Fact]
    public void Feed_HasTimezoneTzidRruleUntilInUtcAlarmAndStamp()
    {
        var item = Item(start: new DateOnly(2027, 3, 1), time: new TimeOnly(18, 0), end: new DateOnly(2027, 4, 30), reminder: 15);
        var text = PlanFeedWriter.Write([item], "Europe/London", Stamp, TriageLevel.SelfCare);
        Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/London", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/London:20270301T180000", text, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=DAILY;UNTIL=20270430T170000Z", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VALARM", text, StringComparison.Ordinal);
        Assert.Contains("ACTION:DISPLAY", text, StringComparison.Ordinal);
        Assert.Contains("TRIGGER:-PT15M", text, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20270105T080000Z", text, StringComparison.Ordinal);
        Assert.Contains($"UID:{item.Id:D}@sciatica-relief", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_MassageSeries_EscapesLocationAndNamesTheTherapist()
    {
        var item = Item(kind: PlanItemKind.MassageAppointment, title: "Massage", place: "Clinic; Room 2, 1 High St",
            therapist: "Ann", time: new TimeOnly(18, 0), recurrence: Weekly(DayOfWeek.Friday), end: new DateOnly(2027, 6, 25), reminder: 60);
        var text = PlanFeedWriter.Write([item], "Europe/London", Stamp, TriageLevel.SelfCare);
        Assert.Contains("LOCATION:Clinic\\; Room 2\\, 1 High St", text, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Massage with Ann", text, StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("PRODID:-//Sciatica Relief//Plan//EN", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EditedItem_CarriesItsSequence_SoCalendarsTakeItAsARevision()
    {
        var item = Item(start: new DateOnly(2027, 3, 1), time: new TimeOnly(18, 0));
        var before = PlanFeedWriter.WriteEntries([new FeedEntry(item, 0)], "Europe/London", Stamp, TriageLevel.SelfCare);
        var after = PlanFeedWriter.WriteEntries([new FeedEntry(item with { TimeOfDay = new TimeOnly(19, 0) }, 3)], "Europe/London", Stamp, TriageLevel.SelfCare);

        Assert.Equal(0, Assert.Single(Parse(before).Events).Sequence);
        var edited = Assert.Single(Parse(after).Events);
        Assert.Equal(3, edited.Sequence);
        Assert.Equal(Assert.Single(Parse(before).Events).Uid, edited.Uid);
        Assert.Contains("SEQUENCE:3", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Uid_SameOnTwoWrites()
    {
        var items = new[] { Item(id: Guid.NewGuid()), Item(kind: PlanItemKind.DailyCheckIn, id: Guid.NewGuid()) };
        string[] Uids(string t) => [.. Parse(t).Events.Select(e => e.Uid!).Order(StringComparer.Ordinal)];
        var first = Uids(PlanFeedWriter.Write(items, "Europe/London", Stamp, TriageLevel.SelfCare));
        var second = Uids(PlanFeedWriter.Write(items, "Europe/London", Stamp.AddHours(5), TriageLevel.SelfCare));
        Assert.Equal(first, second);
        Assert.Equal(2, first.Distinct().Count());
    }

    public static TheoryData<string, string> Hostile { get; } = new()
    {
        { "a;b,c\\d", "semicolon, comma and backslash are escaped" },
        { "x\r\nBEGIN:VEVENT\r\nUID:evil", "CRLF injection stays text" },
        { "line one\nline two", "a newline is escaped as \\n" },
        { "lone\rcarriage", "a lone CR cannot end the line" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void HostileText_StaysInsideItsProperty(string text, string why)
    {
        var item = Item(kind: PlanItemKind.MassageAppointment, title: text, place: text, therapist: "Ann");
        var feed = PlanFeedWriter.Write([item], "Europe/London", Stamp, TriageLevel.SelfCare);
        var ev = Assert.Single(Parse(feed).Events);
        var expected = PlanFeedWriter.Text(text);
        Assert.True(expected + " with Ann" == ev.Summary, why);
        Assert.True(expected == ev.Location, why);
        Assert.Single(feed.Split("\r\n"), line => line == "BEGIN:VEVENT");
        Assert.DoesNotContain("\nUID:evil", feed, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleItemInAGap_IsEmittedShifted()
    {
        // London's gap is 01:00-02:00 local (01:00 UTC): 01:30 does not exist and becomes 02:30 BST.
        var item = Item(start: new DateOnly(2027, 3, 28), time: new TimeOnly(1, 30), recurrence: Recurrence.None);
        var feed = PlanFeedWriter.Write([item], "Europe/London", Stamp, TriageLevel.SelfCare);
        Assert.Contains("DTSTART;TZID=Europe/London:20270328T023000", feed, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2027, 3, 28, 1, 30, 0, DateTimeKind.Utc), Assert.Single(Parse(feed).Events).DtStart!.AsUtc);
    }

    [Fact]
    public void ItemSavedInAnotherZone_IsWrittenInThePersonsZone()
    {
        var item = Item(zone: "America/New_York", start: new DateOnly(2027, 3, 1), time: new TimeOnly(18, 0), end: new DateOnly(2027, 3, 5));
        var feed = PlanFeedWriter.Write([item], "Europe/London", Stamp, TriageLevel.SelfCare);
        Assert.Contains("DTSTART;TZID=Europe/London:20270301T180000", feed, StringComparison.Ordinal);
        Assert.Contains("UNTIL=20270305T180000Z", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("America/New_York", feed, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyPlan_IsAValidCalendarWithNoEvents()
    {
        var feed = PlanFeedWriter.Write([], "Europe/London", Stamp, TriageLevel.SelfCare);
        Assert.Empty(Parse(feed).Events);
        Assert.Contains("BEGIN:VTIMEZONE", feed, StringComparison.Ordinal);
    }

    [Fact]
    public void PausedItems_LeftOut_CheckInStays()
    {
        var items = new[] { Item(kind: PlanItemKind.MassageAppointment, id: Guid.NewGuid()), Item(kind: PlanItemKind.DailyCheckIn, id: Guid.NewGuid()) };
        var ev = Assert.Single(Parse(PlanFeedWriter.Write(items, "Europe/London", Stamp, TriageLevel.Urgent)).Events);
        Assert.Equal(PlanFeedWriter.Uid(items[1].Id), ev.Uid);
    }

    [Fact]
    public void Weekly_StartNotOnAChosenDay_DtstartIsTheFirstChosenDay()
    {
        // Start Friday 26 Feb 2027, Mondays only: the first event is Monday 1 March (RFC 5545 wants DTSTART in the set).
        var item = Item(start: new DateOnly(2027, 2, 26), time: new TimeOnly(9, 0), recurrence: Weekly(DayOfWeek.Monday));
        var feed = PlanFeedWriter.Write([item], "Europe/London", Stamp, TriageLevel.SelfCare);
        Assert.Contains("DTSTART;TZID=Europe/London:20270301T090000", feed, StringComparison.Ordinal);
        Assert.Contains("BYDAY=MO", feed, StringComparison.Ordinal);
    }
}

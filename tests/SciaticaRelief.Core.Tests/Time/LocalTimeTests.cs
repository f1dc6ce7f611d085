using SciaticaRelief.Core.Time;

namespace SciaticaRelief.Core.Tests.Time;

public sealed class LocalTimeTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Theory]
    [InlineData("Europe/London", "a real IANA zone")]
    [InlineData("Pacific/Auckland", "a zone east of the date line's far side")]
    [InlineData("UTC", "UTC is a valid choice")]
    public void TryFindZone_IanaId_Found(string id, string why)
    {
        Assert.True(LocalTime.TryFindZone(id, out var zone), why);
        Assert.Equal(id, zone.Id);
    }

    public static TheoryData<string?, string> UnknownZones { get; } = new()
    {
        { "Mars/Olympus", "looks like an IANA id but names no zone" },
        { "", "empty form field" },
        { "   ", "whitespace only" },
        { null, "field missing" },
        { "Europe/" + new string('x', 193), "200 characters: no zone id is that long; refuse before any lookup" },
        { "../../../etc/passwd", "a path, not a zone: must not be read from disk as one" },
        { "GMT Standard Time", "a Windows id: the profile stores IANA ids only" },
    };

    [Theory]
    [MemberData(nameof(UnknownZones))]
    public void TryFindZone_NotAnIanaZone_FalseAndUtc(string? id, string why)
    {
        Assert.False(LocalTime.TryFindZone(id, out var zone), why);
        Assert.Equal(TimeZoneInfo.Utc, zone);
    }

    public static TheoryData<DateTime, DateOnly, string> AucklandDays { get; } = new()
    {
        { new DateTime(2026, 11, 25, 10, 59, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 25), "10:59 UTC is 23:59 NZDT (+13): still the 25th" },
        { new DateTime(2026, 11, 25, 11, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 26), "11:00 UTC is midnight NZDT: already the 26th" },
        { new DateTime(2026, 11, 24, 23, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 25), "late evening UTC is the next morning in Auckland" },
        { new DateTime(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 7, 1), "in winter NZST is +12: 12:00 UTC is midnight, the next day" },
    };

    [Theory]
    [MemberData(nameof(AucklandDays))]
    public void LocalDay_AcrossMidnightInAuckland_IsTheLocalDate(DateTime utc, DateOnly expected, string why)
    {
        Assert.True(expected == LocalTime.LocalDay(utc, Zone("Pacific/Auckland")), why);
    }

    [Fact]
    public void LocalDay_UnspecifiedKind_TreatedAsUtc()
    {
        // Values read back from SQLite come without a Kind; they were stored as UTC.
        var unspecified = new DateTime(2026, 11, 25, 11, 0, 0, DateTimeKind.Unspecified);

        Assert.Equal(new DateOnly(2026, 11, 26), LocalTime.LocalDay(unspecified, Zone("Pacific/Auckland")));
    }

    public static TheoryData<string, DateOnly, DateTime, string> DayStarts { get; } = new()
    {
        { "America/Santiago", new DateOnly(2026, 9, 6), new DateTime(2026, 9, 6, 4, 0, 0, DateTimeKind.Utc),
            "Chile springs forward at midnight: 00:00 does not exist, the day starts at 01:00 -03 = 04:00 UTC" },
        { "Europe/London", new DateOnly(2026, 3, 29), new DateTime(2026, 3, 29, 0, 0, 0, DateTimeKind.Utc),
            "London's gap is at 01:00, so its gap day still starts at midnight GMT" },
        { "America/Santiago", new DateOnly(2026, 4, 5), new DateTime(2026, 4, 5, 4, 0, 0, DateTimeKind.Utc),
            "Chile falls back at midnight: 23:00-24:00 of the 4th repeats, the 5th starts once, at 00:00 -04" },
        { "Europe/London", new DateOnly(2026, 7, 1), new DateTime(2026, 6, 30, 23, 0, 0, DateTimeKind.Utc),
            "an ordinary summer day starts at 23:00 UTC the day before" },
    };

    [Theory]
    [MemberData(nameof(DayStarts))]
    public void StartOfDayUtc_DstDays_FirstInstantOfTheLocalDay(string zoneId, DateOnly day, DateTime expected, string why)
    {
        var zone = Zone(zoneId);

        var start = LocalTime.StartOfDayUtc(day, zone);

        Assert.True(expected == start, $"{why}: got {start:O}");
        Assert.Equal(day, LocalTime.LocalDay(start, zone));
        Assert.Equal(day.AddDays(-1), LocalTime.LocalDay(start.AddTicks(-1), zone));
    }

    [Theory]
    [InlineData(0, 0, "+00:00")]
    [InlineData(13, 0, "+13:00")]
    [InlineData(-3, -30, "-03:30")]
    [InlineData(5, 45, "+05:45")]
    public void FormatOffset_Offset_InvariantSignedHoursMinutes(int hours, int minutes, string expected)
    {
        // Wire formats (iCalendar, FHIR) need the sign and two-digit fields whatever the culture.
        Assert.Equal(expected, LocalTime.FormatOffset(new TimeSpan(hours, minutes, 0)));
    }
}

namespace SciaticaRelief.Core.Time;

/// <summary>A local wall-clock time turned into an instant, with what had to be decided on the way.</summary>
/// <param name="Utc">The instant, as a UTC <see cref="DateTime"/>.</param>
/// <param name="ShiftedForward">The local time fell in a daylight-saving gap and was moved forward by the gap.</param>
/// <param name="Ambiguous">The local time happened twice (clocks went back); the first occurrence was taken.</param>
public sealed record ResolvedTime(DateTime Utc, bool ShiftedForward, bool Ambiguous);

/// <summary>
/// Local time and the Person's day. Times are stored in UTC with the IANA zone beside them; a
/// "day" is the Person's local day. Gaps and overlaps follow RFC 5545 section 3.3.5: a time in a
/// gap is read with the offset before the gap (so it moves forward), and an ambiguous time is the
/// first occurrence.
/// </summary>
public static class LocalTime
{
    /// <summary>
    /// The IANA zones offered and accepted: the machine's list (so not tz database file names such
    /// as "posixrules" or "right/Europe/London"), plus UTC.
    /// </summary>
    public static IReadOnlySet<string> KnownZones { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId).Select(z => z.Id).Append("UTC").ToHashSet(StringComparer.Ordinal);

    public static bool TryFindZone(string? ianaId, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(ianaId) || ianaId.Length > 64 || !KnownZones.Contains(ianaId))
        {
            return false;
        }
        if (Found.TryGetValue(ianaId, out var cached))
        {
            zone = cached;
            return true;
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var found) || !found.HasIanaId)
        {
            return false;
        }
        Found.TryAdd(ianaId, found);
        zone = found;
        return true;
    }

    /// <summary>Zones already looked up (at most <see cref="KnownZones"/>): imports stamp thousands of rows with one.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> Found = new(StringComparer.Ordinal);

    public static ResolvedTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset in force just before the gap, applied to the wall time, lands after the gap.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            var utc = DateTime.SpecifyKind(local - before, DateTimeKind.Utc);
            return new ResolvedTime(utc, ShiftedForward: true, Ambiguous: false);
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var first = offsets.Max(); // the larger offset is the earlier instant
            return new ResolvedTime(DateTime.SpecifyKind(local - first, DateTimeKind.Utc), false, Ambiguous: true);
        }
        return new ResolvedTime(TimeZoneInfo.ConvertTimeToUtc(local, zone), false, false);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(utc, zone));

    /// <summary>The instant the given local day starts (midnight, or the first valid time after a gap).</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone) =>
        ToUtc(day.ToDateTime(TimeOnly.MinValue), zone).Utc;

    /// <summary>The offset as +hh:mm, invariant.</summary>
    public static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
}

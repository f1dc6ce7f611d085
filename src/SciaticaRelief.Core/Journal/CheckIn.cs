using SciaticaRelief.Core.Time;

namespace SciaticaRelief.Core.Journal;

/// <summary>
/// One journal entry at one instant. A health row: <see cref="PersonId"/> is part of its key.
/// </summary>
public sealed class CheckIn
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }

    /// <summary>When it happened, UTC.</summary>
    public DateTime OccurredAtUtc { get; set; }

    /// <summary>The IANA zone the Person was in, so the local day can be recovered.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>
    /// The local day in <see cref="TimeZoneId"/>, kept with the row so daily figures group in the
    /// database. Derived: the data layer restamps it on every save (<see cref="StampLocalDate"/>).
    /// </summary>
    public DateOnly LocalDate { get; set; }

    /// <summary>Sets <see cref="LocalDate"/> from the instant and the zone (an unknown zone counts as UTC, as the daily series does).</summary>
    public void StampLocalDate() =>
        LocalDate = LocalTime.LocalDay(OccurredAtUtc, LocalTime.TryFindZone(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc);

    public int PainNow { get; set; }
    public int? PainWorst { get; set; }
    public int? PainAverage { get; set; }

    /// <summary>The body map as bits (see <see cref="BodyMap"/>).</summary>
    public int BodyAreas { get; set; }

    /// <summary>Derived from <see cref="BodyAreas"/> when saved, stored for charting.</summary>
    public Radiation Radiation { get; set; }

    public PainQuality Qualities { get; set; }
    public Trigger Triggers { get; set; }

    /// <summary>Hours slept last night, in half hours.</summary>
    public double? SleepHours { get; set; }

    /// <summary>Stress 0–10.</summary>
    public int? Stress { get; set; }

    public string? Notes { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Optimistic concurrency: the API's ETag; a stale edit is refused.</summary>
    public int Version { get; set; }
}

namespace SciaticaRelief.Core.Profiles;

/// <summary>A Person's region, time zone, birth year and health context. One row a Person.</summary>
public sealed class Profile
{
    public Guid PersonId { get; set; }

    /// <summary>ISO 3166-1 alpha-2 (or OTHER), for the emergency number.</summary>
    public string RegionCode { get; set; } = "OTHER";

    /// <summary>IANA time zone id; a "day" is a local day in this zone.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    public int? BirthYear { get; set; }

    public HealthCondition Conditions { get; set; }

    /// <summary>Care preferences for recommendations; null until the Person sets them.</summary>
    public CarePreferences? Preferences { get; set; }

    /// <summary>Onboarding finished: the Person answered the red-flag questions once.</summary>
    public bool Onboarded { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }

    /// <summary>
    /// Bumped whenever any of the Person's health rows changes (see ReliefDbContext.SaveChangesAsync),
    /// so a validator for their derived views (dashboard, insights) is one read of this row.
    /// </summary>
    public long DataVersion { get; set; }

    /// <summary>Age in whole years this year, from the birth year alone (may be one high before the birthday).</summary>
    public int? AgeIn(int year) => BirthYear is { } born ? year - born : null;
}

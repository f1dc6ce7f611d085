using System.Text.Json.Serialization;

namespace SciaticaRelief.Core.Triage;

/// <summary>
/// How urgently a Person should seek care. Ordered: a higher value is more urgent, and the
/// highest level any rule reaches wins (CLINICAL.md section 1).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TriageLevel>))]
public enum TriageLevel
{
    /// <summary>No red flag: self-care is fine (stay active), filtered by contraindications.</summary>
    [JsonStringEnumMemberName("self-care")] SelfCare = 0,

    /// <summary>Book a routine appointment with a GP or physiotherapist; suggestions go on.</summary>
    [JsonStringEnumMemberName("routine")] Routine = 1,

    /// <summary>See a doctor within 24–48 hours (today if getting worse quickly); massage and home care pause.</summary>
    [JsonStringEnumMemberName("urgent")] Urgent = 2,

    /// <summary>Get emergency care now; everything else is hidden.</summary>
    [JsonStringEnumMemberName("emergency")] Emergency = 3,
}

public static class TriageLevelExtensions
{
    /// <summary>True where PRODUCT.md says massage, home care and plan items pause.</summary>
    public static bool PausesSelfCare(this TriageLevel level) => level switch
    {
        TriageLevel.Emergency => true,
        TriageLevel.Urgent => true,
        TriageLevel.Routine => false,
        TriageLevel.SelfCare => false,
    };

    /// <summary>The wire name used by the API and the CLI.</summary>
    public static string WireName(this TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "emergency",
        TriageLevel.Urgent => "urgent",
        TriageLevel.Routine => "routine",
        TriageLevel.SelfCare => "self-care",
    };
}

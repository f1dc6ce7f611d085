using System.Text.Json.Serialization;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Modalities;

/// <summary>Where a Modality is done: by a therapist, or by the Person at home.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModalitySetting>))]
public enum ModalitySetting
{
    [JsonStringEnumMemberName("therapist")] Therapist,
    [JsonStringEnumMemberName("home")] Home,
}

/// <summary>
/// One kind of treatment from the catalogue in <c>content/modalities/</c>: a massage type,
/// acupressure, acupuncture, ear seeds, a kind of machine, heat, cold, rest, medicine or other.
/// </summary>
/// <param name="Id">Stable kebab-case id, stored on every Treatment of this Modality: never rename one.</param>
/// <param name="Name">The name people read.</param>
/// <param name="Kind">What sort of treatment it is; the kind decides which fields a Treatment has.</param>
/// <param name="Setting">Therapist or home.</param>
/// <param name="Summary">The body's first paragraph, in our own words (Markdown text, shown as plain text).</param>
/// <param name="File">The content file it came from, for messages.</param>
/// <param name="Knowledge">The structured knowledge of its front matter (null for "other").</param>
/// <param name="Body">The whole Markdown body (the summary, then sections with ## headings) for the knowledge pages.</param>
public sealed record Modality(string Id, string Name, TreatmentKind Kind, ModalitySetting Setting, string Summary, string File, ModalityKnowledge? Knowledge = null, string Body = "");

public static class ModalitySettings
{
    public static string WireName(this ModalitySetting setting) => setting switch
    {
        ModalitySetting.Therapist => "therapist",
        ModalitySetting.Home => "home",
    };

    public static bool TryParse(string? text, out ModalitySetting setting)
    {
        foreach (var s in Enum.GetValues<ModalitySetting>())
        {
            if (string.Equals(text, s.WireName(), StringComparison.Ordinal))
            {
                setting = s;
                return true;
            }
        }
        setting = default;
        return false;
    }
}

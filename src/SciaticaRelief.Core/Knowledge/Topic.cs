using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Knowledge;

/// <summary>The sections of the knowledge base index (/learn), in the order it shows them.</summary>
public enum KnowledgeGroup
{
    AboutSciatica = 0,
    HomeCare = 1,
    MassageTypes = 2,
    AcupressureAndEarSeeds = 3,
    Machines = 4,
}

public static class KnowledgeGroups
{
    public static IReadOnlyList<KnowledgeGroup> All { get; } = Enum.GetValues<KnowledgeGroup>();

    /// <summary>The name a topic file gives in its "group" key.</summary>
    public static string WireName(this KnowledgeGroup group) => group switch
    {
        KnowledgeGroup.AboutSciatica => "about-sciatica",
        KnowledgeGroup.HomeCare => "home-care",
        KnowledgeGroup.MassageTypes => "massage-types",
        KnowledgeGroup.AcupressureAndEarSeeds => "acupressure-and-ear-seeds",
        KnowledgeGroup.Machines => "machines",
    };

    public static string Label(this KnowledgeGroup group) => group switch
    {
        KnowledgeGroup.AboutSciatica => "About sciatica",
        KnowledgeGroup.HomeCare => "Home care",
        KnowledgeGroup.MassageTypes => "Massage types",
        KnowledgeGroup.AcupressureAndEarSeeds => "Acupressure and ear seeds",
        KnowledgeGroup.Machines => "Massage machines",
    };

    /// <summary>Where a modality's page sits in the index: by its kind ("other" sits with home care).</summary>
    public static KnowledgeGroup Of(TreatmentKind kind) => kind switch
    {
        TreatmentKind.Massage => KnowledgeGroup.MassageTypes,
        TreatmentKind.Acupressure or TreatmentKind.Acupuncture or TreatmentKind.EarSeeds => KnowledgeGroup.AcupressureAndEarSeeds,
        TreatmentKind.Machine => KnowledgeGroup.Machines,
        TreatmentKind.HeatOrCold or TreatmentKind.Rest or TreatmentKind.Medicine or TreatmentKind.Other => KnowledgeGroup.HomeCare,
    };

    public static bool TryParse(string? text, out KnowledgeGroup group)
    {
        foreach (var g in All)
        {
            if (string.Equals(text, g.WireName(), StringComparison.Ordinal))
            {
                group = g;
                return true;
            }
        }
        group = default;
        return false;
    }
}

/// <summary>
/// A topic of the knowledge base from <c>content/topics/</c>: an article in our own words (what
/// sciatica is, when to seek care, bruising after massage ...) with its sources.
/// </summary>
/// <param name="Summary">One sentence for the index and search results.</param>
/// <param name="Body">The Markdown text of the page.</param>
/// <param name="ReviewNeeded">The topic rests on a CLINICAL.md fact marked [U]: shown as "needs clinical review".</param>
/// <param name="Related">Ids of related topics or modalities.</param>
/// <param name="File">The content file it came from, for messages.</param>
public sealed record Topic(
    string Id,
    string Title,
    string Summary,
    KnowledgeGroup Group,
    string Body,
    IReadOnlyList<Citation> Sources,
    bool ReviewNeeded,
    IReadOnlyList<string> Related,
    string File);

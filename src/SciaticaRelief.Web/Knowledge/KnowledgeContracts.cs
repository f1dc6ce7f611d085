using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Web.Knowledge;

/// <summary>A page of the knowledge base in a list or search result.</summary>
/// <param name="Kind">topic or modality.</param>
/// <param name="Group">about-sciatica, home-care, massage-types, acupressure-and-ear-seeds or machines.</param>
/// <param name="Grade">The evidence grade of a modality; null for a topic.</param>
public sealed record KnowledgeSummaryResponse(string Id, string Title, string Kind, string Group, string Summary, EvidenceGrade? Grade, bool ReviewNeeded, string Link)
{
    public static KnowledgeSummaryResponse From(KnowledgeEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.Title, e.Kind, e.Group.WireName(), e.Summary, e.Grade, e.ReviewNeeded, "/learn/" + e.Id);
    }
}

public sealed record RelatedResponse(string Id, string Title, string Kind);

/// <summary>The structured knowledge of a modality page.</summary>
public sealed record ModalityKnowledgeResponse(
    TreatmentKind TreatmentKind,
    ModalitySetting Setting,
    string Technique,
    int? Intensity,
    MinuteRange SessionMinutes,
    IReadOnlyList<string> Targets,
    CostTier Cost,
    Evidence Evidence,
    IReadOnlyList<ContraindicationRule> Contraindications);

/// <summary>A whole page: its Markdown text, sources (topics) or structured knowledge (modalities), and related pages.</summary>
public sealed record KnowledgeResponse(
    string Id,
    string Title,
    string Kind,
    string Group,
    string Summary,
    string Markdown,
    bool ReviewNeeded,
    IReadOnlyList<Citation> Sources,
    ModalityKnowledgeResponse? Modality,
    IReadOnlyList<RelatedResponse> Related)
{
    public static KnowledgeResponse From(KnowledgeEntry e, KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(kb);
        var k = e.Modality?.Knowledge;
        var modality = e.Modality is { } m && k is not null
            ? new ModalityKnowledgeResponse(m.Kind, m.Setting, k.Technique, k.Intensity, k.SessionMinutes, k.Targets, k.Cost, k.Evidence, k.Contraindications)
            : null;
        var related = e.Related.Select(kb.Find).OfType<KnowledgeEntry>().Select(r => new RelatedResponse(r.Id, r.Title, r.Kind)).ToList();
        return new(e.Id, e.Title, e.Kind, e.Group.WireName(), e.Summary, e.Body, e.ReviewNeeded,
            e.Topic?.Sources ?? k?.Evidence.Sources ?? [], modality, related);
    }
}

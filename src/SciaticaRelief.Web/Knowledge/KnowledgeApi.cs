using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Web.Api;

namespace SciaticaRelief.Web.Knowledge;

/// <summary>
/// /api/v1/knowledge: the knowledge base's pages (topics and modalities), searchable with ?q=.
/// Pure information: not marked as suggesting care.
/// </summary>
public static class KnowledgeApi
{
    public static RouteGroupBuilder MapKnowledgeApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/knowledge").WithTags("Knowledge");

        group.MapGet("/", IResult (KnowledgeBase kb, string? q) =>
        {
            if (q is { Length: > KnowledgeBase.MaxQueryLength })
            {
                return Problems.Invalid("q", $"The search text must be at most {KnowledgeBase.MaxQueryLength} characters.");
            }
            var entries = q is null ? kb.Entries : kb.Search(q);
            return TypedResults.Ok(entries.Select(KnowledgeSummaryResponse.From).ToList());
        })
        .WithName("ListKnowledge")
        .WithSummary("Every page of the knowledge base (topics and modalities) by group; with q, the pages containing every word of q, best first (title, then summary, then text).")
        .Produces<List<KnowledgeSummaryResponse>>()
        .ProducesValidationProblem();

        group.MapGet("/{knowledgeId}", IResult (KnowledgeBase kb, string knowledgeId) =>
            kb.Find(knowledgeId) is { } entry
                ? TypedResults.Ok(KnowledgeResponse.From(entry, kb))
                : Problems.NotFound("Knowledge page"))
        .WithName("GetKnowledge")
        .WithSummary("One page: its Markdown text, sources, and for a modality its technique, intensity, session length, targets, cost, evidence grade with citations and contraindication rules.")
        .Produces<KnowledgeResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}

using SciaticaRelief.Core.Modalities;

namespace SciaticaRelief.Core.Knowledge;

/// <summary>Reads one topic file: id, title, summary, group, sources, review, related, and a Markdown body.</summary>
internal static class TopicReader
{
    private static readonly string Groups = string.Join(", ", KnowledgeGroups.All.Select(g => g.WireName()));

    /// <summary>The file's id (when usable, for the duplicate check) and its Topic (when the whole file is valid).</summary>
    public static (string? Id, Topic? Topic) Read(ContentFile file, List<string> errors, List<(string Id, int Line)> related)
    {
        var r = FrontMatterReader.Open(file, errors);
        if (r is null)
        {
            return (null, null);
        }
        var root = r.Root;
        var top = FrontMatterReader.LineOf(root);
        var before = errors.Count;
        var id = r.Id(root, top, "what-is-sciatica");
        var title = r.Text(root, "title", top, "give the title people read");
        var summary = r.Text(root, "summary", top, "say in one sentence what the page is about");
        var groupText = r.Text(root, "group", top, "use one of " + Groups);
        var group = default(KnowledgeGroup);
        if (groupText is not null && !KnowledgeGroups.TryParse(groupText, out group))
        {
            r.Error(FrontMatterReader.Get(root, "group")!.Value.Line, $"unknown group \"{groupText}\"; use one of {Groups}.");
        }
        var sources = KnowledgeFields.Sources(r, root, top);
        var review = KnowledgeFields.Review(r, root);
        related.AddRange(r.Texts(root, "related", out _));
        if (string.IsNullOrWhiteSpace(r.Body))
        {
            r.Error(r.BodyLine, "the file has no text after its front matter; write the topic in our own words.");
        }
        KnowledgeFields.BodyLinks(r);
        return errors.Count > before
            ? (id, null)
            : (id, new Topic(id!, title!, summary!, group, r.Body, sources!, review, related.Select(x => x.Id).ToList(), file.Name));
    }
}

using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using SciaticaRelief.Core.Modalities;

namespace SciaticaRelief.Core.Knowledge;

/// <summary>One page of the knowledge base: a topic or a modality, seen the same way by the index, search and API.</summary>
public sealed record KnowledgeEntry(string Id, string Title, KnowledgeGroup Group, string Summary, string Body, bool ReviewNeeded,
    IReadOnlyList<string> Related, Topic? Topic, Modality? Modality)
{
    /// <summary>"topic" or "modality".</summary>
    public string Kind => Topic is not null ? "topic" : "modality";

    public EvidenceGrade? Grade => Modality?.Knowledge?.Evidence.Grade;
}

/// <summary>
/// The knowledge base: the topics of <c>content/topics/</c> and the modalities of
/// <c>content/modalities/</c>, read once at start from the files' text (Core does no I/O).
/// </summary>
public sealed partial class KnowledgeBase
{
    /// <summary>The longest search text taken; longer text is a mistake or an attack, not a question.</summary>
    public const int MaxQueryLength = 200;

    private readonly FrozenDictionary<string, KnowledgeEntry> _byId;

    private KnowledgeBase(IReadOnlyList<Topic> topics, ModalityCatalog modalities)
    {
        Topics = topics;
        Modalities = modalities;
        Entries = topics.Select(t => new KnowledgeEntry(t.Id, t.Title, t.Group, t.Summary, t.Body, t.ReviewNeeded, t.Related, t, null))
            .Concat(modalities.All.Select(m => new KnowledgeEntry(m.Id, m.Name, KnowledgeGroups.Of(m.Kind), m.Summary, m.Body, m.Knowledge?.ReviewNeeded ?? false,
                m.Knowledge?.Related ?? [], null, m)))
            .OrderBy(e => e.Group).ThenBy(e => e.Topic is null).ThenBy(e => e.Title, StringComparer.Ordinal)
            .ToList();
        _byId = Entries.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Topic> Topics { get; }

    public ModalityCatalog Modalities { get; }

    /// <summary>Every page, by group, topics before modalities, then by title.</summary>
    public IReadOnlyList<KnowledgeEntry> Entries { get; }

    public KnowledgeEntry? Find(string? id) => id is not null && _byId.TryGetValue(id, out var e) ? e : null;

    /// <summary>
    /// The pages that contain every word of <paramref name="query"/> (a word matches the start of
    /// or inside a word, so "bruis" finds bruising), best first: a word in the title counts most,
    /// then in the summary, then in the body; ties by title. Empty for a query without words.
    /// </summary>
    public IReadOnlyList<KnowledgeEntry> Search(string? query)
    {
        var terms = Terms(query);
        if (terms.Count == 0)
        {
            return [];
        }
        var scored = new List<(KnowledgeEntry Entry, int Score)>();
        foreach (var e in Entries)
        {
            var score = 0;
            foreach (var term in terms)
            {
                var best = e.Title.Contains(term, StringComparison.OrdinalIgnoreCase) ? 100
                    : e.Summary.Contains(term, StringComparison.OrdinalIgnoreCase) ? 10
                    : e.Body.Contains(term, StringComparison.OrdinalIgnoreCase) ? 1
                    : 0;
                if (best == 0)
                {
                    score = 0;
                    break;
                }
                score += best;
            }
            if (score > 0)
            {
                scored.Add((e, score));
            }
        }
        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Entry.Title, StringComparer.Ordinal).Select(s => s.Entry).ToList();
    }

    /// <summary>The distinct lower-case words of a query (letters and digits), at most 10.</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }
        var text = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        return Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Take(10).ToList();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    /// <summary>
    /// Reads the topics and the modalities. Every problem is reported, naming its file and line:
    /// a topic without id, title, summary, group, sources or text; an unknown group or mark; a
    /// topic id used twice or also used by a modality; related ids that name no page; and every
    /// problem of the modality catalogue (<see cref="ModalityCatalog.Read"/>).
    /// </summary>
    public static (KnowledgeBase? Knowledge, IReadOnlyList<string> Errors) Read(IEnumerable<ContentFile> topicFiles, IEnumerable<ContentFile> modalityFiles)
    {
        ArgumentNullException.ThrowIfNull(topicFiles);
        ArgumentNullException.ThrowIfNull(modalityFiles);
        var errors = new List<string>();
        var topics = new List<Topic>();
        var related = new List<(string File, string Id, int Line)>();
        var firstFileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in topicFiles.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var fileRelated = new List<(string Id, int Line)>();
            var (id, topic) = TopicReader.Read(file, errors, fileRelated);
            related.AddRange(fileRelated.Select(r => (file.Name, r.Id, r.Line)));
            if (id is null)
            {
                continue;
            }
            if (firstFileOf.TryGetValue(id, out var first))
            {
                errors.Add($"{file.Name}: the id \"{id}\" is already used by {first}; every topic needs its own id.");
                continue;
            }
            firstFileOf[id] = file.Name;
            if (topic is not null)
            {
                topics.Add(topic);
            }
        }
        var (modalities, modalityErrors) = ModalityCatalog.Read(modalityFiles, firstFileOf.Keys);
        errors.AddRange(modalityErrors);
        if (modalities is not null)
        {
            foreach (var m in modalities.All.Where(m => firstFileOf.ContainsKey(m.Id)))
            {
                errors.Add($"{firstFileOf[m.Id]}: the id \"{m.Id}\" is already used by the modality {m.File}; a page needs its own id.");
            }
            var known = firstFileOf.Keys.Concat(modalities.All.Select(m => m.Id)).ToHashSet(StringComparer.Ordinal);
            foreach (var (file, id, line) in related.Where(r => !known.Contains(r.Id)))
            {
                errors.Add($"{file}: line {line.ToString(CultureInfo.InvariantCulture)}: related id \"{id}\" is not a modality or topic of the knowledge base.");
            }
        }
        return errors.Count > 0 || modalities is null ? (null, errors) : (new KnowledgeBase(topics, modalities), errors);
    }

    /// <summary>Reads the knowledge base or throws one exception listing every problem.</summary>
    public static KnowledgeBase Load(IEnumerable<ContentFile> topicFiles, IEnumerable<ContentFile> modalityFiles)
    {
        var (knowledge, errors) = Read(topicFiles, modalityFiles);
        return knowledge ?? throw new ContentException("The knowledge base could not be loaded:\n  " + string.Join("\n  ", errors));
    }
}

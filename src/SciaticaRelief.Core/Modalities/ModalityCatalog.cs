using System.Collections.Frozen;
using System.Globalization;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Modalities;

/// <summary>A content file as text, with the name used in messages.</summary>
public sealed record ContentFile(string Name, string Text);

/// <summary>
/// The modality catalogue: every Modality of <c>content/modalities/</c>, one file each. Built once
/// at start from the files' text (Core does no I/O); the order is by kind, then by name.
/// </summary>
public sealed class ModalityCatalog
{
    private readonly FrozenDictionary<string, Modality> _byId;

    private ModalityCatalog(IReadOnlyList<Modality> all)
    {
        All = all;
        _byId = all.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Modality> All { get; }

    public bool TryGet(string? id, out Modality modality)
    {
        if (id is not null && _byId.TryGetValue(id, out var found))
        {
            modality = found;
            return true;
        }
        modality = null!;
        return false;
    }

    public Modality? Find(string? id) => TryGet(id, out var m) ? m : null;

    public IEnumerable<Modality> OfKind(TreatmentKind kind) => All.Where(m => m.Kind == kind);

    /// <summary>
    /// Reads the catalogue. Every problem is reported, each naming its file and line: a missing or
    /// empty id, name, kind or setting, an unknown kind or setting, an id that is not kebab-case, a
    /// missing body, a YAML error, an id used by two files, and the knowledge keys (technique,
    /// intensity, session_minutes, targets, cost, evidence, contraindications, review, related),
    /// required for every kind but "other". Related ids must name a modality or one of
    /// <paramref name="otherIds"/> (the knowledge base's topics); unknown keys are ignored.
    /// </summary>
    public static (ModalityCatalog? Catalog, IReadOnlyList<string> Errors) Read(IEnumerable<ContentFile> files, IEnumerable<string>? otherIds = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<string>();
        var modalities = new List<Modality>();
        var firstFileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var related = new List<(string File, string Id, int Line)>();
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var fileRelated = new List<(string Id, int Line)>();
            var (id, modality) = ReadOne(file, errors, fileRelated);
            related.AddRange(fileRelated.Select(r => (file.Name, r.Id, r.Line)));
            if (id is null)
            {
                continue;
            }
            if (firstFileOf.TryGetValue(id, out var first))
            {
                errors.Add($"{file.Name}: the id \"{id}\" is already used by {first}; every modality needs its own id.");
                continue;
            }
            firstFileOf[id] = file.Name;
            if (modality is not null)
            {
                modalities.Add(modality);
            }
        }
        var known = firstFileOf.Keys.Concat(otherIds ?? []).ToHashSet(StringComparer.Ordinal);
        foreach (var (file, id, line) in related.Where(r => !known.Contains(r.Id)))
        {
            errors.Add($"{file}: line {line.ToString(CultureInfo.InvariantCulture)}: related id \"{id}\" is not a modality or topic of the knowledge base.");
        }
        if (errors.Count == 0 && modalities.Count == 0)
        {
            errors.Add("The modality catalogue is empty: no .md files were found.");
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var ordered = modalities.OrderBy(m => m.Kind).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        return (new ModalityCatalog(ordered), errors);
    }

    /// <summary>Reads the catalogue or throws one exception listing every problem.</summary>
    public static ModalityCatalog Load(IEnumerable<ContentFile> files, IEnumerable<string>? otherIds = null)
    {
        var (catalog, errors) = Read(files, otherIds);
        return catalog ?? throw new ContentException("The modality catalogue could not be loaded:\n  " + string.Join("\n  ", errors));
    }

    /// <summary>The file's id (when it has a usable one, for the duplicate check) and its Modality (when the whole file is valid).</summary>
    private static (string? Id, Modality? Modality) ReadOne(ContentFile file, List<string> errors, List<(string Id, int Line)> related)
    {
        var r = FrontMatterReader.Open(file, errors);
        if (r is null)
        {
            return (null, null);
        }
        var root = r.Root;
        var top = FrontMatterReader.LineOf(root);
        var before = errors.Count;

        var id = r.Id(root, top, "swedish-massage");
        var name = r.Text(root, "name", top, "give the name people read");
        var kinds = string.Join(", ", TreatmentKinds.All.Select(k => k.WireName()));
        var kindText = r.Text(root, "kind", top, "use one of " + kinds);
        var kind = default(TreatmentKind);
        var kindOk = kindText is not null && TreatmentKinds.TryParse(kindText, out kind);
        if (kindText is not null && !kindOk)
        {
            r.Error(FrontMatterReader.Get(root, "kind")!.Value.Line, $"unknown kind \"{kindText}\"; use one of {kinds}.");
        }
        var settingText = r.Text(root, "setting", top, "use therapist or home");
        var setting = default(ModalitySetting);
        if (settingText is not null && !ModalitySettings.TryParse(settingText, out setting))
        {
            r.Error(FrontMatterReader.Get(root, "setting")!.Value.Line, $"unknown setting \"{settingText}\"; use therapist or home.");
        }
        var summary = FirstParagraph(r.Body);
        if (string.IsNullOrWhiteSpace(r.Body))
        {
            r.Error(r.BodyLine, "the file has no text after its front matter; write one paragraph about the modality in our own words.");
        }
        else if (summary is null)
        {
            r.Error(r.BodyLine, "the text must start with a paragraph (the summary people read in the treatment form), before any heading.");
        }
        KnowledgeFields.BodyLinks(r);
        var knowledge = kindOk ? ModalityKnowledgeReader.Read(r, kind, related) : null;
        return errors.Count > before
            ? (id, null)
            : (id, new Modality(id!, name!, kind, setting, summary!, file.Name, knowledge, r.Body));
    }

    /// <summary>The body's first paragraph, the summary; null when the body starts with a heading.</summary>
    private static string? FirstParagraph(string body)
    {
        var first = body.Split("\n\n", 2, StringSplitOptions.None)[0].Trim();
        return first.Length == 0 || first.StartsWith('#') ? null : first;
    }
}

/// <summary>A content or data file that cannot be used; the message names the file.</summary>
public sealed class ContentException(string message) : Exception(message);

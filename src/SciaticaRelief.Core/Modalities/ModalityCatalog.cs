using System.Collections.Frozen;
using System.Text.RegularExpressions;
using SciaticaRelief.Core.Treatments;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SciaticaRelief.Core.Modalities;

/// <summary>A content file as text, with the name used in messages.</summary>
public sealed record ContentFile(string Name, string Text);

/// <summary>
/// The modality catalogue: every Modality of <c>content/modalities/</c>, one file each. Built once
/// at start from the files' text (Core does no I/O); the order is by kind, then by name.
/// </summary>
public sealed partial class ModalityCatalog
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
    /// Reads the catalogue. Every problem is reported, each naming its file: a missing or empty id,
    /// name, kind or setting, an unknown kind or setting, an id that is not kebab-case, a missing
    /// body, a YAML error (with its line), and an id used by two files. Front-matter keys the
    /// catalogue does not know (the knowledge issue adds technique, evidence, contraindications)
    /// are ignored.
    /// </summary>
    public static (ModalityCatalog? Catalog, IReadOnlyList<string> Errors) Read(IEnumerable<ContentFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<string>();
        var modalities = new List<Modality>();
        var firstFileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var modality = ReadOne(file, errors);
            if (modality is null)
            {
                continue;
            }
            if (firstFileOf.TryGetValue(modality.Id, out var first))
            {
                errors.Add($"{file.Name}: the id \"{modality.Id}\" is already used by {first}; every modality needs its own id.");
                continue;
            }
            firstFileOf[modality.Id] = file.Name;
            modalities.Add(modality);
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
    public static ModalityCatalog Load(IEnumerable<ContentFile> files)
    {
        var (catalog, errors) = Read(files);
        return catalog ?? throw new ContentException("The modality catalogue could not be loaded:\n  " + string.Join("\n  ", errors));
    }

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private static Modality? ReadOne(ContentFile file, List<string> errors)
    {
        var split = FrontMatter.Split(file.Text, out var splitError);
        if (split is null)
        {
            errors.Add($"{file.Name}: {splitError}.");
            return null;
        }
        FrontMatterFields? fields;
        try
        {
            fields = Yaml.Deserialize<FrontMatterFields?>(split.Yaml);
        }
        catch (YamlException e)
        {
            // Line numbers in the file: the front matter starts on line 2.
            errors.Add($"{file.Name}: line {e.Start.Line + 1}: the front matter is not valid YAML ({e.InnerException?.Message ?? e.Message}).");
            return null;
        }
        fields ??= new FrontMatterFields();
        var before = errors.Count;
        void Missing(string key, string what) => errors.Add($"{file.Name}: \"{key}\" is missing; {what}.");

        if (string.IsNullOrWhiteSpace(fields.Id))
        {
            Missing("id", "give a stable kebab-case id such as swedish-massage");
        }
        else if (fields.Id.Length > 64 || !KebabCase().IsMatch(fields.Id))
        {
            errors.Add($"{file.Name}: the id \"{fields.Id}\" is not kebab-case (lower-case letters, digits and single hyphens, at most 64 characters).");
        }
        if (string.IsNullOrWhiteSpace(fields.Name))
        {
            Missing("name", "give the name people read");
        }
        var kind = default(TreatmentKind);
        if (string.IsNullOrWhiteSpace(fields.Kind))
        {
            Missing("kind", "use one of " + string.Join(", ", TreatmentKinds.All.Select(k => k.WireName())));
        }
        else if (!TreatmentKinds.TryParse(fields.Kind, out kind))
        {
            errors.Add($"{file.Name}: unknown kind \"{fields.Kind}\"; use one of {string.Join(", ", TreatmentKinds.All.Select(k => k.WireName()))}.");
        }
        var setting = default(ModalitySetting);
        if (string.IsNullOrWhiteSpace(fields.Setting))
        {
            Missing("setting", "use therapist or home");
        }
        else if (!ModalitySettings.TryParse(fields.Setting, out setting))
        {
            errors.Add($"{file.Name}: unknown setting \"{fields.Setting}\"; use therapist or home.");
        }
        if (string.IsNullOrWhiteSpace(split.Body))
        {
            errors.Add($"{file.Name}: the file has no text after its front matter; write one paragraph about the modality in our own words.");
        }
        return errors.Count > before ? null : new Modality(fields.Id!, fields.Name!.Trim(), kind, setting, split.Body, file.Name);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    /// <summary>The front-matter keys this catalogue reads; any other key is ignored.</summary>
    private sealed class FrontMatterFields
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Setting { get; set; }
    }
}

/// <summary>A content or data file that cannot be used; the message names the file.</summary>
public sealed class ContentException(string message) : Exception(message);

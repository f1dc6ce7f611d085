using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using SciaticaRelief.Core.Modalities;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SciaticaRelief.Core.Treatments;

/// <summary>A label's daily maximum for adults in one region, with where it comes from.</summary>
/// <param name="Region">ISO 3166-1 alpha-2 code (GB, US).</param>
/// <param name="MilligramsPer24Hours">Null where the region's label sets no general maximum (see <paramref name="Note"/>).</param>
/// <param name="NeedsReview">True until a clinician signs the value off (<c>review: needed</c> in the file).</param>
public sealed record LabelMaximum(string Region, decimal? MilligramsPer24Hours, string Source, string? Note, bool NeedsReview);

/// <summary>An over-the-counter ingredient the medicine log accepts.</summary>
public sealed record MedicineIngredient(string Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<LabelMaximum> Maximums);

/// <summary>The maximum that applies to a Person, and why it is that one.</summary>
/// <param name="Maximum">The label value used.</param>
/// <param name="ForRegion">The Person's region code.</param>
/// <param name="IsFallback">True when the Person's region has no value and the strictest one was used.</param>
/// <param name="RegionNote">What the data says about the Person's own region, if anything.</param>
public sealed record ResolvedMaximum(LabelMaximum Maximum, string ForRegion, bool IsFallback, string? RegionNote)
{
    public decimal Milligrams => Maximum.MilligramsPer24Hours!.Value;
}

/// <summary>
/// The label maximums of <c>content/medicines/label-maximums.yaml</c> (CLINICAL.md section 7), kept
/// as data with their sources, never as code constants. Regions the file has no value for use the
/// strictest (lowest) value the file has for that ingredient, and the warning names the label it
/// came from.
/// </summary>
public sealed partial class LabelMaximums
{
    public const string StrictestFallback = "strictest";

    private readonly FrozenDictionary<string, MedicineIngredient> _byName;

    private LabelMaximums(IReadOnlyList<MedicineIngredient> ingredients)
    {
        Ingredients = ingredients;
        var byName = new Dictionary<string, MedicineIngredient>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in ingredients)
        {
            byName[i.Id] = i;
            foreach (var alias in i.Aliases)
            {
                byName[alias] = i;
            }
        }
        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<MedicineIngredient> Ingredients { get; }

    /// <summary>Finds an ingredient by its id or an alias ("acetaminophen" is paracetamol), ignoring case.</summary>
    public MedicineIngredient? Find(string? idOrAlias) =>
        idOrAlias is not null && _byName.TryGetValue(idOrAlias.Trim(), out var found) ? found : null;

    /// <summary>The maximum for a Person in <paramref name="regionCode"/>: the region's own value, else the strictest in the file.</summary>
    public static ResolvedMaximum Resolve(MedicineIngredient ingredient, string? regionCode)
    {
        ArgumentNullException.ThrowIfNull(ingredient);
        var region = (regionCode ?? "").ToUpperInvariant();
        var own = ingredient.Maximums.FirstOrDefault(m => string.Equals(m.Region, region, StringComparison.Ordinal));
        if (own?.MilligramsPer24Hours is not null)
        {
            return new ResolvedMaximum(own, region, false, null);
        }
        var strictest = ingredient.Maximums.Where(m => m.MilligramsPer24Hours is not null)
            .OrderBy(m => m.MilligramsPer24Hours).ThenBy(m => m.Region, StringComparer.Ordinal).First();
        return new ResolvedMaximum(strictest, region, true, own?.Note);
    }

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Reads the file's text; every problem is reported with the file's name.</summary>
    public static (LabelMaximums? Data, IReadOnlyList<string> Errors) Read(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<string>();
        FileFields? file;
        try
        {
            file = Yaml.Deserialize<FileFields?>(text);
        }
        catch (YamlException e)
        {
            errors.Add($"{fileName}: line {e.Start.Line}: not valid YAML ({e.InnerException?.Message ?? e.Message}).");
            return (null, errors);
        }
        if (file is null)
        {
            errors.Add($"{fileName}: the file is empty.");
            return (null, errors);
        }
        if (!string.Equals(file.Fallback, StrictestFallback, StringComparison.Ordinal))
        {
            errors.Add($"{fileName}: \"fallback\" must be \"{StrictestFallback}\" (regions without their own value use the lowest value in the file).");
        }
        var ingredients = new List<MedicineIngredient>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (entry, index) in (file.Ingredients ?? []).Select((e, i) => (e, i + 1)))
        {
            var at = $"{fileName}: ingredient {index}{(string.IsNullOrWhiteSpace(entry.Id) ? "" : $" ({entry.Id})")}";
            var before = errors.Count;
            if (!ContentIds.IsValid(entry.Id))
            {
                errors.Add($"{at}: \"id\" must be a kebab-case id such as paracetamol.");
            }
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add($"{at}: \"name\" is missing.");
            }
            var aliases = (entry.Aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
            foreach (var name in aliases.Prepend(entry.Id ?? ""))
            {
                if (name.Length > 0 && !names.Add(name))
                {
                    errors.Add($"{at}: \"{name}\" names two ingredients.");
                }
            }
            var maximums = new List<LabelMaximum>();
            foreach (var m in entry.Maximums ?? [])
            {
                var region = m.Region?.Trim().ToUpperInvariant() ?? "";
                if (!RegionCode().IsMatch(region))
                {
                    errors.Add($"{at}: a maximum has no two-letter region code (GB, US).");
                    continue;
                }
                if (maximums.Any(x => x.Region == region))
                {
                    errors.Add($"{at}: region {region} is given twice.");
                }
                if (m.MgPer24h is { } mg && (mg <= 0 || mg > 100_000))
                {
                    errors.Add($"{at}, {region}: \"mg_per_24h\" must be a positive number of milligrams.");
                }
                if (m.MgPer24h is null && string.IsNullOrWhiteSpace(m.Note))
                {
                    errors.Add($"{at}, {region}: give \"mg_per_24h\", or a \"note\" saying why the label sets none.");
                }
                if (string.IsNullOrWhiteSpace(m.Source))
                {
                    errors.Add($"{at}, {region}: \"source\" is missing; every label value needs its source.");
                }
                var reviewed = !string.IsNullOrWhiteSpace(m.ReviewedBy);
                if (!reviewed && !string.Equals(m.Review, "needed", StringComparison.Ordinal))
                {
                    errors.Add($"{at}, {region}: mark \"review: needed\" until a clinician signs it off (\"reviewed_by:\").");
                }
                maximums.Add(new LabelMaximum(region, m.MgPer24h, m.Source?.Trim() ?? "", string.IsNullOrWhiteSpace(m.Note) ? null : m.Note.Trim(), !reviewed));
            }
            if (!maximums.Any(m => m.MilligramsPer24Hours is not null))
            {
                errors.Add($"{at}: at least one region needs a \"mg_per_24h\" value.");
            }
            if (errors.Count == before)
            {
                ingredients.Add(new MedicineIngredient(entry.Id!, entry.Name!.Trim(), aliases, maximums));
            }
        }
        if (ingredients.Count == 0 && errors.Count == 0)
        {
            errors.Add($"{fileName}: no ingredients.");
        }
        return errors.Count > 0 ? (null, errors) : (new LabelMaximums(ingredients), errors);
    }

    /// <summary>Reads the file or throws one exception listing every problem.</summary>
    public static LabelMaximums Load(string fileName, string text)
    {
        var (data, errors) = Read(fileName, text);
        return data ?? throw new ContentException("The label maximums could not be loaded:\n  " + string.Join("\n  ", errors));
    }

    /// <summary>Milligrams as people read them: "4,000 mg", "62.5 mg".</summary>
    public static string Format(decimal milligrams) =>
        milligrams.ToString(milligrams == decimal.Truncate(milligrams) ? "#,0" : "#,0.##", CultureInfo.InvariantCulture) + " mg";

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex RegionCode();

    private sealed class FileFields
    {
        public string? Fallback { get; set; }
        public List<IngredientFields>? Ingredients { get; set; }
    }

    private sealed class IngredientFields
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public List<string>? Aliases { get; set; }
        public List<MaximumFields>? Maximums { get; set; }
    }

    private sealed class MaximumFields
    {
        public string? Region { get; set; }
        [YamlMember(Alias = "mg_per_24h")]
        public decimal? MgPer24h { get; set; }
        public string? Source { get; set; }
        public string? Note { get; set; }
        public string? Review { get; set; }
        public string? ReviewedBy { get; set; }
    }
}

using System.Globalization;
using SciaticaRelief.Core.Modalities;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SciaticaRelief.Core.Knowledge;

/// <summary>
/// Reads a content file's front matter as YAML nodes so that every message can name the file and
/// the line: a deserializer would lose the line of a value that parses but is wrong (an unknown
/// grade, a rule without a source). Errors go to the shared list as "file: line n: message"; line
/// numbers count from the top of the file, where the front matter starts on line 2.
/// </summary>
internal sealed class FrontMatterReader
{
    private readonly string _file;
    private readonly List<string> _errors;

    private FrontMatterReader(string file, List<string> errors, YamlMappingNode root, string body, int bodyLine)
    {
        _file = file;
        _errors = errors;
        Root = root;
        Body = body;
        BodyLine = bodyLine;
    }

    public YamlMappingNode Root { get; }

    public string Body { get; }

    /// <summary>The line of the file where the body starts.</summary>
    public int BodyLine { get; }

    /// <summary>Splits and parses <paramref name="file"/>; null (with the error added) when it has no usable front matter.</summary>
    public static FrontMatterReader? Open(ContentFile file, List<string> errors)
    {
        var split = FrontMatter.Split(file.Text, out var splitError);
        if (split is null)
        {
            errors.Add($"{file.Name}: {splitError}.");
            return null;
        }
        var parser = new Parser(new StringReader(split.Yaml));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            var root = stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode;
            if (root is YamlMappingNode map)
            {
                return new FrontMatterReader(file.Name, errors, map, split.Body, split.BodyLine);
            }
            if (root is YamlScalarNode { Value: null or "" })
            {
                return new FrontMatterReader(file.Name, errors, new YamlMappingNode(), split.Body, split.BodyLine);
            }
            errors.Add($"{file.Name}: line {LineOf(root)}: the front matter must be keys and values (key: value).");
            return null;
        }
        catch (YamlException e)
        {
            errors.Add($"{file.Name}: line {e.Start.Line + 1}: the front matter is not valid YAML ({e.InnerException?.Message ?? e.Message}).");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) on some unclosed brackets:
            // the last event it read is the nearest line we can name.
            var line = parser.Current is { } last ? last.Start.Line + 1 : 2;
            errors.Add($"{file.Name}: line {line}: the front matter is not valid YAML (look for an unclosed bracket or quote here or just below).");
            return null;
        }
    }

    /// <summary>The file's line of <paramref name="node"/>: YAML lines count from 1 and the front matter starts on line 2.</summary>
    public static int LineOf(YamlNode node) => node.Start.Line > 0 ? (int)node.Start.Line + 1 : 2;

    /// <summary>How many errors the shared list holds, to tell whether a part added one.</summary>
    public int ErrorCount => _errors.Count;

    public void Error(int line, string message) => _errors.Add($"{_file}: line {line.ToString(CultureInfo.InvariantCulture)}: {message}");

    public void Error(YamlNode at, string message) => Error(LineOf(at), message);

    /// <summary>The value of <paramref name="key"/> and the line of the key, or null when it is absent.</summary>
    public static (YamlNode Value, int Line)? Get(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.Ordinal))
            {
                return (v, LineOf(k));
            }
        }
        return null;
    }

    public static bool Has(YamlMappingNode map, string key) => Get(map, key) is not null;

    /// <summary>
    /// A text value. Absent or empty: null, and when <paramref name="missing"/> is given an error
    /// at <paramref name="lineIfMissing"/> says what to write. A list or mapping is an error.
    /// </summary>
    public string? Text(YamlMappingNode map, string key, int lineIfMissing, string? missing)
    {
        var found = Get(map, key);
        if (found is null || (found.Value.Value is YamlScalarNode empty && string.IsNullOrWhiteSpace(empty.Value)))
        {
            if (missing is not null)
            {
                Error(found?.Line ?? lineIfMissing, $"\"{key}\" is missing; {missing}.");
            }
            return null;
        }
        if (found.Value.Value is not YamlScalarNode scalar)
        {
            Error(found.Value.Line, $"\"{key}\" must be text, not a list or a mapping.");
            return null;
        }
        return scalar.Value!.Trim();
    }

    /// <summary>The file's "id": null (with an error naming <paramref name="example"/>) when missing or not a valid content id.</summary>
    public string? Id(YamlMappingNode map, int lineIfMissing, string example)
    {
        var id = Text(map, "id", lineIfMissing, "give a stable kebab-case id such as " + example);
        if (id is not null && !ContentIds.IsValid(id))
        {
            Error(Get(map, "id")!.Value.Line, $"the id \"{id}\" is not kebab-case (lower-case letters, digits and single hyphens, at most {ContentIds.MaxLength} characters).");
            return null;
        }
        return id;
    }

    /// <summary>A whole number, or null when absent; an error when it is not a whole number.</summary>
    public int? Number(YamlMappingNode map, string key, out int line)
    {
        var found = Get(map, key);
        line = found?.Line ?? LineOf(map);
        if (found is null)
        {
            return null;
        }
        if (found.Value.Value is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        Error(found.Value.Line, $"\"{key}\" must be a whole number.");
        return null;
    }

    /// <summary>A mapping, or null when absent; an error when the value is not a mapping.</summary>
    public YamlMappingNode? Mapping(YamlMappingNode map, string key, int lineIfMissing, string? missing)
    {
        var found = Get(map, key);
        if (found is null)
        {
            if (missing is not null)
            {
                Error(lineIfMissing, $"\"{key}\" is missing; {missing}.");
            }
            return null;
        }
        if (found.Value.Value is YamlMappingNode m)
        {
            return m;
        }
        Error(found.Value.Line, $"\"{key}\" must be a mapping of keys and values.");
        return null;
    }

    /// <summary>The items of a list, or an empty list when absent; an error when the value is not a list.</summary>
    public IReadOnlyList<YamlNode> List(YamlMappingNode map, string key, out int line)
    {
        var found = Get(map, key);
        line = found?.Line ?? LineOf(map);
        if (found is null || found.Value.Value is YamlScalarNode { Value: null or "" })
        {
            return [];
        }
        if (found.Value.Value is YamlSequenceNode seq)
        {
            return seq.Children.ToList();
        }
        Error(found.Value.Line, $"\"{key}\" must be a list (items starting with \"- \" or [a, b]).");
        return [];
    }

    /// <summary>A list of texts (targets, related ids) with the line of each.</summary>
    public IReadOnlyList<(string Text, int Line)> Texts(YamlMappingNode map, string key, out int line)
    {
        var result = new List<(string, int)>();
        foreach (var item in List(map, key, out line))
        {
            if (item is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                result.Add((text.Trim(), LineOf(item)));
            }
            else
            {
                Error(item, $"every item of \"{key}\" must be a piece of text.");
            }
        }
        return result;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using SciaticaRelief.Core.Questionnaires;

namespace SciaticaRelief.Core.Tests.Questionnaires;

/// <summary>The shipped definition files, and made-up questionnaires for the licensed instruments' scoring.</summary>
internal static class Definitions
{
    /// <summary>The repository's content/questionnaires folder, found upward from the test's output folder.</summary>
    public static string Folder { get; } = Find();

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public static ScoringDefinition Scoring(string id)
    {
        var (definition, errors) = ScoringDefinitionReader.Read(Text(id + ScoringDefinitionReader.Suffix), id + ScoringDefinitionReader.Suffix);
        Assert.True(definition is not null, string.Join("\n", errors));
        return definition!;
    }

    public static IReadOnlyList<DefinitionFile> ShippedFiles() =>
        [.. Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal)
            .Select(p => new DefinitionFile(Path.GetFileName(p), File.ReadAllText(p), FromLicensedFolder: false))];

    /// <summary>The shipped scoring JSON as a node, to break one thing in it.</summary>
    public static JsonObject ScoringNode(string id) => JsonNode.Parse(Text(id + ScoringDefinitionReader.Suffix))!.AsObject();

    /// <summary>
    /// An Oswestry-like Questionnaire with made-up wording (never the licensed text): ten sections
    /// section-1 … section-10, six options each coded 0–5.
    /// </summary>
    public static JsonObject OdiLike() => Questionnaire("odi", "Made-up ten-section disability form",
        Enumerable.Range(1, 10).Select(s => Choice($"section-{s}", $"Made-up section {s}", required: false,
            Enumerable.Range(0, 6).Select(o => ((string Code, string Display, decimal? Ordinal))(o.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Made-up statement {o} of section {s}", null)))));

    /// <summary>A STarT-Back-like Questionnaire with made-up wording: q1–q8 agree/disagree, q9 five options.</summary>
    public static JsonObject StartBackLike()
    {
        var items = Enumerable.Range(1, 8).Select(i => Choice($"q{i}", $"Made-up statement {i}", required: true,
            [("agree", "Agree", null), ("disagree", "Disagree", null)])).ToList();
        items.Add(Choice("q9", "Made-up overall question", required: true,
            [("not-at-all", "Not at all", null), ("slightly", "Slightly", null), ("moderately", "Moderately", null), ("very-much", "Very much", null), ("extremely", "Extremely", null)]));
        return Questionnaire("startback", "Made-up nine-item screening form", items);
    }

    /// <summary>A Roland-Morris-like Questionnaire with made-up wording: 24 yes/no items q1–q24.</summary>
    public static JsonObject RmdqLike() => Questionnaire("rmdq", "Made-up 24-statement form",
        Enumerable.Range(1, 24).Select(i => new JsonObject { ["linkId"] = $"q{i}", ["text"] = $"Made-up statement {i}", ["type"] = "boolean" }));

    public static JsonObject Questionnaire(string id, string title, IEnumerable<JsonObject> items) => new()
    {
        ["resourceType"] = "Questionnaire",
        ["id"] = id,
        ["version"] = "test",
        ["title"] = title,
        ["status"] = "active",
        ["item"] = new JsonArray([.. items]),
    };

    public static JsonObject Choice(string linkId, string text, bool required, IEnumerable<(string Code, string Display, decimal? Ordinal)> options)
    {
        var list = new JsonArray();
        foreach (var (code, display, ordinal) in options)
        {
            var coding = new JsonObject { ["system"] = "urn:test", ["code"] = code, ["display"] = display };
            if (ordinal is { } o)
            {
                coding["extension"] = new JsonArray(new JsonObject { ["url"] = "http://hl7.org/fhir/StructureDefinition/ordinalValue", ["valueDecimal"] = o });
            }
            list.Add(new JsonObject { ["valueCoding"] = coding });
        }
        return new JsonObject { ["linkId"] = linkId, ["text"] = text, ["type"] = "choice", ["required"] = required, ["answerOption"] = list };
    }

    public static DefinitionFile Licensed(string name, JsonNode json) => new(name, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), FromLicensedFolder: true);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content", "questionnaires");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "SciaticaRelief.sln")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("content/questionnaires not found above " + AppContext.BaseDirectory);
    }
}

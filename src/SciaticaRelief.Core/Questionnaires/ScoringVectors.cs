using System.Globalization;
using System.Text.Json;

namespace SciaticaRelief.Core.Questionnaires;

/// <summary>One worked example: item points in, the expected score, band and subscores out.</summary>
/// <param name="Why">Why the case exists (e.g. "Fairbank 2000: one section unanswered, 16/45").</param>
/// <param name="Points">Points by linkId; several for a section with two boxes ticked.</param>
/// <param name="Score">The expected score; null when no score is expected (the answers cannot be scored).</param>
public sealed record ScoringVector(string Why, IReadOnlyDictionary<string, IReadOnlyList<decimal>> Points, decimal? Score, string? Band, IReadOnlyDictionary<string, decimal> Subscores)
{
    public override string ToString() => Why;
}

/// <summary>
/// Test vectors shipped beside a scoring file (<c>&lt;id&gt;.vectors.json</c>): the published worked
/// examples, so the scoring of a licensed instrument is tested without its item text. Answers are
/// points (a number, a list of numbers for two boxes ticked, true/false for yes/no) or an option
/// code that the scoring file's 'values' map gives points to.
/// </summary>
public static class ScoringVectors
{
    public const string Suffix = ".vectors.json";

    public static (IReadOnlyList<ScoringVector> Cases, IReadOnlyList<string> Errors) Read(string json, string fileName, ScoringDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<string>();
        var cases = new List<ScoringVector>();
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("cases", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{fileName}: 'cases' must be a list.");
                return (cases, errors);
            }
            var n = 0;
            foreach (var c in list.EnumerateArray())
            {
                n++;
                var why = c.TryGetProperty("why", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString()! : $"case {n}";
                var points = new Dictionary<string, IReadOnlyList<decimal>>(StringComparer.Ordinal);
                if (c.TryGetProperty("answers", out var answers) && answers.ValueKind == JsonValueKind.Object)
                {
                    foreach (var a in answers.EnumerateObject())
                    {
                        var group = definition.GroupOf(a.Name);
                        if (group is null)
                        {
                            errors.Add($"{fileName}: case '{why}' answers item '{a.Name}', which {definition.InstrumentId}{ScoringDefinitionReader.Suffix} does not score.");
                            continue;
                        }
                        var values = ValuesOf(a.Value, group);
                        if (values is null)
                        {
                            errors.Add($"{fileName}: case '{why}' item '{a.Name}' must be points, a list of points, true/false or a code in 'values'.");
                            continue;
                        }
                        if (values.Count > 0)
                        {
                            points[a.Name] = values;
                        }
                    }
                }
                decimal? score = c.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDecimal() : null;
                var band = c.TryGetProperty("band", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
                var subs = new Dictionary<string, decimal>(StringComparer.Ordinal);
                if (c.TryGetProperty("subscores", out var ss) && ss.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in ss.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
                    {
                        subs[p.Name] = p.Value.GetDecimal();
                    }
                }
                cases.Add(new ScoringVector(why, points, score, band, subs));
            }
        }
        catch (JsonException e)
        {
            errors.Add($"{fileName}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
        return (cases, errors);
    }

    /// <summary>Runs every case; each failure names the file, the case and what differed.</summary>
    public static IReadOnlyList<string> Run(ScoringDefinition definition, IEnumerable<ScoringVector> cases, string fileName)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(cases);
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var (result, error) = ScoreCalculator.Score(definition, c.Points);
            if (c.Score is null)
            {
                if (result is not null)
                {
                    failures.Add($"{fileName}: case '{c.Why}' should not be scorable but scored {Exact(definition, result.Score)}.");
                }
                continue;
            }
            if (result is null)
            {
                failures.Add($"{fileName}: case '{c.Why}' expected {Exact(definition, c.Score.Value)} but could not be scored: {error}");
                continue;
            }
            if (result.Score != c.Score)
            {
                failures.Add($"{fileName}: case '{c.Why}' scored {Exact(definition, result.Score)}, expected {Exact(definition, c.Score.Value)}.");
            }
            if (c.Band is not null && !string.Equals(result.Band?.Id, c.Band, StringComparison.Ordinal))
            {
                failures.Add($"{fileName}: case '{c.Why}' fell in band '{result.Band?.Id}', expected '{c.Band}'.");
            }
            foreach (var (id, expected) in c.Subscores)
            {
                if (!result.Subscores.TryGetValue(id, out var actual) || actual != expected)
                {
                    failures.Add($"{fileName}: case '{c.Why}' subscore '{id}' is {actual.ToString(CultureInfo.InvariantCulture)}, expected {expected.ToString(CultureInfo.InvariantCulture)}.");
                }
            }
        }
        return failures;
    }

    private static string Exact(ScoringDefinition d, decimal v) => v.ToString("0.####", CultureInfo.InvariantCulture) + d.Unit;

    private static List<decimal>? ValuesOf(JsonElement value, ScoredItems group)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return [];
            case JsonValueKind.Number:
                return [value.GetDecimal()];
            case JsonValueKind.True:
                return [1];
            case JsonValueKind.False:
                return [0];
            case JsonValueKind.String:
                return group.Values is { } map && map.TryGetValue(value.GetString()!, out var p) ? [p] : null;
            case JsonValueKind.Array:
                var list = new List<decimal>();
                foreach (var v in value.EnumerateArray())
                {
                    if (ValuesOf(v, group) is not { Count: 1 } one)
                    {
                        return null;
                    }
                    list.AddRange(one);
                }
                return list;
            default:
                return null;
        }
    }
}

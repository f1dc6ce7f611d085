using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SciaticaRelief.Core.Questionnaires;

/// <summary>
/// Reads a scoring file (<c>&lt;id&gt;.scoring.json</c>) and checks that it is consistent in itself:
/// ranges, bands that cover the score, subscores over scored items, and a rule that fits its items.
/// Every error starts with the file's name and names the item or field, so a clinic can fix its file.
/// The format is described in content/questionnaires/README.md.
/// </summary>
public static partial class ScoringDefinitionReader
{
    public const string Suffix = ".scoring.json";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    public static partial Regex IdPattern();

    public static (ScoringDefinition? Definition, IReadOnlyList<string> Errors) Read(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<string>();
        void Error(string message) => errors.Add($"{fileName}: {message}");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            Error($"not valid JSON (line {e.LineNumber + 1}): {e.Message}");
            return (null, errors);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("must be a JSON object.");
                return (null, errors);
            }
            var id = Text(root, "instrument");
            if (id is null || !IdPattern().IsMatch(id))
            {
                Error("'instrument' must be the instrument's id: lower-case letters, digits and hyphens (e.g. \"odi\").");
            }
            else if (fileName.EndsWith(Suffix, StringComparison.Ordinal) && !string.Equals(Path.GetFileName(fileName), id + Suffix, StringComparison.Ordinal))
            {
                Error($"'instrument' is \"{id}\", so the file must be named {id}{Suffix}.");
            }
            var title = Text(root, "title");
            if (string.IsNullOrWhiteSpace(title))
            {
                Error("'title' is required.");
            }
            var source = Text(root, "source");
            if (string.IsNullOrWhiteSpace(source))
            {
                Error("'source' is required: cite where the scoring comes from.");
            }
            var ruleName = Text(root, "rule");
            if (!ScoringRules.TryParse(ruleName, out var rule))
            {
                Error($"'rule' must be one of {string.Join(", ", ScoringRules.All.Select(r => r.WireName()))} (it is \"{ruleName}\").");
            }

            var groups = ReadItems(root, Error);
            var (totalMin, totalMax, decimals, unit) = ReadTotal(root, Error);
            var subscores = ReadSubscores(root, Error);
            var bands = ReadBands(root, Error);
            var change = ReadChange(root, Error);
            string? panel = null, total = null;
            if (root.TryGetProperty("loinc", out var loinc) && loinc.ValueKind == JsonValueKind.Object)
            {
                panel = Text(loinc, "panel");
                total = Text(loinc, "total");
            }
            if (errors.Count > 0)
            {
                return (null, errors);
            }

            var definition = new ScoringDefinition
            {
                InstrumentId = id!,
                Title = title!,
                Version = Text(root, "version") ?? "1",
                Rule = rule,
                Licensed = root.TryGetProperty("licensed", out var lic) && lic.ValueKind == JsonValueKind.True,
                Source = source!,
                Notice = Text(root, "notice"),
                Items = groups,
                TotalMin = totalMin,
                TotalMax = totalMax,
                Decimals = decimals,
                Unit = unit,
                Bands = bands,
                Subscores = subscores,
                ImportantChange = change,
                LoincPanel = panel,
                LoincTotal = total,
            };
            errors.AddRange(Check(definition).Select(e => $"{fileName}: {e}"));
            return errors.Count > 0 ? (null, errors) : (definition, errors);
        }
    }

    /// <summary>Consistency of a definition in itself: ranges, bands, subscores, and a rule that fits its items.</summary>
    public static IReadOnlyList<string> Check(ScoringDefinition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var linkId in d.LinkIds)
        {
            if (!seen.Add(linkId))
            {
                errors.Add($"item '{linkId}' is scored twice.");
            }
        }
        foreach (var g in d.Items)
        {
            if (g.Min > g.Max)
            {
                errors.Add($"item '{g.LinkIds[0]}': min {N(g.Min)} is above max {N(g.Max)}.");
            }
            if (g.Values is { } values && values.Values.Any(v => v < g.Min || v > g.Max))
            {
                errors.Add($"item '{g.LinkIds[0]}': option values must lie within {N(g.Min)}–{N(g.Max)}.");
            }
        }
        if (d.TotalMin >= d.TotalMax)
        {
            errors.Add($"'total': min {N(d.TotalMin)} must be below max {N(d.TotalMax)}.");
        }
        var count = d.LinkIds.Count();
        var sumMin = d.Items.Sum(g => g.Min * g.LinkIds.Count);
        var sumMax = d.Items.Sum(g => g.Max * g.LinkIds.Count);
        switch (d.Rule)
        {
            case ScoringRule.Sum:
                if (d.TotalMin != sumMin || d.TotalMax != sumMax)
                {
                    errors.Add($"rule 'sum' does not fit its items: {count} items scored {Ranges(d)} sum to {N(sumMin)}–{N(sumMax)}, but 'total' says {N(d.TotalMin)}–{N(d.TotalMax)}.");
                }
                break;
            case ScoringRule.CountOfYes:
                foreach (var g in d.Items.Where(g => g.Min != 0 || g.Max != 1))
                {
                    errors.Add($"rule 'count-of-yes' does not fit item '{g.LinkIds[0]}': it is scored {N(g.Min)}–{N(g.Max)}, not yes (1) or no (0).");
                }
                if (d.TotalMin != 0 || d.TotalMax != count)
                {
                    errors.Add($"rule 'count-of-yes' does not fit its items: {count} yes/no items count 0–{count}, but 'total' says {N(d.TotalMin)}–{N(d.TotalMax)}.");
                }
                break;
            case ScoringRule.OswestryPercentage:
                foreach (var g in d.Items.Where(g => g.Min != 0 || g.Max <= 0))
                {
                    errors.Add($"rule 'oswestry-percentage' does not fit item '{g.LinkIds[0]}': sections are scored from 0 to their maximum (it is {N(g.Min)}–{N(g.Max)}).");
                }
                if (d.TotalMin != 0 || d.TotalMax != 100)
                {
                    errors.Add($"rule 'oswestry-percentage' gives a percentage: 'total' must be 0–100 (it says {N(d.TotalMin)}–{N(d.TotalMax)}).");
                }
                break;
            case ScoringRule.StartBack:
                foreach (var g in d.Items.Where(g => g.Min != 0 || g.Max != 1))
                {
                    errors.Add($"rule 'startback' does not fit item '{g.LinkIds[0]}': each item scores 0 or 1 (it is {N(g.Min)}–{N(g.Max)}).");
                }
                if (d.TotalMin != 0 || d.TotalMax != count)
                {
                    errors.Add($"rule 'startback' does not fit its items: {count} items of 0/1 total 0–{count}, but 'total' says {N(d.TotalMin)}–{N(d.TotalMax)}.");
                }
                if (!d.Subscores.Any(s => s.Id == "distress"))
                {
                    errors.Add("rule 'startback' needs a subscore 'distress' (items 5–9).");
                }
                break;
            default:
                throw new InvalidOperationException($"Unknown rule {d.Rule}.");
        }

        var subIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in d.Subscores)
        {
            if (!subIds.Add(s.Id))
            {
                errors.Add($"subscore '{s.Id}' is defined twice.");
            }
            foreach (var linkId in s.LinkIds.Where(l => !seen.Contains(l)))
            {
                errors.Add($"subscore '{s.Id}' names item '{linkId}', which is not among the scored 'items'.");
            }
        }

        var bandIds = new HashSet<string>(StringComparer.Ordinal);
        Band? previous = null;
        foreach (var b in d.Bands)
        {
            if (!bandIds.Add(b.Id))
            {
                errors.Add($"band '{b.Id}' is defined twice.");
            }
            if (b.From > b.To)
            {
                errors.Add($"band '{b.Id}': from {N(b.From)} is above to {N(b.To)}.");
            }
            if (b.Subscore is { } sub)
            {
                if (!subIds.Contains(sub))
                {
                    errors.Add($"band '{b.Id}' tests subscore '{sub}', which is not defined.");
                }
                continue;
            }
            if (previous is null && b.From != d.TotalMin)
            {
                errors.Add($"band '{b.Id}' is the first band on the total, so it must start at the lowest score, {N(d.TotalMin)}.");
            }
            if (previous is not null && (b.From <= previous.To || b.From > previous.To + 1))
            {
                errors.Add($"band '{b.Id}' must start just after band '{previous.Id}' ends at {N(previous.To)} (it starts at {N(b.From)}).");
            }
            previous = b;
        }
        var lastTotalBand = d.Bands.LastOrDefault(b => b.Subscore is null);
        var coveredBySubscores = d.Bands.Count > 0 && d.Bands[^1].Subscore is not null;
        if (lastTotalBand is not null && !coveredBySubscores && lastTotalBand.To != d.TotalMax)
        {
            errors.Add($"band '{lastTotalBand.Id}' is the last band, so it must end at the highest score, {N(d.TotalMax)}.");
        }
        if (d.ImportantChange is { Points: null, Percent: null })
        {
            errors.Add("'importantChange' needs 'points', 'percent' or both.");
        }
        return errors;
    }

    private static string Ranges(ScoringDefinition d) =>
        string.Join(", ", d.Items.Select(g => $"{N(g.Min)}–{N(g.Max)}").Distinct());

    internal static string N(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static decimal? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    private static List<string> Strings(JsonElement e, string name, string where, Action<string> error)
    {
        var list = new List<string>();
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array || v.GetArrayLength() == 0)
        {
            error($"{where} needs '{name}': a list of item linkIds.");
            return list;
        }
        foreach (var s in v.EnumerateArray())
        {
            if (s.ValueKind == JsonValueKind.String && s.GetString() is { Length: > 0 } text)
            {
                list.Add(text);
            }
            else
            {
                error($"{where}: every entry of '{name}' must be a linkId (text).");
            }
        }
        return list;
    }

    private static List<ScoredItems> ReadItems(JsonElement root, Action<string> error)
    {
        var groups = new List<ScoredItems>();
        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            error("'items' is required: a list of { \"linkIds\": [...], \"min\": ..., \"max\": ... } or { \"linkIds\": [...], \"values\": { code: points } }.");
            return groups;
        }
        var n = 0;
        foreach (var g in items.EnumerateArray())
        {
            n++;
            var where = $"items entry {n}";
            var linkIds = Strings(g, "linkIds", where, error);
            Dictionary<string, decimal>? values = null;
            if (g.TryGetProperty("values", out var v))
            {
                values = new Dictionary<string, decimal>(StringComparer.Ordinal);
                if (v.ValueKind != JsonValueKind.Object)
                {
                    error($"{where}: 'values' must map each option code to its points.");
                    continue;
                }
                foreach (var p in v.EnumerateObject())
                {
                    if (p.Value.ValueKind != JsonValueKind.Number)
                    {
                        error($"{where}: option '{p.Name}' in 'values' must have a number of points.");
                        continue;
                    }
                    values[p.Name] = p.Value.GetDecimal();
                }
                if (values.Count == 0)
                {
                    error($"{where}: 'values' is empty.");
                }
            }
            var min = Number(g, "min") ?? (values is { Count: > 0 } ? values.Values.Min() : null);
            var max = Number(g, "max") ?? (values is { Count: > 0 } ? values.Values.Max() : null);
            if (min is null || max is null)
            {
                error($"{where} ({string.Join(", ", linkIds)}) needs 'min' and 'max' (or 'values').");
                continue;
            }
            groups.Add(new ScoredItems(linkIds, min.Value, max.Value, values));
        }
        return groups;
    }

    private static (decimal Min, decimal Max, int Decimals, string Unit) ReadTotal(JsonElement root, Action<string> error)
    {
        if (!root.TryGetProperty("total", out var t) || t.ValueKind != JsonValueKind.Object)
        {
            error("'total' is required: { \"min\": ..., \"max\": ... }.");
            return (0, 0, 0, "");
        }
        var min = Number(t, "min");
        var max = Number(t, "max");
        if (min is null || max is null)
        {
            error("'total' needs 'min' and 'max'.");
        }
        var decimals = Number(t, "decimals") ?? 0;
        if (decimals is < 0 or > 2 || decimals != Math.Floor(decimals))
        {
            error("'total.decimals' must be 0, 1 or 2.");
            decimals = 0;
        }
        return (min ?? 0, max ?? 0, (int)decimals, Text(t, "unit") ?? "");
    }

    private static List<Subscore> ReadSubscores(JsonElement root, Action<string> error)
    {
        var list = new List<Subscore>();
        if (!root.TryGetProperty("subscores", out var subs))
        {
            return list;
        }
        if (subs.ValueKind != JsonValueKind.Array)
        {
            error("'subscores' must be a list.");
            return list;
        }
        foreach (var s in subs.EnumerateArray())
        {
            var id = Text(s, "id");
            if (id is null || !IdPattern().IsMatch(id))
            {
                error("every subscore needs an 'id' (lower-case letters, digits and hyphens).");
                continue;
            }
            var linkIds = Strings(s, "linkIds", $"subscore '{id}'", error);
            list.Add(new Subscore(id, Text(s, "title") ?? id, linkIds, Text(s, "loinc")));
        }
        return list;
    }

    private static List<Band> ReadBands(JsonElement root, Action<string> error)
    {
        var list = new List<Band>();
        if (!root.TryGetProperty("bands", out var bands))
        {
            return list;
        }
        if (bands.ValueKind != JsonValueKind.Array)
        {
            error("'bands' must be a list.");
            return list;
        }
        foreach (var b in bands.EnumerateArray())
        {
            var id = Text(b, "id");
            if (id is null || !IdPattern().IsMatch(id))
            {
                error("every band needs an 'id' (lower-case letters, digits and hyphens).");
                continue;
            }
            var from = Number(b, "from");
            var to = Number(b, "to");
            if (from is null || to is null)
            {
                error($"band '{id}' needs 'from' and 'to'.");
                continue;
            }
            list.Add(new Band(id, Text(b, "label") ?? id, from.Value, to.Value, Text(b, "subscore")));
        }
        return list;
    }

    private static ImportantChange? ReadChange(JsonElement root, Action<string> error)
    {
        if (!root.TryGetProperty("importantChange", out var c) || c.ValueKind == JsonValueKind.Null)
        {
            return null; // none published
        }
        if (c.ValueKind != JsonValueKind.Object)
        {
            error("'importantChange' must be { \"points\": ..., \"percent\": ..., \"source\": ... }.");
            return null;
        }
        var points = Number(c, "points");
        var percent = Number(c, "percent");
        if (points is <= 0 || percent is <= 0)
        {
            error("'importantChange' thresholds must be above 0.");
        }
        return new ImportantChange(points, percent, Text(c, "source"));
    }
}

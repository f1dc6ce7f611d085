using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Treatments;
using Sylvan.Data.Csv;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>
/// Bearable's CSV export, current and older header (IMPORT-FORMATS.md): one row per logged item.
/// The pain-like Symptom rows of one date and time become one check-in whose pain is the worst of
/// them by <see cref="SeverityToPain"/>; medicines known to the label data with an amount in mg become
/// medicine treatments; every other row is skipped with its category counted in the report.
/// </summary>
/// <remarks>
/// Times: "HH:mm" or "H:mm" local; the blocks are placed at fixed local times (<see cref="Blocks"/>);
/// an empty time, "all day" or "Day N" (period tracking) is noon.
/// </remarks>
public sealed partial class BearableCsvReader(LabelMaximums labels) : IImportReader
{
    /// <summary>
    /// Bearable's four severities on our 0–10 scale: the middle of the bands the numeric pain scale
    /// gives the same words (mild 1–3, moderate 4–6, severe 7–9, worst possible 10). A stated
    /// mapping, shown in the import report; the original severity is kept with each entry.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> SeverityToPain = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["None"] = 0, ["Mild"] = 2, ["Moderate"] = 5, ["Severe"] = 8, ["Unbearable"] = 10,
    };

    private static readonly string[] ByRating = ["None", "Mild", "Moderate", "Severe", "Unbearable"];

    /// <summary>Bearable's parts of the day, at the local times we place them.</summary>
    public static readonly IReadOnlyDictionary<string, TimeOnly> Blocks = new Dictionary<string, TimeOnly>(StringComparer.OrdinalIgnoreCase)
    {
        ["pre"] = new(6, 0), ["am"] = new(9, 0), ["mid"] = new(13, 0), ["pm"] = new(19, 0), ["all day"] = new(12, 0), [""] = new(12, 0),
    };

    private static readonly string[] Current = ["date", "date formatted", "weekday", "time of day", "category", "rating/amount", "detail", "notes"];
    private static readonly string[] Older = ["date", "weekday", "time of day", "category", "rating/amount", "detail", "notes"];

    private static readonly string[] PainWordsInNames = ["pain", "ache", "sciatica", "sore", "cramp", "numb", "tingl", "burning", "stiff"];

    public string Format => ImportFormats.Bearable;
    public string DisplayName => "Bearable (CSV)";

    public bool Recognises(ReadOnlySpan<byte> head, string fileName)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF').Replace("\"", "", StringComparison.Ordinal);
        return text.StartsWith("date,date formatted,weekday,", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("date,weekday,time of day,", StringComparison.OrdinalIgnoreCase);
    }

    private sealed record Symptom(string Detail, int Pain, string? Notes);

    public ImportSet Read(Stream stream, ImportChoices choices, CancellationToken ct = default)
    {
        var b = new ImportBuilder(Format, choices);
        if (b.Stop)
        {
            return b.Set;
        }
        var groups = new Dictionary<(DateOnly, string), (string Where, TimeOnly Time, List<Symptom> Items)>();
        string[] header = [];
        var (current, accepted) = (false, false);
        CsvText.ReadRows(stream, literalNewlines: false, b, names =>
        {
            header = [.. names.Select(n => n.Trim())];
            var known = header.Contains("date formatted", StringComparer.OrdinalIgnoreCase) ? Current : Older;
            current = known == Current;
            if (!header.Contains("category", StringComparer.OrdinalIgnoreCase) || !header.Contains("date", StringComparer.OrdinalIgnoreCase))
            {
                b.Error("row 1", null, $"This is not a Bearable export: its first line should start \"date,date formatted,weekday\" or \"date,weekday\" but starts \"{ImportBuilder.Short(string.Join(",", header))}\".");
                return false;
            }
            foreach (var name in header.Where(h => !known.Contains(h, StringComparer.OrdinalIgnoreCase)))
            {
                b.Error("row 1", name, $"Unknown column \"{ImportBuilder.Short(name)}\": a Bearable export has the columns {string.Join(", ", known)}.");
            }
            foreach (var name in known.Where(k => !header.Contains(k, StringComparer.OrdinalIgnoreCase)))
            {
                b.Error("row 1", name, $"The column \"{name}\" is missing.");
            }
            accepted = b.Set.Errors.Count == 0;
            return accepted;
        }, (csv, where) =>
        {
            if (csv.RowFieldCount != header.Length)
            {
                b.Error(where, null, $"The row has {csv.RowFieldCount} columns where the header has {header.Length}: the file is damaged or cut short.");
                return;
            }
            Row(b, csv, where, current, groups);
        }, ct);
        if (!accepted)
        {
            return b.Set;
        }
        foreach (var ((date, timeText), (where, time, items)) in groups)
        {
            var details = string.Join("; ", items.Select(i => i.Detail));
            var notes = string.Join("\n", items.Select(i => i.Notes).OfType<string>().Distinct());
            b.AddCheckIn(b.Key(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), timeText, string.Join("\u001e", items.Select(i => i.Detail).Order(StringComparer.Ordinal))),
                where, b.Utc(date, time), items.Max(i => i.Pain), LocationMapper.Map(string.Join("; ", items.Select(i => NameOf(i.Detail)))),
                PainWords.Qualities(items.Select(i => NameOf(i.Detail))).Qualities, notes.Length == 0 ? null : notes, details);
        }
        return b.Finish();
    }

    private void Row(ImportBuilder b, CsvDataReader csv, string where, bool current,
        Dictionary<(DateOnly, string), (string Where, TimeOnly Time, List<Symptom> Items)> groups)
    {
        string Cell(string name) => csv.GetString(csv.GetOrdinal(name)).Trim();
        var category = Cell("category");
        var dateText = current ? Cell("date formatted") : Cell("date");
        DateOnly date;
        if (current)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                b.Error(where, "date formatted", $"\"{ImportBuilder.Short(dateText)}\" is not a date (year-month-day).");
                return;
            }
        }
        else if (Ordinal().Match(dateText) is not { Success: true } m
            || !DateOnly.TryParseExact($"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}", "d MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            b.Error(where, "date", $"\"{ImportBuilder.Short(dateText)}\" is not a date (such as 22nd Sep 2020).");
            return;
        }
        var timeText = Cell("time of day");
        TimeOnly time;
        if (Blocks.TryGetValue(timeText, out var block))
        {
            time = block;
        }
        else if (timeText.StartsWith("Day ", StringComparison.OrdinalIgnoreCase))
        {
            time = new TimeOnly(12, 0);
        }
        else if (!TimeOnly.TryParseExact(timeText, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            b.Error(where, "time of day", $"\"{ImportBuilder.Short(timeText)}\" is not a time (hours:minutes) nor a part of the day (pre, am, mid, pm, all day).");
            return;
        }
        var detail = Cell("detail");
        var amount = Cell("rating/amount");
        switch (category.ToLowerInvariant())
        {
            case "symptom":
            {
                var name = NameOf(detail);
                if (!PainWordsInNames.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)) && LocationMapper.Map(name).Count == 0)
                {
                    b.Skip(where, "a Bearable symptom that is not pain");
                    return;
                }
                var severity = Severity().Match(detail) is { Success: true } s ? s.Groups[1].Value : null;
                int pain;
                if (severity is not null && SeverityToPain.TryGetValue(severity, out var mapped))
                {
                    pain = mapped;
                }
                else if (int.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) && rating <= 4)
                {
                    pain = SeverityToPain[ByRating[rating]];
                }
                else
                {
                    b.Error(where, "rating/amount", $"\"{ImportBuilder.Short(amount)}\" is not a symptom rating from 0 to 4.");
                    return;
                }
                var notes = b.Notes(csv.GetString(csv.GetOrdinal("notes")), where, "notes");
                var key = (date, timeText);
                if (!groups.TryGetValue(key, out var group))
                {
                    group = (where, time, []);
                    groups[key] = group;
                }
                group.Items.Add(new Symptom(detail, pain, notes));
                return;
            }
            case "meds/supplements":
            {
                if (!decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var taken))
                {
                    b.Error(where, "rating/amount", $"\"{ImportBuilder.Short(amount)}\" is not an amount (a number such as 1 or 0.5).");
                    return;
                }
                var open = detail.LastIndexOf('(');
                var name = open > 0 ? detail[..open].Trim() : detail;
                var unit = open > 0 ? detail[(open + 1)..].TrimEnd(')').Trim() : "";
                var medicine = string.Equals(unit, "mg", StringComparison.OrdinalIgnoreCase)
                    ? MedicineText.Parse(name, taken.ToString(CultureInfo.InvariantCulture) + " mg", labels) : null;
                b.AddMedicine(b.Key(dateText, timeText, "meds", detail, amount), where, b.Utc(date, time), medicine, $"{detail}: {amount}", labels);
                return;
            }
            default:
                b.Skip(where, $"Bearable's \"{ImportBuilder.Short(category)}\" rows (no place for them in the journal)");
                return;
        }
    }

    /// <summary>"Back (lower) pain (Moderate)" → "Back (lower) pain".</summary>
    private static string NameOf(string detail) => Severity().Replace(detail, "").Trim();

    [GeneratedRegex(@"^(\d{1,2})(?:st|nd|rd|th)\s+([A-Za-z]{3})\s+(\d{4})$")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\((None|Mild|Moderate|Severe|Unbearable)\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Severity();
}

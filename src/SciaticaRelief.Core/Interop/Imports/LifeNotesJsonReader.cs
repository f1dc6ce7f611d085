using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>
/// Life Notes' JSON backup (IMPORT-FORMATS.md): days newest first, each with symptom logs at local
/// times. Pain on a 5-point scale (<c>settings.painScale</c> 5) is doubled to our 0–10. A day with
/// no logs but a symptom overview becomes one entry at noon with the overview's pain (rounded half
/// up, as the overview is kept to halves). Medicines (no milligrams) and other logs are skipped with counts.
/// </summary>
public sealed class LifeNotesJsonReader : IImportReader
{
    public string Format => ImportFormats.LifeNotes;
    public string DisplayName => "Life Notes (JSON backup)";

    public bool Recognises(ReadOnlySpan<byte> head, string fileName)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\n', '\r', '\t');
        return text.StartsWith('{') && text.Contains("\"days\"", StringComparison.Ordinal)
            && (text.Contains("\"symptomOverviews\"", StringComparison.Ordinal) || fileName.StartsWith("life-notes", StringComparison.OrdinalIgnoreCase));
    }

    public ImportSet Read(Stream stream, ImportChoices choices, CancellationToken ct = default)
    {
        var b = new ImportBuilder(Format, choices);
        if (b.Stop)
        {
            return b.Set;
        }
        using var doc = JsonBits.Parse(stream, b, "Life Notes");
        if (doc is null)
        {
            return b.Set;
        }
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.Prop("days") is not { ValueKind: JsonValueKind.Array })
        {
            b.Error("file", null, "This is not a Life Notes backup: it has no \"days\" list.");
            return b.Set;
        }
        var scale = root.Prop("settings")?.Number("painScale") ?? 10;
        if (scale is not (5 or 10))
        {
            b.Error("settings", "painScale", $"The pain scale is {scale.ToString(CultureInfo.InvariantCulture)}; Life Notes uses 5 or 10.");
            return b.Set;
        }
        var labels = root.Array("symptoms").Where(s => s.Str("key") is not null)
            .GroupBy(s => s.Str("key")!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Str("label") ?? g.Key, StringComparer.Ordinal);
        foreach (var day in root.Array("days"))
        {
            ct.ThrowIfCancellationRequested();
            if (b.Stop)
            {
                break;
            }
            Day(b, day, (int)scale, labels);
        }
        return b.Finish();
    }

    private static void Day(ImportBuilder b, JsonElement day, int scale, Dictionary<string, string> labels)
    {
        var text = day.Str("date") ?? "";
        var where = $"day {ImportBuilder.Short(text)}";
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            b.Error(where, "date", $"\"{ImportBuilder.Short(text)}\" is not a date (year-month-day).");
            return;
        }
        var logged = false;
        foreach (var symptom in day.Array("symptoms"))
        {
            var key = symptom.Str("key") ?? "";
            var label = labels.GetValueOrDefault(key, key);
            foreach (var log in symptom.Array("logs"))
            {
                logged = true;
                var time = log.Str("time") ?? "";
                if (!TimeOnly.TryParseExact(time, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
                {
                    b.Error(where, "time", $"\"{ImportBuilder.Short(time)}\" is not a time (hours:minutes).");
                    continue;
                }
                var pain = Scaled(b, log.Prop("pain"), scale, where);
                var notes = b.Notes(log.Str("detail"), where, "detail");
                if (pain is null)
                {
                    continue;
                }
                b.AddCheckIn(b.Key(text, key, log.Str("key") ?? time), where, b.Utc(date, clock), pain.Value, LocationMapper.Map(label),
                    Journal.PainQuality.None, notes, label);
            }
        }
        if (!logged)
        {
            foreach (var overview in day.Array("symptomOverviews"))
            {
                var key = overview.Str("key") ?? "";
                var label = labels.GetValueOrDefault(key, key);
                var pain = Scaled(b, overview.Prop("pain"), scale, where);
                if (pain is not null)
                {
                    b.AddCheckIn(b.Key(text, "overview", key), where, b.Utc(date, new TimeOnly(12, 0)), pain.Value, LocationMapper.Map(label),
                        Journal.PainQuality.None, null, label);
                }
            }
        }
        foreach (var _ in day.Array("meds"))
        {
            b.Skip(where, "a Life Notes medicine (it has a quantity but no milligrams)");
        }
        foreach (var _ in day.Array("logs"))
        {
            b.Skip(where, "a Life Notes log that is not a symptom");
        }
    }

    /// <summary>A pain on the file's scale, to ours: ×2 from the 5-point scale, halves rounded up.</summary>
    private static int? Scaled(ImportBuilder b, JsonElement? value, int scale, string where)
    {
        var raw = value is { } v ? JsonBits.Text(v) : null;
        if (raw is null || !double.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pain) || pain < 0 || pain > scale)
        {
            b.Error(where, "pain", $"\"{ImportBuilder.Short(raw ?? "")}\" is not a pain from 0 to {scale.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }
        return (int)Math.Round(pain * 10 / scale, MidpointRounding.AwayFromZero);
    }
}

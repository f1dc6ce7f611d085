using System.Globalization;
using System.Text;
using SciaticaRelief.Core.Treatments;
using Sylvan.Data.Csv;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>
/// CrisisCore PainTracker's CSV export, full or minimal policy (IMPORT-FORMATS.md). Its rows are
/// joined by a literal <c>\n</c>, so <see cref="CsvText"/> turns those into newlines before Sylvan
/// parses. Date and Time are UTC unless the Person says the file is older than September 2025
/// (<see cref="ImportChoices.TimesAreLocal"/>). Sleep Quality, Mood Impact, Missed Work Days and
/// Limited Activities have no field here and are not imported; the symptoms we have no quality
/// for are kept in the notes.
/// </summary>
public sealed class CrisisCoreCsvReader(LabelMaximums labels) : IImportReader
{
    private static readonly string[] Full = ["Date", "Time", "Pain Level", "Locations", "Symptoms", "Limited Activities", "Sleep Quality", "Mood Impact", "Missed Work Days", "Notes"];
    private static readonly string[] Minimal = ["Date", "Time", "Pain Level", "Symptoms", "Medication Log"];

    public string Format => ImportFormats.CrisisCoreCsv;
    public string DisplayName => "CrisisCore PainTracker (CSV)";

    public bool Recognises(ReadOnlySpan<byte> head, string fileName) =>
        Encoding.UTF8.GetString(head).TrimStart('\uFEFF').StartsWith("Date,Time,Pain Level,", StringComparison.Ordinal);

    public ImportSet Read(Stream stream, ImportChoices choices, CancellationToken ct = default)
    {
        var b = new ImportBuilder(Format, choices);
        if (b.Stop)
        {
            return b.Set;
        }
        string[] header = [];
        CsvText.ReadRows(stream, literalNewlines: true, b, names =>
        {
            header = names;
            var known = header.Length > 3 && header[3] == "Locations" ? Full : Minimal;
            if (header.Length < 3 || !header.Take(3).SequenceEqual(Full.Take(3)))
            {
                b.Error("row 1", null, $"This is not a CrisisCore PainTracker CSV: its first line should start \"Date,Time,Pain Level\" but starts \"{ImportBuilder.Short(string.Join(",", header))}\".");
                return false;
            }
            foreach (var name in header.Where(h => !known.Contains(h, StringComparer.Ordinal)))
            {
                b.Error("row 1", name, $"Unknown column \"{ImportBuilder.Short(name)}\": a CrisisCore CSV has the columns {string.Join(", ", known)}.");
            }
            return !b.Stop && b.Set.Errors.Count == 0;
        }, (csv, where) => ReadRow(b, csv, where, header.Length, name => Array.IndexOf(header, name)), ct);
        return b.Finish();
    }

    private void ReadRow(ImportBuilder b, CsvDataReader csv, string where, int columns, Func<string, int> col)
    {
        if (csv.RowFieldCount != columns)
        {
            b.Error(where, null, $"The row has {csv.RowFieldCount} columns where the header has {columns}: the file is damaged or cut short.");
            return;
        }
        string Cell(string name) => col(name) is var i and >= 0 ? csv.GetString(i) : "";
        var date = Cell("Date");
        var time = Cell("Time");
        var errors = b.Set.Errors.Count;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            b.Error(where, "Date", $"\"{ImportBuilder.Short(date)}\" is not a date (year-month-day, such as 2025-03-14).");
        }
        if (!TimeOnly.TryParseExact(time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            b.Error(where, "Time", $"\"{ImportBuilder.Short(time)}\" is not a time (hours:minutes, such as 21:30).");
        }
        var pain = b.Pain(Cell("Pain Level"), where, "Pain Level");
        var notes = b.Notes(Cell("Notes"), where, "Notes");
        if (b.Set.Errors.Count > errors || pain is null)
        {
            return;
        }
        var utc = b.Choices.TimesAreLocal ? b.Utc(day, clock) : DateTime.SpecifyKind(day.ToDateTime(clock), DateTimeKind.Utc);
        var locations = Cell("Locations");
        var symptoms = Items(Cell("Symptoms"));
        var (qualities, other) = PainWords.Qualities(symptoms);
        var key = b.Key(date, time, Cell("Pain Level"), locations, Cell("Symptoms"), Cell("Notes"));
        b.AddCheckIn(key, where, utc, pain.Value, LocationMapper.Map(locations), qualities,
            PainWords.WithExtra(notes, "Symptoms", other), locations);

        var meds = Cell("Medication Log");
        var index = 0;
        foreach (var item in meds.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            index++;
            var open = item.IndexOf('(', StringComparison.Ordinal);
            var name = open > 0 ? item[..open].Trim() : item;
            var dose = open > 0 ? item[(open + 1)..].TrimEnd(')').Split(',')[0] : "";
            b.AddMedicine(b.Key(date, time, "medicine", index.ToString(CultureInfo.InvariantCulture), item), where, utc,
                MedicineText.Parse(name, dose, labels), item, labels);
        }
    }

    /// <summary>CrisisCore joins list items with "; " and does not escape quotes inside them.</summary>
    private static string[] Items(string cell) => cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

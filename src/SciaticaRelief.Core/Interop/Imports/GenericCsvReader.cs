using System.Globalization;
using System.Text;
using SciaticaRelief.Core.Journal;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>
/// Any other diary's CSV (Manage My Pain and the rest, whose formats are not published): the Person
/// says which column holds the date, time, pain, location and notes (<see cref="ImportChoices.Columns"/>).
/// Dates are year-month-day (an ISO timestamp with an offset is taken as that instant) or day/month/year
/// ("31/12/2024", "31.12.2024"); month-first dates are not guessed. Times without an offset are local
/// in the chosen zone; a row with no time is at noon.
/// </summary>
public sealed class GenericCsvReader : IImportReader
{
    /// <summary>Our fields a column can be mapped to; date and pain are required.</summary>
    public static readonly IReadOnlyList<string> Fields = ["date", "time", "pain", "location", "notes"];

    private static readonly string[] Required = ["date", "pain"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd-MM-yyyy"];
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "dd/MM/yyyy HH:mm", "dd.MM.yyyy HH:mm"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "h:mm tt", "h:mmtt", "h:mm:ss tt"];

    public string Format => ImportFormats.GenericCsv;
    public string DisplayName => "Another diary (CSV with a column mapping)";

    /// <summary>Any text file named .csv: tried after every named format.</summary>
    public bool Recognises(ReadOnlySpan<byte> head, string fileName) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !head.Contains((byte)0);

    /// <summary>The header of a CSV, for the mapping step.</summary>
    public static IReadOnlyList<string> Headers(Stream stream)
    {
        var (csv, _) = CsvText.Open(stream, literalNewlines: false);
        if (csv is null)
        {
            return [];
        }
        using (csv)
        {
            return [.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetName)];
        }
    }

    public ImportSet Read(Stream stream, ImportChoices choices, CancellationToken ct = default)
    {
        var b = new ImportBuilder(Format, choices);
        if (b.Stop)
        {
            return b.Set;
        }
        string[] header = [];
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        CsvText.ReadRows(stream, literalNewlines: false, b, names =>
        {
            header = names;
            var map = choices.Columns ?? new Dictionary<string, string>();
            foreach (var (field, column) in map)
            {
                if (!Fields.Contains(field, StringComparer.Ordinal))
                {
                    b.Error("mapping", field, $"\"{ImportBuilder.Short(field)}\" is not a field to map: use {string.Join(", ", Fields)}.");
                    continue;
                }
                if (string.IsNullOrWhiteSpace(column))
                {
                    continue;
                }
                var at = Array.FindIndex(header, h => string.Equals(h.Trim(), column.Trim(), StringComparison.OrdinalIgnoreCase));
                if (at < 0)
                {
                    b.Error("row 1", column, $"Unknown column \"{ImportBuilder.Short(column)}\" (mapped to {field}): the file's columns are {ImportBuilder.Short(string.Join(", ", header))}.");
                    continue;
                }
                ordinals[field] = at;
            }
            foreach (var required in Required.Where(f => !ordinals.ContainsKey(f) && !map.ContainsKey(f)))
            {
                b.Error("mapping", required, $"Choose the column that holds the {required} (the file's columns are {ImportBuilder.Short(string.Join(", ", header))}).");
            }
            return b.Set.Errors.Count == 0;
        }, (csv, where) =>
        {
            if (csv.RowFieldCount < header.Length)
            {
                b.Error(where, null, $"The row has {csv.RowFieldCount} columns where the header has {header.Length}: the file is damaged or cut short.");
                return;
            }
            string? Cell(string field) => ordinals.TryGetValue(field, out var i) ? csv.GetString(i).Trim() : null;
            var errors = b.Set.Errors.Count;
            var when = When(b, Cell("date")!, Cell("time"), where, header[ordinals["date"]], ordinals.TryGetValue("time", out var ti) ? header[ti] : null);
            var painColumn = header[ordinals["pain"]];
            var pain = b.Pain(Cell("pain"), where, painColumn);
            var notes = b.Notes(Cell("notes"), where, ordinals.TryGetValue("notes", out var ni) ? header[ni] : "notes");
            if (b.Set.Errors.Count > errors || when is null || pain is null)
            {
                return;
            }
            var location = Cell("location");
            var key = b.Key(Cell("date"), Cell("time"), Cell("pain"), location, Cell("notes"));
            b.AddCheckIn(key, where, when.Value, pain.Value, LocationMapper.Map(location), PainQuality.None, notes, location);
        }, ct);
        return b.Finish();
    }

    private static DateTime? When(ImportBuilder b, string date, string? time, string where, string dateColumn, string? timeColumn)
    {
        if (date.Length >= 16 && date[10] == 'T' && (date.EndsWith('Z') || date[^6] is '+' or '-')
            && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant.UtcDateTime;
        }
        if (DateTime.TryParseExact(date, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return b.Utc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        }
        if (!DateOnly.TryParseExact(date, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            b.Error(where, dateColumn, $"\"{ImportBuilder.Short(date)}\" is not a date: write year-month-day (2024-02-28) or day/month/year (28/02/2024).");
            return null;
        }
        if (string.IsNullOrEmpty(time))
        {
            return b.Utc(day, new TimeOnly(12, 0));
        }
        if (!TimeOnly.TryParseExact(time, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            b.Error(where, timeColumn, $"\"{ImportBuilder.Short(time)}\" is not a time (hours:minutes, such as 21:30 or 9:30 PM).");
            return null;
        }
        return b.Utc(day, clock);
    }
}

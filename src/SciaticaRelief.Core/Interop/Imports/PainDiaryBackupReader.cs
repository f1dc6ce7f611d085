using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>
/// Privacy Friendly Pain Diary backups (IMPORT-FORMATS.md): a <c>.backup</c> JSON envelope, or a zip
/// of envelopes. An encrypted backup is refused (OpenPGP; we do not ask for its key). A zip is read
/// with bounds on its entries and on the bytes it expands to, counted as they are read (the sizes
/// a zip claims can lie). Diary entries are date-only: each becomes an entry at noon in the chosen zone.
/// </summary>
public sealed class PainDiaryBackupReader(LabelMaximums labels) : IImportReader
{
    public const string PackageName = "org.secuso.privacyfriendlypaindiary";
    public const int MaxZipEntries = 100;

    public string Format => ImportFormats.PrivacyFriendlyPainDiary;
    public string DisplayName => "Privacy Friendly Pain Diary (backup)";

    public bool Recognises(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return true;
        }
        var text = Encoding.UTF8.GetString(head);
        return text.Contains(PackageName, StringComparison.Ordinal) && text.Contains("\"packageName\"", StringComparison.Ordinal);
    }

    private static readonly string[] Conditions = ["very bad", "bad", "okay", "good", "very good"];

    public ImportSet Read(Stream stream, ImportChoices choices, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var b = new ImportBuilder(Format, choices);
        if (b.Stop)
        {
            return b.Set;
        }
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        var head = buffer.Length >= 4 ? buffer.GetBuffer().AsSpan(0, 4) : [];
        if (head.SequenceEqual("PK\u0003\u0004"u8))
        {
            Zip(b, buffer, ct);
        }
        else
        {
            Envelope(b, buffer, "file", ct);
        }
        return b.Finish();
    }

    private void Zip(ImportBuilder b, Stream stream, CancellationToken ct)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            b.Error("file", null, "The zip file is damaged or cut short.");
            return;
        }
        using (zip)
        {
            if (zip.Entries.Count > MaxZipEntries)
            {
                b.Error("file", null, $"The zip holds {zip.Entries.Count} files; a backup holds at most {MaxZipEntries}.");
                return;
            }
            var budget = ImportLimits.MaxBytes;
            var found = false;
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                ct.ThrowIfCancellationRequested();
                using var content = new MemoryStream();
                try
                {
                    using var input = entry.Open();
                    var chunk = new byte[81920];
                    int read;
                    while ((read = input.Read(chunk)) > 0)
                    {
                        budget -= read;
                        if (budget < 0)
                        {
                            b.Error(entry.FullName, null, $"The zip expands to more than {ImportLimits.MaxBytes / (1024 * 1024)} MB: it is refused (a backup is far smaller).");
                            return;
                        }
                        content.Write(chunk, 0, read);
                    }
                }
                catch (InvalidDataException)
                {
                    b.Error(entry.FullName, null, "This file in the zip is damaged or cut short.");
                    return;
                }
                content.Position = 0;
                found |= Envelope(b, content, entry.FullName, ct, inZip: true);
                if (b.Stop)
                {
                    return;
                }
            }
            if (!found && b.Set.Errors.Count == 0)
            {
                b.Error("file", null, "The zip holds no Privacy Friendly Pain Diary backup.");
            }
        }
    }

    /// <returns>True when this was a Pain Diary backup.</returns>
    private bool Envelope(ImportBuilder b, Stream stream, string where, CancellationToken ct, bool inZip = false)
    {
        using var doc = JsonBits.Parse(stream, b, "Privacy Friendly backup");
        if (doc is null)
        {
            return false;
        }
        var root = doc.RootElement;
        var package = root.Str("packageName");
        if (package is null || root.Prop("data") is null)
        {
            b.Error(where, null, "This is not a Privacy Friendly backup: it has no \"packageName\" and \"data\".");
            return false;
        }
        if (package != PackageName)
        {
            if (inZip)
            {
                b.Skip(where, "a backup of another Privacy Friendly app");
                return false;
            }
            b.Error(where, "packageName", $"This backup is of another app ({ImportBuilder.Short(package)}), not the Pain Diary.");
            return false;
        }
        if (root.Prop("encrypted") is { ValueKind: JsonValueKind.True })
        {
            b.Error(where, "encrypted", "This backup is encrypted (OpenPGP) and cannot be read here. In the Privacy Friendly Backup app, make a backup without encryption and import that file.");
            return true;
        }
        var data = root.Prop("data")!.Value;
        JsonDocument? inner = null;
        try
        {
            inner = data.ValueKind == JsonValueKind.String ? JsonDocument.Parse(data.GetString()!, JsonBits.Options) : JsonDocument.Parse(data.GetRawText(), JsonBits.Options);
        }
        catch (JsonException)
        {
            b.Error(where, "data", "The backup's data is not readable JSON: the backup is damaged.");
            return true;
        }
        using (inner)
        {
            Database(b, inner.RootElement, ct);
        }
        return true;
    }

    private void Database(ImportBuilder b, JsonElement root, CancellationToken ct)
    {
        var tables = new Dictionary<string, List<JsonElement>>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in root.Prop("database")?.Array("content") ?? [])
        {
            var name = table.Str("tableName") ?? "";
            if (name is "sqlite_sequence" or "room_master_table" or "android_metadata")
            {
                continue;
            }
            tables[name] = [.. table.Array("values")];
        }
        if (!tables.TryGetValue("diaryentries", out var entries))
        {
            b.Error("database", null, "The backup has no diary entries table: it is not a Pain Diary backup or it is damaged.");
            return;
        }
        var descriptions = ById(tables.GetValueOrDefault("paindescriptions") ?? []);
        var drugs = ById(tables.GetValueOrDefault("drugs") ?? []);
        var intakes = (tables.GetValueOrDefault("drugintakes") ?? []).ToLookup(i => i.Str("diaryEntry_id") ?? "");
        foreach (var entry in entries)
        {
            ct.ThrowIfCancellationRequested();
            if (b.Stop)
            {
                return;
            }
            var id = entry.Str("_id") ?? "";
            var dateText = entry.Str("date") ?? "";
            var where = $"diary entry {ImportBuilder.Short(id)}";
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                b.Error(where, "date", $"\"{ImportBuilder.Short(dateText)}\" is not a date (year-month-day).");
                continue;
            }
            var noon = b.Utc(date, new TimeOnly(12, 0));
            var description = descriptions.GetValueOrDefault(entry.Str("painDescription_id") ?? "");
            if (description.ValueKind != JsonValueKind.Object)
            {
                b.Skip(where, "a Pain Diary day with no pain recorded");
            }
            else
            {
                var pain = b.Pain(description.Str("painLevel"), where, "painLevel");
                var notes = b.Notes(entry.Str("notes"), where, "notes");
                if (pain is not null)
                {
                    var regions = description.Str("bodyRegions");
                    var (qualities, other) = PainWords.Qualities((description.Str("painQualities") ?? "").Split(','));
                    var extra = new List<string>();
                    if (entry.Number("condition") is { } c && c >= 0 && c < Conditions.Length)
                    {
                        extra.Add("condition " + Conditions[(int)c]);
                    }
                    if (description.Str("timesOfPain") is { Length: > 0 } times)
                    {
                        extra.Add("when: " + times.Replace(",", ", ", StringComparison.Ordinal));
                    }
                    extra.AddRange(other);
                    b.AddCheckIn(b.Key("entry", id, dateText), where, noon, pain.Value, LocationMapper.MapPainDiary(regions),
                        qualities, PainWords.WithExtra(notes, "Pain Diary", extra), regions is null ? null : "body regions " + regions);
                }
            }
            foreach (var intake in intakes[id])
            {
                var drug = drugs.GetValueOrDefault(intake.Str("drug_id") ?? "");
                var count = (decimal)((intake.Number("morning") ?? 0) + (intake.Number("noon") ?? 0) + (intake.Number("evening") ?? 0) + (intake.Number("night") ?? 0));
                var name = drug.ValueKind == JsonValueKind.Object ? drug.Str("name") : null;
                var dose = drug.ValueKind == JsonValueKind.Object ? drug.Str("dose") : null;
                b.AddMedicine(b.Key("intake", id, dateText, intake.Str("drug_id")), where, noon, MedicineText.Parse(name, dose, labels, count),
                    $"{name} ({dose}) × {count.ToString(CultureInfo.InvariantCulture)}", labels);
            }
        }
    }

    private static Dictionary<string, JsonElement> ById(List<JsonElement> rows) =>
        rows.Where(r => r.Str("_id") is not null).GroupBy(r => r.Str("_id")!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Interop.Imports;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.Imports;

/// <summary>What the Person chose for an import (API query or the page's form).</summary>
/// <param name="Format">A format id of <see cref="ImportFormats"/>, or null to detect it.</param>
/// <param name="TimeZone">The IANA zone of local or date-only times; null for the Person's own.</param>
/// <param name="Columns">Generic CSV: our field → the file's column.</param>
public sealed record ImportOptions(string? Format, string? TimeZone, bool TimesAreLocal, IReadOnlyDictionary<string, string>? Columns, bool Preview);

/// <summary>One row of the preview: what will be saved beside what the file said.</summary>
public sealed record PreviewRow(string Kind, DateTimeOffset At, int? Pain, string Regions, string? Original, string? Notes);

/// <summary>What a file gave, before anything is written.</summary>
/// <param name="Columns">A CSV's header (for the generic mapping step).</param>
public sealed record ImportPreview(string DisplayName, string TimeZone, int CheckIns, int Treatments, int Duplicates,
    IReadOnlyList<PreviewRow> Rows, IReadOnlyList<string> Columns);

/// <summary>An import's answer: the preview, and once written, the outcome; or the errors that refused it.</summary>
public sealed record ImportAnswer(string Format, ImportPreview? Preview, ImportOutcome? Outcome, IReadOnlyList<SkipReason> SkipReasons, int Skipped, IReadOnlyList<ImportError> Errors);

/// <summary>The upload is larger than <see cref="ImportLimits.MaxBytes"/>.</summary>
public sealed class ImportTooLargeException() : Exception($"The file is larger than {ImportLimits.MaxBytes / (1024 * 1024)} MB.");

/// <summary>
/// Runs an import for the signed-in Person: bounds the upload, picks the reader (named or detected),
/// parses with the Person's choices, previews, and writes through <see cref="ImportWriter"/>.
/// </summary>
public sealed class ImportService(IEnumerable<IImportReader> readers, ImportWriter writer, PersonContext person, ReliefDbContext db)
{
    public const int PreviewRows = 20;
    private const int HeadBytes = 4096;

    public IReadOnlyList<IImportReader> Readers { get; } = Ordered(readers);

    /// <summary>Named formats first, the generic CSV last: it would take any .csv.</summary>
    public static IReadOnlyList<IImportReader> Ordered(IEnumerable<IImportReader> readers) =>
        [.. readers.OrderBy(r => r.Format == ImportFormats.GenericCsv ? 1 : 0)];

    /// <summary>Copies the upload into memory, refusing it once it passes the bound.</summary>
    public static async Task<byte[]> BoundedAsync(Stream upload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > ImportLimits.MaxBytes)
            {
                throw new ImportTooLargeException();
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public IImportReader? Detect(ReadOnlySpan<byte> file, string fileName)
    {
        var head = file[..Math.Min(file.Length, HeadBytes)];
        foreach (var reader in Readers)
        {
            if (reader.Recognises(head, fileName))
            {
                return reader;
            }
        }
        return null;
    }

    public async Task<ImportAnswer> RunAsync(byte[] file, string fileName, ImportOptions options, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        IImportReader? reader;
        if (string.IsNullOrWhiteSpace(options.Format))
        {
            reader = Detect(file, fileName);
            if (reader is null)
            {
                return Refused(options.Format ?? "", new ImportError("file", null,
                    "The file's format was not recognised. Choose it, or for another diary's CSV choose \"Another diary (CSV)\" and map its columns."));
            }
        }
        else
        {
            reader = Readers.FirstOrDefault(r => r.Format == options.Format);
            if (reader is null)
            {
                return Refused(options.Format, new ImportError("format", null, $"Unknown format \"{options.Format}\": use {string.Join(", ", Readers.Select(r => r.Format))}."));
            }
        }
        var zoneId = string.IsNullOrWhiteSpace(options.TimeZone) ? (await person.ProfileAsync(ct)).TimeZoneId : options.TimeZone.Trim();
        if (!LocalTime.TryFindZone(zoneId, out var zone))
        {
            return Refused(reader.Format, new ImportError("timeZone", null, $"\"{ImportBuilderText.Short(zoneId)}\" is not a known time zone: use an IANA id such as Europe/London."));
        }
        var set = reader.Read(new MemoryStream(file, writable: false), new ImportChoices(zoneId, options.TimesAreLocal, options.Columns), ct);
        if (set.Errors.Count > 0)
        {
            return Refused(reader.Format, [.. set.Errors], reader.Format == ImportFormats.GenericCsv ? Preview(reader, zoneId, zone, set, 0, file) : null);
        }
        var skips = set.Skipped.GroupBy(s => s.Reason).Select(g => new SkipReason(g.Key, g.Count())).OrderByDescending(r => r.Count).ToList();
        var keys = set.CheckIns.Select(c => c.SourceKey).Concat(set.Treatments.Select(t => t.SourceKey)).ToList();
        var duplicates = await CountKnownAsync(keys, ct);
        var preview = Preview(reader, zoneId, zone, set, duplicates, file);
        if (options.Preview)
        {
            return new ImportAnswer(reader.Format, preview, null, skips, set.Skipped.Count, []);
        }
        var outcome = await writer.WriteAsync(set, reader.Format, fileName, progress, ct);
        return new ImportAnswer(reader.Format, preview, outcome, outcome.SkipReasons, outcome.Skipped, []);
    }

    private async Task<int> CountKnownAsync(List<string> keys, CancellationToken ct)
    {
        var count = 0;
        foreach (var chunk in keys.Chunk(500))
        {
            count += await db.ImportedRecords.CountAsync(r => chunk.Contains(r.SourceKey), ct);
        }
        return count;
    }

    private static ImportAnswer Refused(string format, params ImportError[] errors) => Refused(format, errors, null);

    private static ImportAnswer Refused(string format, IReadOnlyList<ImportError> errors, ImportPreview? preview) =>
        new(format, preview, null, [], 0, errors);

    private static ImportPreview Preview(IImportReader reader, string zoneId, TimeZoneInfo zone, ImportSet set, int duplicates, byte[] file)
    {
        DateTimeOffset Local(DateTime utc) => new(LocalTime.ToLocal(utc, zone), zone.GetUtcOffset(utc));
        var rows = set.CheckIns.Take(PreviewRows).Select(c => new PreviewRow("check-in", Local(c.Row.OccurredAtUtc), c.Row.PainNow,
                LocationMapper.Describe(BodyMap.FromBits(c.Row.BodyAreas)), c.Original, c.Row.Notes))
            .Concat(set.Treatments.Take(PreviewRows).Select(t => new PreviewRow("treatment", Local(t.Row.StartedAtUtc), null,
                t.Row.ModalityId + (t.Row.Doses.Count > 0 ? " " + string.Join(", ", t.Row.Doses.Select(d => $"{d.Ingredient} {d.Milligrams.ToString(CultureInfo.InvariantCulture)} mg")) : ""),
                t.Original, t.Row.Notes)))
            .OrderBy(r => r.At).Take(PreviewRows).ToList();
        IReadOnlyList<string> columns = reader.Format == ImportFormats.GenericCsv ? GenericCsvReader.Headers(new MemoryStream(file, writable: false)) : [];
        return new ImportPreview(reader.DisplayName, zoneId, set.CheckIns.Count, set.Treatments.Count, duplicates, rows, columns);
    }
}

/// <summary>Shortening of quoted file text in messages, as the readers do.</summary>
internal static class ImportBuilderText
{
    public static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

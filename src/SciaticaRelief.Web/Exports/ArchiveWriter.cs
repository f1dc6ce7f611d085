using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Interop.Csv;

namespace SciaticaRelief.Web.Exports;

/// <summary>
/// Writes tables into a zip as it goes: per table a CSV (RFC 4180, UTF-8, text cells neutralised by
/// <see cref="SpreadsheetCells"/>) and a JSON array with the same columns. Columns are the row type's
/// stored properties in declaration order. Times are ISO 8601 with the offset of the row's own zone
/// (its TimeZoneId or ZoneId column), or of the Person's zone, added as a TimeZoneId column, for
/// tables that have none. The zip is built into a small buffer that goes to the response after
/// each table (and every few hundred rows): ZipArchive still writes its headers synchronously, which
/// the response body refuses, and a buffer keeps memory to about one table's compressed size.
/// </summary>
public sealed class ArchiveWriter : IAsyncDisposable
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";
    private const int RowsPerFlush = 500;
    private static readonly JsonSerializerOptions Nested = new(JsonSerializerDefaults.Web);

    private readonly ZipArchive _zip;
    private readonly PendingBytes _pending;
    private readonly Stream _target;
    private readonly TimeZoneInfo _personZone;
    private readonly DateTimeOffset _at;

    private ArchiveWriter(ZipArchive zip, PendingBytes pending, Stream target, TimeZoneInfo personZone, DateTimeOffset at) =>
        (_zip, _pending, _target, _personZone, _at) = (zip, pending, target, personZone, at);

    public static async Task<ArchiveWriter> CreateAsync(Stream stream, TimeZoneInfo personZone, DateTimeOffset at, CancellationToken ct)
    {
        var pending = new PendingBytes();
        return new(await ZipArchive.CreateAsync(pending, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct), pending, stream, personZone, at);
    }

    public async Task AddAsync<T>(string table, IQueryable<T> query, CancellationToken ct) where T : class
    {
        var rows = await query.ToListAsync(ct);
        var columns = Columns<T>.All;
        var zoneProperty = Columns<T>.Zone;
        var names = zoneProperty is null ? [.. columns.Select(c => c.Name), "TimeZoneId"] : columns.Select(c => c.Name).ToList();

        // The entry is closed by its own DisposeAsync, after the writer has flushed into it.
        await using (var entry = await Entry(table + ".csv", ct))
        await using (var csv = new StreamWriter(entry, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true))
        {
            await csv.WriteAsync(string.Join(',', names.Select(Quote)) + "\r\n");
            for (var i = 0; i < rows.Count; i++)
            {
                var zone = ZoneOf(rows[i], zoneProperty, out var zoneId);
                var cells = columns.Select(c => Quote(CsvCell(c.GetValue(rows[i]), zone)));
                await csv.WriteAsync(string.Join(',', zoneProperty is null ? cells.Append(Quote(SpreadsheetCells.Neutralise(zoneId))) : cells) + "\r\n");
                if ((i + 1) % RowsPerFlush == 0)
                {
                    await csv.FlushAsync(ct);
                    await _pending.DrainAsync(_target, ct);
                }
            }
            await csv.FlushAsync(ct);
        }

        await _pending.DrainAsync(_target, ct);
        await using (var json = await Entry(table + ".json", ct))
        {
            await WriteJsonAsync(json, rows, columns, zoneProperty, ct);
        }
        await _pending.DrainAsync(_target, ct);
    }

    private async Task WriteJsonAsync<T>(Stream json, List<T> rows, IReadOnlyList<PropertyInfo> columns, PropertyInfo? zoneProperty, CancellationToken ct) where T : class
    {
        await using var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = true });
        writer.WriteStartArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var zone = ZoneOf(rows[i], zoneProperty, out var zoneId);
            writer.WriteStartObject();
            foreach (var c in columns)
            {
                writer.WritePropertyName(c.Name);
                JsonValue(writer, c.GetValue(rows[i]), zone);
            }
            if (zoneProperty is null)
            {
                writer.WriteString("TimeZoneId", zoneId);
            }
            writer.WriteEndObject();
            if ((i + 1) % RowsPerFlush == 0)
            {
                await writer.FlushAsync(ct);
                await _pending.DrainAsync(_target, ct);
            }
        }
        writer.WriteEndArray();
        await writer.FlushAsync(ct);
    }

    private async Task<Stream> Entry(string name, CancellationToken ct)
    {
        var entry = _zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = _at;
        return await entry.OpenAsync(ct);
    }

    /// <summary>Writes the zip's central directory and sends what is left.</summary>
    public async ValueTask DisposeAsync()
    {
        await _zip.DisposeAsync();
        await _pending.DrainAsync(_target, CancellationToken.None);
        await _pending.DisposeAsync();
    }

    private TimeZoneInfo ZoneOf(object row, PropertyInfo? zoneProperty, out string zoneId)
    {
        if (zoneProperty?.GetValue(row) is string id && Core.Time.LocalTime.TryFindZone(id, out var zone))
        {
            zoneId = id;
            return zone;
        }
        zoneId = _personZone.Id;
        return _personZone;
    }

    /// <summary>An instant at the zone's offset. Stored times are UTC whatever their Kind says.</summary>
    public static string Time(DateTime utc, TimeZoneInfo zone)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return at.ToOffset(zone.GetUtcOffset(at)).ToString(TimeFormat, CultureInfo.InvariantCulture);
    }

    private static string CsvCell(object? value, TimeZoneInfo zone) => value switch
    {
        null => "",
        string s => SpreadsheetCells.Neutralise(s),
        DateTime d => Time(d, zone),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Guid g => g.ToString("D"),
        Enum e => SpreadsheetCells.Neutralise(e.ToString().Replace(", ", "|", StringComparison.Ordinal)),
        // Numbers come from numeric columns only: written as numbers, a negative one stays a number.
        int or long or double or decimal or float => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        _ => SpreadsheetCells.Neutralise(JsonSerializer.Serialize(value, value.GetType(), Nested)),
    };

    private static void JsonValue(Utf8JsonWriter writer, object? value, TimeZoneInfo zone)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case DateTime d:
                writer.WriteStringValue(Time(d, zone));
                break;
            case DateOnly d:
                writer.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TimeOnly t:
                writer.WriteStringValue(t.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case Guid g:
                writer.WriteStringValue(g.ToString("D"));
                break;
            case Enum e:
                writer.WriteStringValue(e.ToString().Replace(", ", "|", StringComparison.Ordinal));
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double f:
                writer.WriteNumberValue(f);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType(), Nested);
                break;
        }
    }

    /// <summary>RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.</summary>
    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    /// <summary>The stored columns of a row type: readable and writable properties, in declaration order.</summary>
    private static class Columns<T>
    {
        public static IReadOnlyList<PropertyInfo> All { get; } =
            [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)];

        public static PropertyInfo? Zone { get; } = All.FirstOrDefault(p => p.Name is "TimeZoneId" or "ZoneId" && p.PropertyType == typeof(string));
    }

    /// <summary>A write-only, unseekable stream that keeps what is written until it is drained to the real target.</summary>
    private sealed class PendingBytes : Stream
    {
        private readonly MemoryStream _buffer = new();
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _written;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _buffer.Write(buffer, offset, count);
            _written += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _buffer.Write(buffer);
            _written += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task DrainAsync(Stream target, CancellationToken ct)
        {
            if (_buffer.Length == 0)
            {
                return;
            }
            await target.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), ct);
            await target.FlushAsync(ct);
            _buffer.SetLength(0);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _buffer.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

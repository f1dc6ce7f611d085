using System.Text;
using Sylvan.Data.Csv;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>
/// The text of a CSV file on its way to Sylvan's parser: notes whether the file ends inside a quoted
/// field (a truncated file), and for CrisisCore turns the two characters <c>\n</c> that join its rows
/// into real newlines, outside quotes only (inside a quoted note they are the note's own text).
/// </summary>
internal sealed class CsvText(TextReader inner, bool literalNewlines) : TextReader
{
    private bool _inQuotes;
    private bool _pendingBackslash;

    /// <summary>True when the file ended inside a quoted field: it was cut short.</summary>
    public bool EndedInsideQuotes => _inQuotes;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }
        var written = 0;
        if (_pendingBackslash)
        {
            // A backslash ended the last chunk; what follows decides what it was.
            var next = inner.Peek();
            _pendingBackslash = false;
            if (next == 'n')
            {
                inner.Read();
                buffer[written++] = '\n';
            }
            else
            {
                buffer[written++] = '\\';
            }
        }
        var room = buffer.Length - written;
        if (room == 0)
        {
            return written;
        }
        var read = inner.Read(buffer.Slice(written, room));
        if (read == 0 && written == 0)
        {
            return 0;
        }
        var span = buffer.Slice(written, read);
        var output = written;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '"')
            {
                _inQuotes = !_inQuotes;
            }
            else if (literalNewlines && c == '\\' && !_inQuotes)
            {
                if (i + 1 < span.Length)
                {
                    if (span[i + 1] == 'n')
                    {
                        buffer[output++] = '\n';
                        i++;
                        continue;
                    }
                }
                else
                {
                    _pendingBackslash = true;
                    continue;
                }
            }
            buffer[output++] = c;
        }
        if (output == 0 && read > 0)
        {
            // Only a pending backslash was read: go on to resolve it.
            return Read(buffer);
        }
        return output;
    }

    public override int Peek() => -1;

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    /// <summary>
    /// The loop of every CSV reader: opens <paramref name="stream"/>, gives the header's names to
    /// <paramref name="header"/> (false when it has recorded why it refuses the file: no row is read), then
    /// each row with its place ("row 2": the header is row 1) to <paramref name="row"/>, until the file ends
    /// or the builder stops; a malformed row ends the read with an error naming it, and a file that ends
    /// inside quotes is reported as cut short.
    /// </summary>
    public static void ReadRows(Stream stream, bool literalNewlines, ImportBuilder b, Func<string[], bool> header, Action<CsvDataReader, string> row, CancellationToken ct)
    {
        var (csv, text) = Open(stream, literalNewlines);
        if (csv is null)
        {
            b.Error("row 1", null, "The file is empty or its first line is not a CSV header.");
            return;
        }
        using (csv)
        {
            if (!header(Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray()))
            {
                return;
            }
            var n = 1;
            while (text.Next(csv, b, n + 1))
            {
                ct.ThrowIfCancellationRequested();
                n++;
                if (b.Stop)
                {
                    break;
                }
                row(csv, "row " + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            if (text.EndedInsideQuotes && b.Set.Errors.Count == 0)
            {
                b.Error($"row {n}", null, "The file ends inside a quoted field: it was cut short. Export it again.");
            }
        }
    }

    /// <summary>The next record; false at the end or at a malformed one (recorded as an error naming the row).</summary>
    private bool Next(CsvDataReader csv, ImportBuilder b, int row)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvRecordTooLargeException)
        {
            b.Error($"row {row}", null, "The row is longer than 1 MB: the file is damaged or not the format chosen.");
        }
        catch (CsvFormatException)
        {
            b.Error($"row {row}", null, EndedInsideQuotes
                ? "The file ends inside a quoted field: it was cut short. Export it again."
                : "The row is not valid CSV (a quote in the wrong place): the file is damaged or not the format chosen.");
        }
        return false;
    }

    /// <summary>A Sylvan reader over a UTF-8 (BOM or none) file, comma-delimited, headers case-insensitive.</summary>
    public static (CsvDataReader? Reader, CsvText Text) Open(Stream stream, bool literalNewlines)
    {
        var text = new CsvText(new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true), literalNewlines);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = true,
            Delimiter = ',',
            HeaderComparer = StringComparer.OrdinalIgnoreCase,
            BufferSize = 1 << 16,
            MaxBufferSize = 1 << 20,
            OwnsReader = true,
        };
        try
        {
            return (CsvDataReader.Create(text, options), text);
        }
        catch (CsvFormatException)
        {
            text.Dispose();
            return (null, text);
        }
    }
}

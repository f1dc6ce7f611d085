namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>
/// The choices a format leaves open, made by the Person in the preview step.
/// </summary>
/// <param name="TimeZoneId">The IANA zone of local or date-only times in the file (the Person's own zone by default).</param>
/// <param name="TimesAreLocal">Old CrisisCore files (before September 2025) wrote local time, not UTC.</param>
/// <param name="Columns">Generic CSV: our field name ("date", "time", "pain", "location", "notes") → the file's column header.</param>
public sealed record ImportChoices(string TimeZoneId, bool TimesAreLocal = false, IReadOnlyDictionary<string, string>? Columns = null);

/// <summary>
/// Reads one format into an <see cref="ImportSet"/>, without writing anything. Faults go to
/// <see cref="ImportSet.Errors"/> naming the row and column; a reader throws only on cancellation.
/// Readers are registered in DI and picked by <see cref="Format"/>.
/// </summary>
public interface IImportReader
{
    /// <summary>The id in <see cref="ImportFormats"/>.</summary>
    string Format { get; }

    /// <summary>The name a Person knows the source by ("CrisisCore PainTracker CSV").</summary>
    string DisplayName { get; }

    /// <summary>Whether the start of a file looks like this format (for detecting the format of an upload).</summary>
    bool Recognises(ReadOnlySpan<byte> head, string fileName);

    /// <param name="stream">The file, already bounded to <see cref="ImportLimits.MaxBytes"/> by the caller.</param>
    ImportSet Read(Stream stream, ImportChoices choices, CancellationToken ct = default);
}

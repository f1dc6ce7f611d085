namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>One import a Person ran: what was read, and the report they were shown. A health row.</summary>
public sealed class ImportBatch
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }

    /// <summary>The format id (<see cref="ImportFormats"/>).</summary>
    public string Format { get; set; } = "";

    /// <summary>The file's name as uploaded (no path).</summary>
    public string FileName { get; set; } = "";

    public DateTime ImportedAtUtc { get; set; }
    public int Imported { get; set; }

    /// <summary>Rows already here from an earlier import (same source key) and so not added again.</summary>
    public int Duplicates { get; set; }

    /// <summary>Rows the format left out on purpose (<see cref="ImportSet.Skipped"/>).</summary>
    public int Skipped { get; set; }

    /// <summary>The reasons for skips, grouped with counts, as shown in the report.</summary>
    public string SkipSummary { get; set; } = "";
}

/// <summary>
/// A row that came from an import: the key that makes a re-import skip it, and the original text
/// it was mapped from. A health row.
/// </summary>
public sealed class ImportedRecord
{
    public Guid PersonId { get; set; }

    /// <summary><see cref="SourceKeys.For"/> of the row.</summary>
    public string SourceKey { get; set; } = "";

    public Guid BatchId { get; set; }

    /// <summary>The table the row went to ("CheckIn", "Treatment", ...).</summary>
    public string TargetType { get; set; } = "";

    public Guid TargetId { get; set; }

    /// <summary>The text the row was mapped from, kept as it was (a free-text location, a Bearable detail).</summary>
    public string? Original { get; set; }
}

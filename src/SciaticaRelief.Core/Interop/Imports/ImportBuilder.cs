using System.Globalization;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>
/// What every reader shares: the error list bounded to <see cref="ImportLimits.MaxErrors"/>, the row
/// bound, the chosen zone, and rows built the same way (ids from source keys, radiation from the body map).
/// </summary>
internal sealed class ImportBuilder
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    /// <summary>Characters a note keeps as they are: all but the control characters other than newline and tab.</summary>
    private static readonly System.Buffers.SearchValues<char> PlainText = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(c => !char.IsControl(c) || c is '\n' or '\t')]);

    public ImportBuilder(string format, ImportChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        Format = format;
        Choices = choices;
        if (LocalTime.TryFindZone(choices.TimeZoneId, out var zone))
        {
            Zone = zone;
            ZoneId = choices.TimeZoneId;
        }
        else
        {
            Zone = TimeZoneInfo.Utc;
            ZoneId = "UTC";
            Error("file", null, $"\"{choices.TimeZoneId}\" is not a known time zone: choose one such as Europe/London.");
        }
    }

    public string Format { get; }
    public ImportChoices Choices { get; }
    public ImportSet Set { get; } = new();
    public TimeZoneInfo Zone { get; }
    public string ZoneId { get; }

    /// <summary>True once the error list is full or the row bound is passed: the reader may stop.</summary>
    public bool Stop => Set.Errors.Count >= ImportLimits.MaxErrors || _overflow;

    private bool _overflow;

    public void Error(string where, string? column, string message)
    {
        if (Set.Errors.Count < ImportLimits.MaxErrors)
        {
            Set.Errors.Add(new ImportError(where, column, message));
        }
    }

    public void Skip(string where, string reason)
    {
        if (!CheckRows(where))
        {
            return;
        }
        Set.Skipped.Add(new ImportSkip(where, reason));
    }

    /// <summary>False (with an error) once the file holds more rows than an import takes.</summary>
    public bool CheckRows(string where)
    {
        if (_overflow)
        {
            return false;
        }
        if (Set.RowCount + Set.Skipped.Count >= ImportLimits.MaxRows)
        {
            _overflow = true;
            Error(where, null, $"The file has more than {ImportLimits.MaxRows.ToString("N0", CultureInfo.InvariantCulture)} rows; an import takes at most that many. Split it into smaller files.");
            return false;
        }
        return true;
    }

    /// <summary>
    /// False when this key was already taken in this file (the same item repeated, as CrisisCore
    /// repeats recent treatments in every entry): the repeat is dropped without a count.
    /// </summary>
    public bool FirstTime(string key) => _keys.Add(key);

    public string Key(params ReadOnlySpan<string?> parts) => SourceKeys.For(Format, parts);

    /// <summary>A local wall time in the chosen zone to UTC; gaps move forward, overlaps take the first (as <see cref="LocalTime"/>).</summary>
    public DateTime Utc(DateOnly date, TimeOnly time) => LocalTime.ToUtc(date.ToDateTime(time), Zone).Utc;

    /// <summary>Free text cleaned as the forms clean it; an error when it is too long.</summary>
    public string? Notes(string? text, string where, string column)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        // Most notes hold no control characters: only those that do are copied.
        var cleaned = text.AsSpan().ContainsAnyExcept(PlainText)
            ? new string([.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Where(PlainText.Contains)]).Trim()
            : text.Trim();
        if (cleaned.Length > TextRules.NotesMaxLength)
        {
            Error(where, column, $"The note has {cleaned.Length} characters; a note holds at most {TextRules.NotesMaxLength}.");
            return null;
        }
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>A whole number 0–10 as text ("7"); "7,5", "7.5" and "ten" are errors naming the row and column.</summary>
    public int? Pain(string? text, string where, string column, int max = 10)
    {
        var t = text?.Trim() ?? "";
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= max)
        {
            return v;
        }
        Error(where, column, t.Length == 0 ? $"The pain score is missing: a whole number from 0 to {max}." : $"\"{Short(t)}\" is not a whole number from 0 to {max}.");
        return null;
    }

    public ImportedRow<CheckIn>? AddCheckIn(string key, string where, DateTime utc, int pain, IReadOnlyList<BodyArea> areas,
        PainQuality qualities, string? notes, string? original, Trigger triggers = Trigger.None)
    {
        if (utc < Journal.CheckInValidator.Earliest)
        {
            Error(where, null, "The entry is dated before 2000: check the date column.");
            return null;
        }
        if (!FirstTime(key) || !CheckRows(where))
        {
            return null;
        }
        var bits = BodyMap.ToBits(areas);
        var row = new CheckIn
        {
            Id = SourceKeys.RowId(key),
            OccurredAtUtc = DateTime.SpecifyKind(utc, DateTimeKind.Utc),
            TimeZoneId = ZoneId,
            PainNow = Math.Clamp(pain, 0, 10),
            BodyAreas = bits,
            Radiation = BodyMap.RadiationOf(bits),
            Qualities = qualities,
            Triggers = triggers,
            Notes = notes,
            Version = 1,
        };
        row.StampLocalDate();
        var imported = new ImportedRow<CheckIn>(key, row, string.IsNullOrWhiteSpace(original) ? null : original);
        Set.CheckIns.Add(imported);
        return imported;
    }

    public void AddTreatment(string key, string where, Treatment row, string? original)
    {
        if (!FirstTime(key) || !CheckRows(where))
        {
            return;
        }
        row.Id = SourceKeys.RowId(key);
        row.StartedAtUtc = DateTime.SpecifyKind(row.StartedAtUtc, DateTimeKind.Utc);
        row.TimeZoneId = ZoneId;
        row.Version = 1;
        Set.Treatments.Add(new ImportedRow<Treatment>(key, row, string.IsNullOrWhiteSpace(original) ? null : original));
    }

    /// <summary>A medicine the label data knows, with an amount in milligrams: a medicine Treatment; otherwise a skip with the reason.</summary>
    public void AddMedicine(string key, string where, DateTime utc, MedicineText.Parsed? medicine, string original, LabelMaximums labels)
    {
        if (medicine is null)
        {
            Skip(where, "a medicine the over-the-counter list does not know, or with no amount in mg");
            return;
        }
        var ingredient = labels.Find(medicine.Ingredient);
        if (ingredient is null)
        {
            Skip(where, "a medicine the over-the-counter list does not know, or with no amount in mg");
            return;
        }
        AddTreatment(key, where, new Treatment
        {
            StartedAtUtc = utc,
            ModalityId = "over-the-counter-medicine",
            Kind = TreatmentKind.Medicine,
            Doses = [new MedicineDose(ingredient.Id, medicine.Product, medicine.Milligrams)],
        }, original);
    }

    public static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public ImportSet Finish()
    {
        if (Set.Errors.Count == 0 && Set.RowCount == 0 && Set.Skipped.Count == 0)
        {
            Error("file", null, "The file holds no entries.");
        }
        return Set;
    }
}

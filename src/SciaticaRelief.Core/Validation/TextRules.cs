namespace SciaticaRelief.Core.Validation;

/// <summary>Free text limits shared by every form: notes are shown as text, never run.</summary>
public static class TextRules
{
    public const int NotesMaxLength = 4000;

    /// <summary>
    /// Checks free text. NUL and other C0 controls except tab and newlines are refused: PostgreSQL
    /// rejects NUL in text, and they have no place in a note.
    /// </summary>
    public static string? Clean(string? text, string field, string label, int maxLength, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (normalised.Length > maxLength)
        {
            errors.Add(field, $"{label} can be at most {maxLength} characters (this has {normalised.Length}).");
            return null;
        }
        if (normalised.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            errors.Add(field, $"{label} contains control characters; remove them and try again.");
            return null;
        }
        return normalised;
    }
}

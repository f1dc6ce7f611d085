using System.Globalization;

namespace SciaticaRelief.Web.Components;

/// <summary>
/// Reads a posted form by field name. Pages read the form themselves rather than through model
/// binding, so repeated fields (checkbox lists) and bad numbers get our own clear messages.
/// </summary>
public sealed class FormReader(IFormCollection form)
{
    public string? Text(string name)
    {
        var v = form[name].ToString();
        return string.IsNullOrEmpty(v) ? null : v;
    }

    public IReadOnlyList<string> All(string name) => [.. form[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];

    public bool Checked(string name) => form[name].Any(v => v is "on" or "true" or "1");

    /// <summary>An integer, null when empty; <paramref name="bad"/> is set when the text is not a whole number.</summary>
    public int? Int(string name, out bool bad)
    {
        bad = false;
        var text = Text(name)?.Trim();
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }
        bad = true;
        return null;
    }

    public double? Number(string name, out bool bad)
    {
        bad = false;
        var text = Text(name)?.Trim();
        if (text is null)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            return v;
        }
        bad = true;
        return null;
    }

    /// <summary>A datetime-local value (yyyy-MM-ddTHH:mm[:ss]).</summary>
    public DateTime? LocalDateTime(string name, out bool bad)
    {
        bad = false;
        var text = Text(name)?.Trim();
        if (text is null)
        {
            return null;
        }
        string[] formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFF"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var v))
        {
            return v;
        }
        bad = true;
        return null;
    }
}

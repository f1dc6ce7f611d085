namespace SciaticaRelief.Core.Interop.Csv;

/// <summary>
/// Guards a CSV export against formula injection (OWASP "CSV Injection"): a text cell that starts
/// with =, +, -, @, a tab or a carriage return is taken by Excel, LibreOffice and Google Sheets as a
/// formula (or a hidden one), so it is prefixed with an apostrophe, which they show as text.
/// </summary>
/// <remarks>
/// Decided: only text cells are neutralised. Numbers are written by the exporter from numeric
/// columns (pain 0–10, a medicine's milligrams, a score), never from text, so a negative number
/// such as -3 stays a number a spreadsheet can sum; the text "-3 after the walk" in a note gets the
/// apostrophe like any other text. The JSON files of the same export are not
/// neutralised: no spreadsheet evaluates them, and they keep the text exactly.
/// </remarks>
public static class SpreadsheetCells
{
    /// <summary>The first characters that make a spreadsheet read a cell as a formula.</summary>
    public static IReadOnlyList<char> Triggers { get; } = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        return Triggers.Contains(text[0]) ? "'" + text : text;
    }

}

using System.Globalization;
using System.Text.RegularExpressions;

namespace SciaticaRelief.Core.Treatments;

/// <summary>
/// A dose as typed: a number of milligrams, with or without "mg" ("500", "500 mg", "1,000mg").
/// Any other unit is refused with a message that says why, because a dose in grams or millilitres
/// would make the daily-maximum check wrong by a factor of a thousand or more.
/// </summary>
public static partial class DoseAmount
{
    /// <summary>Larger than any over-the-counter dose by far; above it the unit is surely wrong.</summary>
    public const decimal MaxMilligrams = 100_000m;

    public static bool TryParse(string? text, out decimal milligrams, out string error)
    {
        milligrams = 0;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Enter the dose in milligrams (mg), such as 200 mg.";
            return false;
        }
        var match = Dose().Match(text.Trim());
        if (!match.Success)
        {
            error = $"\"{Shorten(text)}\" is not a dose: enter a number of milligrams, such as 200 mg.";
            return false;
        }
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        switch (unit)
        {
            case "" or "mg" or "milligram" or "milligrams":
                break;
            case "g" or "gram" or "grams" or "gm":
                error = $"\"{Shorten(text)}\" is in grams: doses are recorded in milligrams (mg). 1 g is 1,000 mg; check the package.";
                return false;
            case "ml" or "millilitre" or "millilitres" or "milliliter" or "milliliters" or "l" or "cc" or "tsp" or "teaspoon" or "teaspoons":
                error = $"\"{Shorten(text)}\" is a volume: doses are recorded in milligrams (mg) of the ingredient. The package says how many mg are in each 5 ml.";
                return false;
            case "mcg" or "µg" or "μg" or "ug" or "microgram" or "micrograms":
                error = $"\"{Shorten(text)}\" is in micrograms: doses are recorded in milligrams (mg). 1,000 micrograms is 1 mg.";
                return false;
            case "tablet" or "tablets" or "tab" or "tabs" or "capsule" or "capsules" or "caps" or "pill" or "pills" or "sachet" or "sachets":
                error = $"\"{Shorten(text)}\" counts tablets: record the milligrams (mg) of the ingredient instead; the package says how many mg are in each.";
                return false;
            default:
                error = $"\"{Shorten(text)}\": unknown unit \"{match.Groups["unit"].Value}\". Doses are recorded in milligrams (mg).";
                return false;
        }
        var number = match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            error = $"\"{Shorten(text)}\" is not a dose: enter a number of milligrams, such as 200 mg.";
            return false;
        }
        if (value <= 0)
        {
            error = "A dose must be more than 0 mg.";
            return false;
        }
        if (value > MaxMilligrams)
        {
            error = $"{LabelMaximums.Format(value)} in one dose is not possible for an over-the-counter medicine: check the number and the unit.";
            return false;
        }
        milligrams = value;
        return true;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text.Trim();

    // Thousands separators only in groups of three ("1,000"); a decimal comma ("2,5") is refused.
    [GeneratedRegex(@"^(?<number>(\d{1,3}(,\d{3})+|\d+)(\.\d{1,3})?)\s*(?<unit>[^\d\s.,]*)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dose();
}

using System.Globalization;
using System.Text.RegularExpressions;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>
/// Finds an over-the-counter ingredient and an amount in milligrams in a diary's free-text medicine
/// ("Ibuprofen", "400mg"; "Paracetamol 500 mg tablets"). Anything else is not guessed: the caller skips it.
/// </summary>
public static partial class MedicineText
{
    /// <param name="Ingredient">The ingredient id in the label data.</param>
    /// <param name="Product">The name as the diary wrote it.</param>
    public sealed record Parsed(string Ingredient, string Product, decimal Milligrams);

    public static Parsed? Parse(string? name, string? dose, LabelMaximums labels, decimal count = 1)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var ingredient = labels.Find(name) ?? Words().Matches(name).Select(m => labels.Find(m.Value)).FirstOrDefault(i => i is not null);
        if (ingredient is null)
        {
            return null;
        }
        var amount = Milligrams().Match((dose ?? "") + " " + name);
        if (!amount.Success || !decimal.TryParse(amount.Groups[1].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var mg) || mg <= 0 || count <= 0)
        {
            return null;
        }
        return new Parsed(ingredient.Id, name.Trim(), mg * count);
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z-]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"(\d+(?:[.,]\d+)?)\s*mg\b", RegexOptions.IgnoreCase)]
    private static partial Regex Milligrams();
}

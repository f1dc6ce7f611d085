using System.Globalization;
using SciaticaRelief.Core.Time;

namespace SciaticaRelief.Core.Treatments;

/// <summary>One ingredient taken at one time, from one logged medicine Treatment.</summary>
public sealed record DoseTaken(Guid TreatmentId, DateTime AtUtc, string Ingredient, string? Product, decimal Milligrams)
{
    public static IEnumerable<DoseTaken> Of(Treatment t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t.Doses.Select(d => new DoseTaken(t.Id, t.StartedAtUtc, d.Ingredient, d.Product, d.Milligrams));
    }
}

/// <summary>
/// Over-the-counter medicine against the label's daily maximum (CLINICAL.md section 7). Each
/// ingredient is summed over the 24 hours up to the dose being logged, across every medicine
/// Treatment, so the paracetamol in a cold remedy counts with the paracetamol tablets. Above the
/// maximum for the Person's region it warns, naming the products that added up, the maximum and
/// its source; exactly at the maximum it does not. It never advises a dose.
/// </summary>
public static class MedicineCheck
{
    public const string OverMaximumRule = "MEDICINE-OVER-LABEL-MAXIMUM";
    public const string SeveralProductsRule = "MEDICINE-SAME-INGREDIENT";
    public const string UnknownIngredientRule = "MEDICINE-NO-LABEL-DATA";

    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <param name="atUtc">When the dose being checked was taken.</param>
    /// <param name="doses">Every dose the Person logged (this one included); those outside (at − 24 h, at] are ignored.</param>
    /// <param name="regionCode">The Profile's region.</param>
    /// <param name="zone">For the times in the message.</param>
    /// <param name="ingredients">The ingredients of the dose being checked: only these are reported.</param>
    public static IReadOnlyList<TreatmentWarning> Check(DateTime atUtc, IEnumerable<DoseTaken> doses, IEnumerable<string> ingredients,
        LabelMaximums labels, string? regionCode, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(doses);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(zone);
        var start = atUtc - Window;
        var inWindow = doses.Where(d => d.AtUtc > start && d.AtUtc <= atUtc).ToList();
        var warnings = new List<TreatmentWarning>();
        foreach (var id in ingredients.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var ingredient = labels.Find(id);
            if (ingredient is null)
            {
                warnings.Add(new TreatmentWarning(UnknownIngredientRule, WarningLevel.Caution,
                    $"There is no label maximum for \"{id}\" in this app's data, so this dose could not be checked. Follow the package label, or ask a pharmacist.",
                    "content/medicines/label-maximums.yaml"));
                continue;
            }
            var taken = inWindow.Where(d => labels.Find(d.Ingredient) == ingredient).OrderBy(d => d.AtUtc).ToList();
            var total = taken.Sum(d => d.Milligrams);
            var products = taken.Select(d => d.Product ?? "").Distinct(StringComparer.OrdinalIgnoreCase).Count();
            var max = LabelMaximums.Resolve(ingredient, regionCode);
            var detail = string.Join("; ", taken.Select(d => Describe(d, zone)));
            if (total > max.Milligrams)
            {
                warnings.Add(new TreatmentWarning(OverMaximumRule, WarningLevel.Warning,
                    string.Create(CultureInfo.InvariantCulture,
                        $"In the 24 hours up to this dose you recorded {LabelMaximums.Format(total)} of {ingredient.Name.ToLowerInvariant()} ({detail}). That is more than the label maximum of {LabelMaximums.Format(max.Milligrams)} in 24 hours{RegionText(max)}. Taking more than the label says can harm you even if you feel well: ask a pharmacist or your doctor now, and call your emergency number if you feel unwell."),
                    SourceText(max)));
            }
            else if (products > 1)
            {
                warnings.Add(new TreatmentWarning(SeveralProductsRule, WarningLevel.Info,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{ingredient.Name} came from {products} products in the 24 hours up to this dose ({detail}): they count together, {LabelMaximums.Format(total)} in all. Check the ingredients of every product you take."),
                    SourceText(max)));
            }
        }
        return warnings;
    }

    private static string Describe(DoseTaken d, TimeZoneInfo zone)
    {
        var local = LocalTime.ToLocal(d.AtUtc, zone);
        var product = string.IsNullOrWhiteSpace(d.Product) ? "product not named" : d.Product;
        return string.Create(CultureInfo.InvariantCulture, $"{product}: {LabelMaximums.Format(d.Milligrams)} at {local:HH:mm} on {local:ddd d MMM}");
    }

    private static string RegionText(ResolvedMaximum max) => max.IsFallback
        ? $" (the strictest label in this app's data, from {max.Maximum.Region}: there is no value for your country{(max.RegionNote is null ? "" : "; " + max.RegionNote)})"
        : $" on {max.Maximum.Region} labels";

    private static string SourceText(ResolvedMaximum max) =>
        max.Maximum.Source + (max.Maximum.NeedsReview ? " [U: label value awaiting clinical review; check the label of the product you have]" : "");
}

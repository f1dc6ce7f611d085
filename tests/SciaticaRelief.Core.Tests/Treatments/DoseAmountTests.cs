using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Tests.Treatments;

public sealed class DoseAmountTests
{
    [Theory]
    [InlineData("500", 500, "a bare number is milligrams: the field says mg")]
    [InlineData("500 mg", 500, "the usual way to write it")]
    [InlineData("500mg", 500, "no space")]
    [InlineData("200 MG", 200, "units ignore case")]
    [InlineData("1,000 mg", 1000, "thousands separator in groups of three")]
    [InlineData("62.5 mg", 62.5, "a decimal point (half a tablet of 125 mg)")]
    [InlineData(" 220 milligrams ", 220, "the unit spelled out, with spaces around")]
    public void TryParse_Milligrams_GivesTheAmount(string text, double expected, string why)
    {
        Assert.True(DoseAmount.TryParse(text, out var mg, out var error), why + ": " + error);
        Assert.Equal((decimal)expected, mg);
    }

    [Theory]
    [InlineData("500 g", "grams", "grams would be a thousand times the dose in the maximum check")]
    [InlineData("0.5 g", "grams", "a correct amount in grams is still refused: one unit only")]
    [InlineData("5 ml", "volume", "a volume of syrup is not an amount of ingredient")]
    [InlineData("10 mL", "volume", "millilitres in any case")]
    [InlineData("500 mcg", "micrograms", "micrograms would be a thousandth")]
    [InlineData("2 tablets", "counts tablets", "tablets do not say how many mg")]
    [InlineData("500 kg", "unknown unit", "a unit nobody means")]
    [InlineData("2,5 mg", "not a dose", "a decimal comma is ambiguous with a thousands separator")]
    [InlineData("five hundred", "not a dose", "words")]
    [InlineData("-200 mg", "not a dose", "a negative amount")]
    [InlineData("0 mg", "more than 0", "nothing taken is not a dose")]
    [InlineData("200000 mg", "not possible", "200 g in one dose: surely a wrong unit or a typo")]
    [InlineData("", "Enter the dose", "empty")]
    [InlineData(null, "Enter the dose", "missing")]
    public void TryParse_NotMilligrams_IsAClearError(string? text, string expected, string why)
    {
        Assert.False(DoseAmount.TryParse(text, out _, out var error), why);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}

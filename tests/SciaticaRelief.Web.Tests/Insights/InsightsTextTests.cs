using System.Globalization;
using Microsoft.Extensions.Localization;
using SciaticaRelief.Core.Insights;
using SciaticaRelief.Web.Insights;

namespace SciaticaRelief.Web.Tests.Insights;

public sealed class InsightsTextTests
{
    /// <summary>The English text itself, as the app's localizer gives it without a resource file.</summary>
    private sealed class English : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static readonly English L = new();

    private static Estimate Shown(int n, double mean, double low, double high) => new(n, mean, 1, 2.5, low, high);

    [Fact]
    public void NextDay_And_Compared_ReadAsTheExample()
    {
        var nextDay = InsightsText.NextDay(L, "Swedish massage", Shown(6, -1.2, -2.0, -0.4));
        var compared = InsightsText.Compared(L, new UntreatedComparison(6, 9, -1.2, -0.5, Shown(6, -0.7, -1.5, -0.2)));

        Assert.Equal("On days you had Swedish massage, your pain the next day was on average 1.2 points lower (95% interval: 0.4 to 2.0 points lower; 6 days).", nextDay);
        Assert.Equal("On days without it that started as bad, it was 0.5 points lower (9 such days). Set against those days, your pain the next day was on average 0.7 points lower (95% interval: 0.2 to 1.5 points lower).", compared);
    }

    public static TheoryData<double, double, double, string, string> Intervals { get; } = new()
    {
        { -1.2, -2.0, -0.4, "1.2 points lower", "0.4 to 2.0 points lower" },
        { 0.8, 0.3, 1.3, "0.8 points higher", "0.3 to 1.3 points higher" },
        { -0.7, -1.63, 0.21, "0.7 points lower", "from 1.6 points lower to 0.2 higher" },
        { 0.02, -0.5, 0.54, "no different", "from 0.5 points lower to 0.5 higher" },
    };

    [Theory]
    [MemberData(nameof(Intervals))]
    public void ChangeAndInterval_ToldAsLowerOrHigher(double mean, double low, double high, string change, string interval)
    {
        Assert.Equal(change, InsightsText.Change(L, mean));
        Assert.Equal(interval, InsightsText.Interval(L, low, high));
    }

    [Fact]
    public void Compared_IntervalIncludesZero_SaysItMayBeChance()
    {
        var text = InsightsText.Compared(L, new UntreatedComparison(7, 8, -1.86, -1.14, Shown(7, -0.71, -1.63, 0.21)));

        Assert.EndsWith("The interval includes no difference, so this may be chance.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TreatmentSentences_NeverClaimCause()
    {
        // Every shape of sentence about a treatment: shown and not shown, lower, higher, crossing zero.
        var estimates = new[] { Shown(8, -2.13, -2.95, -1.3), Shown(5, 1.1, 0.2, 2.0), Shown(7, -0.71, -1.63, 0.21), new Estimate(4, null, null, null, null, null) };
        var sentences = estimates.SelectMany(e => new[]
        {
            InsightsText.Immediate(L, "Swedish massage", e),
            InsightsText.NextDay(L, "Swedish massage", e),
            InsightsText.Compared(L, new UntreatedComparison(e.N, 6, e.Mean, -0.5, e)),
            InsightsText.Responders(L, new ResponderShare(3, e.N)),
        }).ToList();
        string[] causal = ["reduce", "help", "cause", "because", "work", "effective", "relieve", "improve", "lower your", "makes"];

        foreach (var sentence in sentences)
        {
            var hit = causal.FirstOrDefault(w => sentence.Contains(w, StringComparison.OrdinalIgnoreCase));
            Assert.True(hit is null, $"\"{sentence}\" uses \"{hit}\"");
        }
    }

    [Fact]
    public void ModalityName_FromTheCatalogueId()
    {
        Assert.Equal("Swedish massage", InsightsText.ModalityName(L, "swedish-massage"));
        Assert.Equal("Heat", InsightsText.ModalityName(L, "heat"));
    }
}

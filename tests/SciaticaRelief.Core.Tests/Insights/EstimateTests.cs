using SciaticaRelief.Core.Insights;

namespace SciaticaRelief.Core.Tests.Insights;

public sealed class EstimateTests
{
    [Fact]
    public void Of_FourValues_CountOnly()
    {
        // n = 4 < 5: the page says "not enough data yet: 4 of 5".
        var estimate = Estimate.Of([-1.0, -2, -3, -4]);

        Assert.Equal(4, estimate.N);
        Assert.False(estimate.Shown);
        Assert.Null(estimate.Mean);
        Assert.Null(estimate.StandardDeviation);
        Assert.Null(estimate.TQuantile);
        Assert.Null(estimate.Low);
        Assert.Null(estimate.High);
    }

    [Fact]
    public void Of_FiveValues_MeanAndTInterval()
    {
        // −1, −2, −3, −4, −5: mean −3; Σd² = 4 + 1 + 0 + 1 + 4 = 10; s = √(10 / 4) = 1.581.
        // t(0.975, 4 df) = 2.776; s / √5 = 0.707107; half = 2.776445 × 0.707107 = 1.963.
        // interval −3 ± 1.963 = −4.963 to −1.037.
        var estimate = Estimate.Of([-1.0, -2, -3, -4, -5]);

        Assert.True(estimate.Shown);
        Assert.Equal(-3, estimate.Mean);
        Assert.Equal(1.58, estimate.StandardDeviation);
        Assert.Equal(2.776, estimate.TQuantile);
        Assert.Equal(-4.96, estimate.Low);
        Assert.Equal(-1.04, estimate.High);
    }

    [Fact]
    public void Of_AllEqual_ZeroWidthInterval()
    {
        // Five identical changes: s = 0, so the interval is the mean itself (no division by zero).
        var estimate = Estimate.Of([-2.0, -2, -2, -2, -2]);

        Assert.Equal(0, estimate.StandardDeviation);
        Assert.Equal(-2, estimate.Low);
        Assert.Equal(-2, estimate.High);
    }
}

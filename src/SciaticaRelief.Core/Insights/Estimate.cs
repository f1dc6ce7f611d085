using MathNet.Numerics.Distributions;

namespace SciaticaRelief.Core.Insights;

/// <summary>
/// A mean with its 95% t-interval, or only the count while there are too few values to show one.
/// </summary>
/// <remarks>
/// Contract: for n values x₁…xₙ, <see cref="Mean"/> = Σx / n; <see cref="StandardDeviation"/> is
/// the sample standard deviation s = √(Σ(x − mean)² / (n − 1)); <see cref="TQuantile"/> is the
/// 0.975 quantile of Student's t with n − 1 degrees of freedom (MathNet.Numerics
/// <c>StudentT.InvCDF(0, 1, n − 1, 0.975)</c>); the interval is mean ± t · s / √n. Every figure is
/// null below <see cref="MinimumN"/> values (the page says "not enough data yet: N of 5"). Mean,
/// SD and the interval's ends are rounded to 2 decimals, the quantile to 3, after computing with
/// the exact values (away from zero at a half).
/// </remarks>
/// <param name="N">How many values there were.</param>
public sealed record Estimate(int N, double? Mean, double? StandardDeviation, double? TQuantile, double? Low, double? High)
{
    /// <summary>The fewest values from which a mean and its interval are shown.</summary>
    public const int MinimumN = 5;

    /// <summary>The confidence level of the interval.</summary>
    public const double Level = 0.95;

    public static Estimate Empty { get; } = new(0, null, null, null, null, null);

    /// <summary>True when there are enough values to show the mean and its interval.</summary>
    public bool Shown => N >= MinimumN;

    public static Estimate Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        if (n < MinimumN)
        {
            return new Estimate(n, null, null, null, null, null);
        }
        var mean = values.Sum() / n;
        var sd = Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        var t = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - Level) / 2);
        var half = t * sd / Math.Sqrt(n);
        return new Estimate(n, Round(mean), Round(sd), Math.Round(t, 3, MidpointRounding.AwayFromZero), Round(mean - half), Round(mean + half));
    }

    internal static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

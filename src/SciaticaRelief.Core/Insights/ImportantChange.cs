namespace SciaticaRelief.Core.Insights;

/// <summary>
/// The clinically important change of the 0–10 pain rating: a fall of 2 points, or of 30% of the
/// value before (Farrar et al., Pain 2001;94:149–58; CLINICAL.md section 2).
/// </summary>
/// <remarks>
/// Contract: with fall = before − after, the change is reached when fall ≥ 2, or when fall &gt; 0
/// and fall ≥ 0.3 × before. A before of 0 can never reach it (there is nothing to fall from), and a
/// rise never does. Values may be daily means (4.333…), so the comparisons allow for binary
/// rounding (1e-9): an exact 30% fall such as 5 → 3.5 counts.
/// </remarks>
public static class ImportantChange
{
    public const double Points = 2;
    public const double Fraction = 0.30;
    private const double Tolerance = 1e-9;

    public static bool Reached(double before, double after)
    {
        var fall = before - after;
        return fall >= Points - Tolerance || (fall > Tolerance && fall >= Fraction * before - Tolerance);
    }
}

/// <summary>How many of a modality's observations reached the clinically important change.</summary>
/// <param name="Responders">Observations that reached it (see <see cref="ImportantChange"/>).</param>
/// <param name="N">Observations with a before and an after value.</param>
public sealed record ResponderShare(int Responders, int N)
{
    /// <summary>Responders ÷ N, to 3 decimals; null below <see cref="Estimate.MinimumN"/> observations.</summary>
    public double? Share => N >= Estimate.MinimumN ? Math.Round((double)Responders / N, 3, MidpointRounding.AwayFromZero) : null;

    public static ResponderShare Of(IEnumerable<(double Before, double After)> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        int n = 0, responders = 0;
        foreach (var (before, after) in observations)
        {
            n++;
            if (ImportantChange.Reached(before, after))
            {
                responders++;
            }
        }
        return new ResponderShare(responders, n);
    }
}

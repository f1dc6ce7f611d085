using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Safety;

namespace SciaticaRelief.Core.PointCharts;

/// <summary>A point left out for this Person, and why: the rule's reason and its source.</summary>
public sealed record HiddenPoint(AcuPoint Point, string Reason, string Source = "");

/// <summary>A point shown to this Person, with its verdict (allowed, or offered with precautions).</summary>
public sealed record ChartPoint(AcuPoint Point, SafetyVerdict Safety)
{
    public IReadOnlyList<Precaution> Precautions => [.. Safety.Cautions.Select(c => c.ToPrecaution())];
}

/// <summary>
/// Points filtered by a Person's health conditions (<see cref="CareSafety.ForPoint"/>): the ones
/// shown, in the content's order, and the ones hidden with their reasons. When the whole modality
/// is refused (<paramref name="Modality"/>), every point is hidden with the modality's reason.
/// </summary>
/// <param name="Modality">The verdict of the modality the points are for (ear seeds), or null for the plain charts.</param>
public sealed record PointChart(IReadOnlyList<ChartPoint> Shown, IReadOnlyList<HiddenPoint> Hidden, SafetyVerdict? Modality = null)
{
    /// <summary>The precautions of the modality, shown once above the points.</summary>
    public IReadOnlyList<Precaution> Precautions => Modality is null ? [] : [.. Modality.Cautions.Select(c => c.ToPrecaution())];

    public static PointChart Of(IEnumerable<AcuPoint> points, HealthCondition conditions, SafetyVerdict? modality = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var shown = new List<ChartPoint>();
        var hidden = new List<HiddenPoint>();
        var modalityRefusal = modality?.Refusal;
        foreach (var point in points)
        {
            if (modalityRefusal is not null)
            {
                hidden.Add(new HiddenPoint(point, modalityRefusal.Reason, modalityRefusal.Source));
                continue;
            }
            var verdict = CareSafety.ForPoint(point, conditions);
            if (verdict.Refusal is { } refusal)
            {
                hidden.Add(new HiddenPoint(point, refusal.Reason, refusal.Source));
            }
            else
            {
                shown.Add(new ChartPoint(point, verdict));
            }
        }
        return new PointChart(shown, hidden, modality);
    }
}

using Microsoft.Extensions.Localization;
using SciaticaRelief.Core.Insights;

namespace SciaticaRelief.Web.Insights;

/// <summary>One line of the forest plot: a modality's measure with its estimate.</summary>
/// <param name="Label">The modality's name.</param>
/// <param name="Measure">"right after", "next day" or "next day, against days without it".</param>
/// <param name="Comparison">The row is a treated-minus-untreated difference (drawn as a diamond).</param>
public sealed record ForestRow(string Label, string Measure, Estimate Estimate, bool Comparison = false);

/// <summary>One bar of the responder chart.</summary>
public sealed record ShareRow(string Label, string Measure, ResponderShare Share);

/// <summary>Turns the report's modalities into the rows the charts draw.</summary>
public static class ChartRows
{
    public static IReadOnlyList<ForestRow> Forest(IStringLocalizer l, IEnumerable<ModalityEffect> modalities, Core.Modalities.ModalityCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(modalities);
        var rows = new List<ForestRow>();
        foreach (var m in modalities)
        {
            var name = InsightsText.ModalityName(l, m.ModalityId, catalog);
            rows.Add(new ForestRow(name, l["right after"], m.Immediate));
            rows.Add(new ForestRow(name, l["next day"], m.NextDay));
            rows.Add(new ForestRow(name, l["next day, set against days without it"], m.ComparedWithUntreated.Shown
                ? m.ComparedWithUntreated.Difference
                : m.ComparedWithUntreated.Difference with { N = Math.Min(m.ComparedWithUntreated.Treated, m.ComparedWithUntreated.UntreatedDays) }, Comparison: true));
        }
        return rows;
    }

    public static IReadOnlyList<ShareRow> Responders(IStringLocalizer l, IEnumerable<ModalityEffect> modalities, Core.Modalities.ModalityCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(modalities);
        return [.. modalities.SelectMany(m => new[]
        {
            new ShareRow(InsightsText.ModalityName(l, m.ModalityId, catalog), l["right after"], m.ImmediateResponders),
            new ShareRow(InsightsText.ModalityName(l, m.ModalityId, catalog), l["next day"], m.NextDayResponders),
        })];
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using ScottPlot;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Reports;

namespace SciaticaRelief.Web.Reports;

/// <summary>
/// The report's charts as PNG (ScottPlot): the daily pain course with the worst pain, the average
/// pain given and the 7-day trend; and how far down the leg the pain reached each day. Dates are
/// written with the invariant culture; text is drawn with the shipped DejaVu Sans.
/// </summary>
public static class ReportCharts
{
    public const int Width = 1000;
    public const int Height = 380;

    public static byte[] Pain(IStringLocalizer l, DoctorReport report)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(report);
        ReportFonts.EnsureForCharts();
        var plot = NewPlot(report);
        var days = report.Pain.Days;
        if (days.Count > 0)
        {
            var xs = days.Select(d => X(d.Date)).ToArray();
            var worst = plot.Add.Scatter(xs, days.Select(d => (double)d.Worst).ToArray());
            worst.LegendText = l["Worst"];
            worst.Color = Color.FromHex("#c0392b");
            worst.LineWidth = 1;
            worst.MarkerSize = 4;
            worst.LinePattern = LinePattern.Dotted;
            var averaged = days.Where(d => d.Average is not null).ToList();
            if (averaged.Count > 0)
            {
                var average = plot.Add.Scatter(averaged.Select(d => X(d.Date)).ToArray(), averaged.Select(d => d.Average!.Value).ToArray());
                average.LegendText = l["Average given"];
                average.Color = Color.FromHex("#7f8c8d");
                average.LineWidth = 1;
                average.MarkerSize = 4;
            }
            var now = plot.Add.Scatter(xs, days.Select(d => d.Pain).ToArray());
            now.LegendText = l["Day's pain"];
            now.Color = Color.FromHex("#1f5f8b");
            now.LineWidth = 1.5f;
            now.MarkerSize = 5;
            var trend = plot.Add.Scatter(xs, days.Select(d => d.Trend).ToArray());
            trend.LegendText = l["7-day trend"];
            trend.Color = Color.FromHex("#111111");
            trend.LineWidth = 3;
            trend.MarkerSize = 0;
            plot.ShowLegend(Alignment.UpperRight, Orientation.Horizontal);
        }
        else
        {
            plot.Add.Annotation(l["No check-ins in this period."], Alignment.MiddleCenter);
        }
        plot.Title(l["Pain course (0–10)"], 16);
        plot.Axes.SetLimitsY(-0.3, 10.8);
        plot.Axes.Left.SetTicks([0, 2, 4, 6, 8, 10], ["0", "2", "4", "6", "8", "10"]);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    public static byte[] Radiation(IStringLocalizer l, DoctorReport report)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(report);
        ReportFonts.EnsureForCharts();
        var plot = NewPlot(report);
        var marked = report.Pain.Days.Where(d => d.Radiation != Core.Journal.Radiation.None).ToList();
        if (marked.Count > 0)
        {
            var reach = plot.Add.Scatter(marked.Select(d => X(d.Date)).ToArray(), marked.Select(d => (double)(int)d.Radiation).ToArray());
            reach.Color = Color.FromHex("#8e44ad");
            reach.LineWidth = 1.5f;
            reach.MarkerSize = 6;
        }
        else
        {
            plot.Add.Annotation(l["The body map was not filled in during this period."], Alignment.MiddleCenter);
        }
        plot.Title(l["How far down the leg, each day"], 16);
        plot.Axes.SetLimitsY(0.5, 5.5);
        var levels = new[] { Core.Journal.Radiation.Back, Core.Journal.Radiation.Buttock, Core.Journal.Radiation.Thigh, Core.Journal.Radiation.BelowKnee, Core.Journal.Radiation.Foot };
        plot.Axes.Left.SetTicks([.. levels.Select(r => (double)(int)r)], [.. levels.Select(r => Short(l, r))]);
        return plot.GetImageBytes(Width, Height * 3 / 4, ImageFormat.Png);
    }

    private static Plot NewPlot(DoctorReport report)
    {
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        var bottom = plot.Axes.DateTimeTicksBottom();
        if (bottom.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
        {
            automatic.LabelFormatter = d => d.ToString("d MMM", CultureInfo.InvariantCulture);
        }
        plot.Axes.SetLimitsX(X(report.From) - 0.5, X(report.To) + 0.5);
        return plot;
    }

    private static double X(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static string Short(IStringLocalizer l, Radiation r) => r switch
    {
        Core.Journal.Radiation.Back => l["back"],
        Core.Journal.Radiation.Buttock => l["buttock"],
        Core.Journal.Radiation.Thigh => l["thigh"],
        Core.Journal.Radiation.BelowKnee => l["below knee"],
        Core.Journal.Radiation.Foot => l["foot"],
        Core.Journal.Radiation.None => "",
    };
}

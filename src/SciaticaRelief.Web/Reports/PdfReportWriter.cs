using SciaticaRelief.Core.Profiles;
using System.Globalization;
using Microsoft.Extensions.Localization;
using SciaticaRelief.Core.Reports;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace SciaticaRelief.Web.Reports;

/// <summary>
/// Writes a <see cref="DoctorReport"/> as an A4 PDF (PdfPig) with DejaVu Sans embedded: a first page
/// a clinician reads in a minute (pain course, reach down the leg, red flags with dates, current
/// questionnaire scores with bands), then the treatments and their figures, medicines and the plan.
/// Long text wraps; pages are added as needed; every page carries its number and the reminder that
/// this is the Person's own record, not a diagnosis.
/// </summary>
public static class PdfReportWriter
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 50;
    private const double Bottom = 60;
    private const double ContentWidth = PageWidth - 2 * Margin;

    public static byte[] Write(IStringLocalizer l, DoctorReport report, Region region)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(report);
        var painChart = ReportCharts.Pain(l, report);
        var reachChart = ReportCharts.Radiation(l, report);

        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = ReportText.Title(l);
        builder.DocumentInformation.Producer = "Sciatica Relief";
        var layout = new Layout(builder, builder.AddTrueTypeFont(ReportFonts.Regular), builder.AddTrueTypeFont(ReportFonts.Bold));

        layout.Text(ReportText.Title(l), 18, bold: true);
        layout.Text(ReportText.Period(l, report), 10);
        layout.Text(ReportText.Generated(l, report), 9, grey: true);
        layout.Text(ReportText.Disclaimer(l), 8.5, grey: true);
        layout.Space(6);
        if (!report.HasData)
        {
            layout.Text(ReportText.NoData(l), 11, bold: true);
        }

        layout.Heading(l["Pain course"]);
        layout.Bullets(ReportText.Pain(l, report.Pain));
        layout.Image(painChart, ReportCharts.Width, ReportCharts.Height);

        layout.Heading(l["How far the pain radiates"]);
        layout.Bullets(ReportText.Radiation(l, report.Radiation));
        layout.Image(reachChart, ReportCharts.Width, ReportCharts.Height * 3 / 4);

        layout.Heading(l["Red flags"]);
        layout.Bullets(report.RedFlags.Count == 0 ? [ReportText.NoRedFlags(l)] : [.. report.RedFlags.Select(f => ReportText.RedFlag(l, f))]);

        layout.Heading(l["Questionnaire scores"]);
        layout.Bullets(report.Scores.Count == 0 ? [ReportText.NoScores(l)] : [.. report.Scores.Select(s => ReportText.Score(l, s))]);

        layout.NewPage();
        layout.Heading(l["Treatments tried and the pain around them"]);
        if (report.Treatments.Count == 0)
        {
            layout.Bullets([ReportText.NoTreatments(l)]);
        }
        else
        {
            layout.Text(ReportText.Caveat(l), 9, grey: true);
            foreach (var t in report.Treatments)
            {
                layout.Space(4);
                layout.Text(ReportText.TreatmentHeading(l, t), 10.5, bold: true);
                layout.Bullets(ReportText.TreatmentEffect(l, t));
            }
        }

        layout.Heading(l["Medicines"]);
        layout.Bullets(report.Medicines.Count == 0 ? [ReportText.NoMedicines(l)] : [.. report.Medicines.Select(m => ReportText.Medicine(l, m))]);

        layout.Heading(l["The plan"]);
        layout.Bullets(report.Plan.Count == 0 ? [ReportText.NoPlan(l)] : [.. report.Plan.Select(p => ReportText.PlanItem(l, p))]);

        layout.Space(6);
        layout.Text(ReportText.Emergency(l, region), 9.5, bold: true);
        layout.Footers(l);
        return builder.Build();
    }

    /// <summary>A cursor down the page that wraps text and starts a new page when the next block does not fit.</summary>
    private sealed class Layout(PdfDocumentBuilder builder, PdfDocumentBuilder.AddedFont regular, PdfDocumentBuilder.AddedFont boldFont)
    {
        private readonly List<PdfPageBuilder> _pages = [];
        private PdfPageBuilder? _page;
        private double _y;

        private PdfPageBuilder Page => _page ?? NewPage();

        public PdfPageBuilder NewPage()
        {
            _page = builder.AddPage(PageSize.A4);
            _pages.Add(_page);
            _y = PageHeight - Margin;
            return _page;
        }

        public void Space(double points) => _y -= points;

        public void Heading(string text)
        {
            // Keep a heading with at least a few lines of what follows.
            Ensure(60);
            Space(8);
            Text(text, 13, bold: true, blue: true);
            Space(2);
        }

        public void Bullets(IEnumerable<string> lines)
        {
            foreach (var line in lines)
            {
                Text(line, 10, indent: 12, bullet: true);
            }
        }

        public void Text(string text, double size, bool bold = false, bool grey = false, bool blue = false, double indent = 0, bool bullet = false)
        {
            var font = bold ? boldFont : regular;
            var width = ContentWidth - indent;
            var lines = Wrap(text, size, font, width);
            var leading = size * 1.35;
            for (var i = 0; i < lines.Count; i++)
            {
                Ensure(leading);
                _y -= leading;
                var page = Page;
                if (grey)
                {
                    page.SetTextAndFillColor(90, 90, 90);
                }
                else if (blue)
                {
                    page.SetTextAndFillColor(20, 60, 110);
                }
                if (bullet && i == 0)
                {
                    page.AddText("•", size, new PdfPoint(Margin + indent - 9, _y), regular);
                }
                page.AddText(lines[i], size, new PdfPoint(Margin + indent, _y), font);
                page.ResetColor();
            }
            _y -= size * 0.25;
        }

        public void Image(byte[] png, int pixelWidth, int pixelHeight)
        {
            var height = ContentWidth * pixelHeight / pixelWidth;
            Ensure(height + 6);
            _y -= height + 4;
            Page.AddPng(png, new PdfRectangle(Margin, _y, Margin + ContentWidth, _y + height));
            _y -= 4;
        }

        public void Footers(IStringLocalizer l)
        {
            for (var i = 0; i < _pages.Count; i++)
            {
                var page = _pages[i];
                page.SetTextAndFillColor(90, 90, 90);
                var text = string.Format(CultureInfo.InvariantCulture, l["The Person's own record, not a diagnosis · Page {0} of {1}"], i + 1, _pages.Count);
                page.AddText(text, 8, new PdfPoint(Margin, 30), regular);
                page.ResetColor();
            }
        }

        private void Ensure(double height)
        {
            if (_page is null || _y - height < Bottom)
            {
                NewPage();
            }
        }

        private List<string> Wrap(string text, double size, PdfDocumentBuilder.AddedFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (line.Length > 0 && Measure(candidate, size, font) > width)
                    {
                        lines.Add(line);
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }
                }
                lines.Add(line);
            }
            return lines;
        }

        private double Measure(string text, double size, PdfDocumentBuilder.AddedFont font)
        {
            var letters = Page.MeasureText(text, size, new PdfPoint(0, 0), font);
            return letters.Count == 0 ? 0 : letters.Max(x => x.EndBaseLine.X) - letters.Min(x => x.StartBaseLine.X);
        }
    }
}

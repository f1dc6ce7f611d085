using System.Reflection;

namespace SciaticaRelief.Web.Reports;

/// <summary>
/// DejaVu Sans regular and bold, shipped inside the app (Fonts/, with its licence): PdfPig embeds
/// them so every character prints (the standard-14 fonts know only WinAnsi), and ScottPlot draws
/// no text at all — and says nothing — when it finds no font, as on a server without fonts.
/// </summary>
public static class ReportFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<byte[]> RegularBytes = new(() => Read("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Read("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<bool> Registered = new(RegisterForCharts, LazyThreadSafetyMode.ExecutionAndPublication);

    public static byte[] Regular => RegularBytes.Value;
    public static byte[] Bold => BoldBytes.Value;

    /// <summary>Registers the fonts with ScottPlot once per process and makes them its default.</summary>
    public static void EnsureForCharts() => _ = Registered.Value;

    private static bool RegisterForCharts()
    {
        // ScottPlot takes fonts from files: write the embedded ones once to a folder of this process's own.
        var folder = Path.Combine(Path.GetTempPath(), "sciatica-relief-fonts-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var regular = Path.Combine(folder, "DejaVuSans.ttf");
        var bold = Path.Combine(folder, "DejaVuSans-Bold.ttf");
        File.WriteAllBytes(regular, Regular);
        File.WriteAllBytes(bold, Bold);
        ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
        ScottPlot.Fonts.Default = Family;
        return true;
    }

    private static byte[] Read(string file)
    {
        var name = "SciaticaRelief.Web.Reports.Fonts." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

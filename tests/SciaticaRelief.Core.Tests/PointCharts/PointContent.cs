using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Tests.Treatments;

namespace SciaticaRelief.Core.Tests.PointCharts;

/// <summary>The repository's own content/points, read once for the tests.</summary>
internal static class PointContent
{
    private static readonly Lazy<PointCatalog> LazyCatalog = new(() => PointCatalog.Load(Files()));

    public static PointCatalog Catalog => LazyCatalog.Value;

    public static IReadOnlyList<ContentFile> Files() =>
        [.. Directory.GetFiles(TreatmentContent.Folder("points"), "*.yaml").Select(f => new ContentFile("points/" + Path.GetFileName(f), File.ReadAllText(f)))];
}

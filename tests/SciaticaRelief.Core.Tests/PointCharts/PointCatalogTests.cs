using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Tests.PointCharts;

public sealed class PointCatalogTests
{
    private const string Pregnancy = "forbidden_in_pregnancy:\n  source: s\n  review: needed\n  ids: [li4, bl60]\n";

    private static string PointYaml(string id = "bl23", string chart = "{chart: back, x: 98, y: 52}", string extra = "", string mark = "P", string region = "low-back") =>
        $"  - id: {id}\n    code: BL23\n    name: Shenshu\n    where: Low back.\n    pressure: moderate\n    hold_seconds: [60, 180]\n" +
        $"    cautions: []\n    hidden_in_pregnancy: false\n    source: WHO 2008\n    mark: {mark}\n    chart: {chart}\n    region: {region}\n{extra}";

    private static ContentFile Body(string points, string rules = "") => new("points/body.yaml", "system: WHO 2008\ngroup: body\n" + rules + "points:\n" + points + Pregnancy);

    private const string ClotRule = "contraindications:\n  - condition: suspected-clot\n    action: avoid\n    where: the leg\n    areas: [thigh, calf, foot]\n    reason: Could loosen a clot.\n    source: Batavia 2004\n";

    [Fact]
    public void RepositoryContent_Loads_AndListsExactlyTheIdsOfThePointsContract()
    {
        // Points.cs holds the stored ids; the content describes them. Neither may gain or lose one.
        var catalog = PointContent.Catalog;

        Assert.Equal(Points.Body.Select(p => p.Id), catalog.Body.Select(p => p.Id));
        Assert.Equal(Points.Ear.Select(p => p.Id), catalog.Ear.Select(p => p.Id));
        Assert.Equal(Points.Body.Select(p => p.Name), catalog.Body.Select(p => p.Label));
        Assert.Equal(Points.Ear.Select(p => p.Name), catalog.Ear.Select(p => p.Label));
    }

    [Fact]
    public void RepositoryContent_EarPointsFollowOneLabelledSystem_AndUFactsNeedReview()
    {
        var catalog = PointContent.Catalog;

        Assert.All(catalog.Ear, p => Assert.Contains("GB/T 13734-2008", p.System, StringComparison.Ordinal));
        Assert.All(catalog.Ear, p => Assert.Equal(ChartKind.Ear, p.Position.Chart));
        Assert.All(catalog.All.Where(p => p.Mark == "U"), p => Assert.True(p.NeedsReview, p.Id));
        Assert.Equal(["sciatic-nerve", "buttocks", "lumbosacral"], catalog.All.Where(p => p.NeedsReview).Select(p => p.Id));
    }

    [Fact]
    public void RepositoryContent_PregnancyListIsData_AndBl60IsHidden()
    {
        var catalog = PointContent.Catalog;

        Assert.Equal(["li4", "sp6", "bl60", "bl67", "gb21", "bl31", "bl32", "bl33", "bl34"], catalog.Pregnancy.Ids);
        Assert.True(catalog.Pregnancy.NeedsReview);
        Assert.Equal(["bl60"], catalog.All.Where(p => p.HiddenInPregnancy).Select(p => p.Id));
        Assert.Equal(["bl60"], catalog.ForConditions(HealthCondition.Pregnancy).Hidden.Select(h => h.Point.Id));
        Assert.Equal(PointPressure.Light, catalog.Find("bl40")!.Pressure);
    }

    [Fact]
    public void RepositoryContent_DermatomesMapOntoBodyMapRegions_AndNeedReview()
    {
        var d = PointContent.Catalog.Dermatomes;

        Assert.Equal(["L4", "L5", "S1"], d.Select(x => x.Root));
        Assert.All(d, x => Assert.True(x.NeedsReview));
        Assert.Equal([BodyRegion.Thigh, BodyRegion.Calf, BodyRegion.Foot], d[0].Regions);
    }

    [Fact]
    public void Read_GoodFile_GivesThePointWithItsChartPosition()
    {
        var (catalog, errors) = PointCatalog.Read([Body(PointYaml())]);

        Assert.Empty(errors);
        var p = Assert.Single(catalog!.All);
        Assert.Equal(("bl23", "BL23 Shenshu", PointPressure.Moderate, 60, 180), (p.Id, p.Label, p.Pressure, p.HoldMinSeconds, p.HoldMaxSeconds));
        Assert.Equal(new ChartPosition(ChartKind.Back, 98, 52), p.Position);
    }

    public sealed record BadRow(IReadOnlyList<ContentFile> Files, string Expected, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<BadRow> BadFiles { get; } = new()
    {
        new([Body(PointYaml(chart: "{chart: front, x: 1, y: 1}"))], "points/body.yaml: line 14: unknown chart \"front\"", "a chart we do not draw, named with its line"),
        new([Body(PointYaml(chart: "{chart: back, x: 241, y: 1}"))], "outside the back chart", "x beyond the back chart's width"),
        new([Body(PointYaml(chart: "{chart: ear, x: 10, y: 301}"))], "outside the ear chart", "y beyond the ear chart's height"),
        new([Body(PointYaml(chart: "{chart: back, x: -1, y: 1}"))], "outside the back chart", "negative coordinates"),
        new([Body(PointYaml(chart: "{chart: back, x: 1, y: 1, label: diagonal}"))], "unknown label side \"diagonal\"", "a label side the chart cannot draw"),
        new([Body(PointYaml() + PointYaml())], "points/body.yaml: line 16 (bl23): the id \"bl23\" is already used at points/body.yaml: line 4", "two points with one id"),
        new([Body(PointYaml()), new ContentFile("points/more.yaml", "system: WHO\ngroup: body\npoints:\n" + PointYaml())], "already used at points/body.yaml", "a duplicate across files"),
        new([Body(PointYaml(id: "BL 23"))], "kebab-case", "ids are stable kebab-case keys"),
        new([Body(PointYaml(mark: "U"))], "needs \"review: needed\"", "a [U] fact without review: needed"),
        new([Body(PointYaml(mark: "X"))], "\"mark\" must be", "a mark outside P, V, U"),
        new([Body(PointYaml().Replace("pressure: moderate", "pressure: hard", StringComparison.Ordinal))], "line 8: unknown pressure \"hard\"", "pressures are light, moderate or firm"),
        new([Body(PointYaml().Replace("[60, 180]", "[180, 60]", StringComparison.Ordinal))], "\"hold_seconds\"", "a hold range upside down"),
        new([Body(PointYaml().Replace("    source: WHO 2008\n", "", StringComparison.Ordinal))], "\"source\" is missing", "every point needs its source"),
        new([Body(PointYaml(id: "bl60"))], "bl60 is on the list of points avoided in pregnancy", "a forbidden point not marked hidden"),
        new([new ContentFile("points/body.yaml", "system: WHO\ngroup: body\npoints:\n" + PointYaml())], "no file has \"forbidden_in_pregnancy\"", "the pregnancy list must be data"),
        new([Body(PointYaml()), new ContentFile("points/ear.yaml", "system: Nogier\ngroup: ear\npoints: []\n")], "GB/T 13734-2008", "ear points follow one labelled system"),
        new([Body(PointYaml()), new ContentFile("points/d.yaml", "dermatomes:\n  - root: L5\n    where: w\n    regions: [shin]\n    source: s\n    mark: U\n    review: needed\n")], "points/d.yaml: line 4: unknown body-map region \"shin\"", "a dermatome on a region the body map lacks"),
        new([new ContentFile("points/body.yaml", "points: [\n")], "points/body.yaml: line", "broken YAML names the file and line"),
        new([Body(PointYaml().Replace("    region: low-back\n", "", StringComparison.Ordinal))], "\"region\" is missing", "a rule limited to the leg needs to know where each body point lies"),
        new([Body(PointYaml(region: "shin"))], "unknown body-map region \"shin\"", "regions are the body map's"),
        new([Body(PointYaml(), ClotRule.Replace("suspected-clot", "a-cold", StringComparison.Ordinal))], "unknown condition \"a-cold\"", "rules name the profile's conditions"),
        new([Body(PointYaml(), ClotRule.Replace("action: avoid", "action: never", StringComparison.Ordinal))], "unknown action \"never\"", "avoid or caution"),
        new([Body(PointYaml(), ClotRule.Replace("    where: the leg\n", "", StringComparison.Ordinal))], "\"areas\" needs \"where\"", "a Person reads the place in words, not region ids"),
        new([Body(PointYaml(), ClotRule.Replace("[thigh, calf, foot]", "[shin]", StringComparison.Ordinal))], "unknown body-map region in \"areas\"", "areas are body-map regions"),
        new([Body(PointYaml(), ClotRule.Replace("    source: Batavia 2004\n", "", StringComparison.Ordinal))], "\"source\" is missing", "every rule cites its source"),
        new([Body(PointYaml(), ClotRule + "    pressure: hard\n")], "unknown pressure \"hard\"", "a pressure limit is light or moderate"),
    };

    [Fact]
    public void Read_Rules_ApplyToEveryPointOfTheFile_WithTheirOwnAndThePregnancyList()
    {
        var own = "    contraindications:\n      - condition: osteoporosis\n        action: caution\n        pressure: light\n        reason: Press lightly.\n        source: Batavia 2004\n";
        var (catalog, errors) = PointCatalog.Read([Body(PointYaml(region: "calf", extra: own) + PointYaml(id: "bl60", region: "foot").Replace("hidden_in_pregnancy: false", "hidden_in_pregnancy: true", StringComparison.Ordinal), ClotRule)]);

        Assert.Empty(errors);
        var bl23 = catalog!.Find("bl23")!;
        Assert.Equal(BodyRegion.Calf, bl23.Region);
        Assert.Equal([Core.Profiles.HealthCondition.SuspectedClot, Core.Profiles.HealthCondition.Osteoporosis], bl23.Contraindications.Select(r => r.Condition));
        Assert.Equal([BodyRegion.Thigh, BodyRegion.Calf, BodyRegion.Foot], bl23.Contraindications[0].Areas);
        Assert.Equal(PointPressure.Light, bl23.Contraindications[1].MaxPressure);
        var pregnancy = catalog.Find("bl60")!.Contraindications.Single(r => r.Condition == Core.Profiles.HealthCondition.Pregnancy);
        Assert.Equal((Core.Knowledge.RuleAction.Avoid, PointCatalog.PregnancyReason, "s", (string?)null), (pregnancy.Action, pregnancy.Reason, pregnancy.Source, pregnancy.Where));
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Read_BadContent_FailsNamingTheFileAndTheProblem(BadRow row)
    {
        var (catalog, errors) = PointCatalog.Read(row.Files);

        Assert.Null(catalog);
        Assert.Contains(errors, e => e.Contains(row.Expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BadContent_ThrowsOneExceptionListingTheProblems()
    {
        var e = Assert.Throws<ContentException>(() => PointCatalog.Load([Body(PointYaml(chart: "{chart: front, x: 1, y: 1}"))]));

        Assert.Contains("points/body.yaml", e.Message, StringComparison.Ordinal);
    }
}

using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Core.Tests.PointCharts;

public sealed class AcupressureRoutineTests
{
    private static readonly string[] FromTheBackDown = ["bl23", "bl25", "gb30", "bl36", "gb31", "bl40", "gb34", "bl57", "bl60"];

    public sealed record Row(HealthCondition Conditions, string[] Included, string[] Hidden, string[] LightOnly, string[] Notes, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<Row> Rows { get; } = new()
    {
        new(HealthCondition.None, FromTheBackDown, [], ["bl40"], [],
            "no health context: every sciatica point from the back down the leg; BL40 is light by content (artery and nerve)"),
        new(HealthCondition.Pregnancy, FromTheBackDown[..^1], ["bl60"], ["bl40"], [],
            "pregnancy hides BL60, on the list of points avoided in pregnancy (CLINICAL.md 5)"),
        new(HealthCondition.AnticoagulantsOrBleedingDisorder, FromTheBackDown, [], FromTheBackDown, [AcupressureRoutineBuilder.LightOnlyNote],
            "blood thinners: light pressure at every point (bruising)"),
        new(HealthCondition.Osteoporosis, FromTheBackDown, [], FromTheBackDown, [AcupressureRoutineBuilder.LightOnlyNote],
            "osteoporosis: light pressure at every point (fragile bones)"),
        new(HealthCondition.SkinLesionOrInfection, FromTheBackDown, [], ["bl40"], [AcupressureRoutineBuilder.SkinNote],
            "a skin lesion: never press on it, but the points stay"),
        new(HealthCondition.Pregnancy | HealthCondition.AnticoagulantsOrBleedingDisorder | HealthCondition.SkinLesionOrInfection,
            FromTheBackDown[..^1], ["bl60"], FromTheBackDown[..^1], [AcupressureRoutineBuilder.LightOnlyNote, AcupressureRoutineBuilder.SkinNote],
            "the rules combine: hidden, light and skin together"),
        new(HealthCondition.ReducedSensation | HealthCondition.ImplantedDevice, FromTheBackDown, [], ["bl40"], [],
            "conditions without a pressing rule change nothing here"),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Build_FiltersByTheProfile(Row row)
    {
        var routine = AcupressureRoutineBuilder.Build(PointContent.Catalog, row.Conditions);

        Assert.Equal(row.Included, routine.Steps.Select(s => s.Point.Id));
        Assert.Equal(Enumerable.Range(1, row.Included.Length), routine.Steps.Select(s => s.Number));
        Assert.Equal(row.Hidden, routine.Hidden.Select(h => h.Point.Id));
        Assert.All(routine.Hidden, h => Assert.Equal(AcupressureRoutineBuilder.PregnancyReason, h.Reason));
        Assert.Equal(row.LightOnly, routine.Steps.Where(s => s.Pressure == PointPressure.Light).Select(s => s.Point.Id));
        Assert.Equal(row.Notes, routine.Notes);
        Assert.All(routine.Steps, s => Assert.Equal(60, s.HoldSeconds));
    }

    [Fact]
    public void Build_NeverIncludesEarPoints()
    {
        var routine = AcupressureRoutineBuilder.Build(PointContent.Catalog, HealthCondition.None);

        Assert.All(routine.Steps, s => Assert.Equal(PointGroup.Body, s.Point.Group));
        Assert.Equal(9 * 2 * 60, routine.TotalSeconds);
    }
}

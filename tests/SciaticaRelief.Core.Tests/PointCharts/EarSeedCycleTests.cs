using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Tests.PointCharts;

public sealed class EarSeedCycleTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    public sealed record Row(Ear? LastEar, double? RemovedHoursAgo, bool LastStillOn, Ear Expected, bool Rest, bool StillOn, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<Row> Rows { get; } = new()
    {
        new(null, null, false, Ear.Left, false, false, "nothing recorded: either ear, left offered first"),
        new(Ear.Left, null, true, Ear.Right, false, true, "left seeds still on: the right ear next, once they are off"),
        new(Ear.Right, 48, false, Ear.Left, false, false, "right came off two days ago: the left ear now"),
        new(Ear.Left, 6, false, Ear.Right, true, false, "left came off 6 hours ago: rest the skin a day first"),
        new(Ear.Right, 24, false, Ear.Left, false, false, "exactly a day of rest is enough"),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Suggest_AlternatesEarsAndRestsTheSkin(Row row)
    {
        EarSeedApplication? last = row.LastEar is { } ear
            ? new EarSeedApplication
            {
                Ear = ear,
                AppliedAtUtc = Now.AddDays(-4),
                RemoveByUtc = Now.AddDays(1),
                RemovedAtUtc = row.LastStillOn ? null : Now.AddHours(-row.RemovedHoursAgo!.Value),
            }
            : null;

        var s = EarSeedCycle.Suggest(last, Now);

        Assert.Equal(row.Expected, s.Ear);
        Assert.Equal(row.Rest, s.RestUntilUtc is not null);
        Assert.Equal(row.StillOn, s.StillOn);
    }
}

using SciaticaRelief.Core.Journal;

namespace SciaticaRelief.Core.Tests.Journal;

public sealed class BodyMapTests
{
    private static readonly Side[] OneSide = [Side.Left, Side.Right];

    public static TheoryData<BodyRegion, Side> EveryRegionAndSide { get; } = Cross();

    private static TheoryData<BodyRegion, Side> Cross()
    {
        var data = new TheoryData<BodyRegion, Side>();
        foreach (var region in Enum.GetValues<BodyRegion>())
        {
            foreach (var side in Enum.GetValues<Side>())
            {
                data.Add(region, side);
            }
        }
        return data;
    }

    public static TheoryData<BodyRegion> EveryRegion { get; } = new(Enum.GetValues<BodyRegion>());

    [Theory]
    [MemberData(nameof(EveryRegionAndSide))]
    public void FromBits_ToBitsOfOneArea_RoundTrips(BodyRegion region, Side side)
    {
        // Every mark on the map must come back from storage as it was drawn.
        var area = new BodyArea(region, side);

        Assert.Equal([area], BodyMap.FromBits(BodyMap.ToBits([area])));
    }

    [Fact]
    public void FromBits_ManyAreas_RoundTripInRegionOrder()
    {
        // The map is a set: whatever order it was drawn in, it reads back from the back down the leg.
        BodyArea[] drawn = [new(BodyRegion.Foot, Side.Right), new(BodyRegion.LowBack, Side.Both), new(BodyRegion.Calf, Side.Left)];

        Assert.Equal(drawn.OrderBy(a => a.Region), BodyMap.FromBits(BodyMap.ToBits(drawn)));
    }

    [Theory]
    [MemberData(nameof(EveryRegion))]
    public void ToBits_LeftAndRightOfRegion_IsBoth(BodyRegion region)
    {
        // Both is stored as left|right, so marking each side separately is the same as marking both.
        var bits = BodyMap.ToBits([new(region, Side.Left), new(region, Side.Right)]);

        Assert.Equal(BodyMap.ToBits([new(region, Side.Both)]), bits);
        Assert.Equal([new BodyArea(region, Side.Both)], BodyMap.FromBits(bits));
    }

    [Fact]
    public void ToBits_SameAreaTwice_CountedOnce()
    {
        // A double tap on the map is not two areas.
        Assert.Equal(BodyMap.ToBits([new(BodyRegion.Calf, Side.Left)]), BodyMap.ToBits([new(BodyRegion.Calf, Side.Left), new(BodyRegion.Calf, Side.Left)]));
    }

    public sealed record RadiationRow(BodyArea[] Areas, Radiation Expected, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<RadiationRow> RadiationRows { get; } = new()
    {
        new([], Radiation.None, "nothing marked"),
        new([new(BodyRegion.LowBack, Side.Both)], Radiation.Back, "back only: not radiating"),
        new([new(BodyRegion.LowBack, Side.Left), new(BodyRegion.Buttock, Side.Left)], Radiation.Buttock, "to the buttock"),
        new([new(BodyRegion.Thigh, Side.Right)], Radiation.Thigh, "to the thigh, even without the back marked"),
        new([new(BodyRegion.Calf, Side.Left)], Radiation.BelowKnee, "the calf is below the knee: classic sciatica"),
        new([new(BodyRegion.LowBack, Side.Left), new(BodyRegion.Foot, Side.Right), new(BodyRegion.Thigh, Side.Left)], Radiation.Foot, "the furthest region wins, whatever side it is on"),
        new([new(BodyRegion.Foot, Side.Left), new(BodyRegion.Buttock, Side.Left)], Radiation.Foot, "a gap in between does not matter: furthest reached"),
    };

    [Theory]
    [MemberData(nameof(RadiationRows))]
    public void RadiationOf_Areas_FurthestRegion(RadiationRow row)
    {
        Assert.Equal(row.Expected, BodyMap.RadiationOf(BodyMap.ToBits(row.Areas)));
    }

    public sealed record BothLegsRow(BodyArea[] Areas, bool Expected, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<BothLegsRow> BothLegsRows { get; } = new()
    {
        new([], false, "nothing marked"),
        new([new(BodyRegion.Calf, Side.Both)], true, "both calves: sciatica in both legs (CLINICAL.md 1, emergency sign)"),
        new([new(BodyRegion.Buttock, Side.Left), new(BodyRegion.Foot, Side.Right)], true, "left buttock and right foot: both legs, different levels"),
        new([new(BodyRegion.Thigh, Side.Left), new(BodyRegion.Thigh, Side.Right)], true, "left and right thigh marked separately"),
        new([new(BodyRegion.LowBack, Side.Both)], false, "low back across both sides is back pain, not leg pain"),
        new([new(BodyRegion.LowBack, Side.Left), new(BodyRegion.Calf, Side.Right)], false, "back on one side and the other leg: one leg only"),
        new([new(BodyRegion.LowBack, Side.Both), new(BodyRegion.Foot, Side.Left)], false, "back both sides plus one foot: one-sided sciatica"),
        new([new(BodyRegion.Buttock, Side.Right), new(BodyRegion.Thigh, Side.Right), new(BodyRegion.Calf, Side.Right), new(BodyRegion.Foot, Side.Right)], false, "the whole right leg is still one leg"),
        new([new(BodyRegion.Buttock, Side.Both)], true, "both buttocks count: the buttock is part of the leg's path"),
    };

    [Theory]
    [MemberData(nameof(BothLegsRows))]
    public void BothLegs_Areas_TrueOnlyForLegSymptomsOnBothSides(BothLegsRow row)
    {
        Assert.Equal(row.Expected, BodyMap.BothLegs(BodyMap.ToBits(row.Areas)));
    }

    [Theory]
    [MemberData(nameof(EveryRegion))]
    public void MaskOf_Region_MatchesOnlyThatRegion(BodyRegion region)
    {
        // The journal filters by region with one bitwise test in SQL: (bits & mask) != 0.
        var mask = BodyMap.MaskOf(region);
        foreach (var other in Enum.GetValues<BodyRegion>())
        {
            foreach (var side in OneSide.Append(Side.Both))
            {
                var bits = BodyMap.ToBits([new(other, side)]);
                Assert.Equal(other == region, (bits & mask) != 0);
            }
        }
    }

    [Fact]
    public void MaskOf_AllRegions_DisjointAndCoverEveryBit()
    {
        // Overlapping masks would make a thigh filter match calves; uncovered bits would be lost.
        var masks = Enum.GetValues<BodyRegion>().Select(BodyMap.MaskOf).ToList();

        Assert.Equal(BodyMap.ToBits(Enum.GetValues<BodyRegion>().Select(r => new BodyArea(r, Side.Both))), masks.Aggregate(0, (a, m) => a | m));
        for (var i = 0; i < masks.Count; i++)
        {
            for (var j = i + 1; j < masks.Count; j++)
            {
                Assert.Equal(0, masks[i] & masks[j]);
            }
        }
    }
}

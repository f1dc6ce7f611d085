using System.Text.Json.Serialization;

namespace SciaticaRelief.Core.Journal;

/// <summary>A part of the body map, ordered from the back down the leg.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BodyRegion>))]
public enum BodyRegion
{
    [JsonStringEnumMemberName("low-back")] LowBack = 0,
    [JsonStringEnumMemberName("buttock")] Buttock = 1,
    [JsonStringEnumMemberName("thigh")] Thigh = 2,
    [JsonStringEnumMemberName("calf")] Calf = 3,
    [JsonStringEnumMemberName("foot")] Foot = 4,
}

[JsonConverter(typeof(JsonStringEnumConverter<Side>))]
public enum Side
{
    [JsonStringEnumMemberName("left")] Left = 1,
    [JsonStringEnumMemberName("right")] Right = 2,
    [JsonStringEnumMemberName("both")] Both = 3,
}

/// <summary>How far down the leg the pain reaches: the furthest region marked.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Radiation>))]
public enum Radiation
{
    [JsonStringEnumMemberName("none")] None = 0,
    [JsonStringEnumMemberName("back")] Back = 1,
    [JsonStringEnumMemberName("buttock")] Buttock = 2,
    [JsonStringEnumMemberName("thigh")] Thigh = 3,
    [JsonStringEnumMemberName("below-knee")] BelowKnee = 4,
    [JsonStringEnumMemberName("foot")] Foot = 5,
}

/// <summary>A marked area of the body map.</summary>
public sealed record BodyArea(BodyRegion Region, Side Side);

/// <summary>
/// The body map stored as bits: two bits a region (left, right), so "both" is left|right and a
/// filter by region is one bitwise test in any database.
/// </summary>
public static class BodyMap
{
    public static IReadOnlyList<BodyRegion> Regions { get; } = Enum.GetValues<BodyRegion>();

    public static int ToBits(IEnumerable<BodyArea> areas)
    {
        var bits = 0;
        foreach (var a in areas)
        {
            bits |= (int)a.Side << (2 * (int)a.Region);
        }
        return bits;
    }

    public static IReadOnlyList<BodyArea> FromBits(int bits)
    {
        var areas = new List<BodyArea>();
        foreach (var region in Regions)
        {
            var side = (bits >> (2 * (int)region)) & 3;
            if (side != 0)
            {
                areas.Add(new BodyArea(region, (Side)side));
            }
        }
        return areas;
    }

    /// <summary>The bits that are set when a region is marked on either side.</summary>
    public static int MaskOf(BodyRegion region) => 3 << (2 * (int)region);

    public static Radiation RadiationOf(int bits)
    {
        if (bits == 0)
        {
            return Radiation.None;
        }
        var furthest = Regions.Where(r => (bits & MaskOf(r)) != 0).Max();
        return furthest switch
        {
            BodyRegion.LowBack => Radiation.Back,
            BodyRegion.Buttock => Radiation.Buttock,
            BodyRegion.Thigh => Radiation.Thigh,
            BodyRegion.Calf => Radiation.BelowKnee,
            BodyRegion.Foot => Radiation.Foot,
        };
    }

    /// <summary>
    /// Leg symptoms on both sides (buttock down to the foot): the check-in then asks the both-legs
    /// red-flag question pre-answered yes, for the Person to confirm.
    /// </summary>
    public static bool BothLegs(int bits)
    {
        var left = false;
        var right = false;
        foreach (var region in Regions.Where(r => r != BodyRegion.LowBack))
        {
            var side = (Side)((bits >> (2 * (int)region)) & 3);
            left |= side is Side.Left or Side.Both;
            right |= side is Side.Right or Side.Both;
        }
        return left && right;
    }

    /// <summary>The region's wire id, as content files and the API write it ("low-back").</summary>
    public static string WireName(BodyRegion region) => region switch
    {
        BodyRegion.LowBack => "low-back",
        BodyRegion.Buttock => "buttock",
        BodyRegion.Thigh => "thigh",
        BodyRegion.Calf => "calf",
        BodyRegion.Foot => "foot",
    };

    public static bool TryParse(string? wireName, out BodyRegion region)
    {
        foreach (var r in Regions)
        {
            if (string.Equals(WireName(r), wireName, StringComparison.Ordinal))
            {
                region = r;
                return true;
            }
        }
        region = default;
        return false;
    }

    /// <summary>The regions marked on either side.</summary>
    public static IReadOnlyList<BodyRegion> RegionsOf(int bits) => [.. Regions.Where(r => (bits & MaskOf(r)) != 0)];

    public static string Label(BodyRegion region) => region switch
    {
        BodyRegion.LowBack => "Low back",
        BodyRegion.Buttock => "Buttock",
        BodyRegion.Thigh => "Thigh",
        BodyRegion.Calf => "Calf",
        BodyRegion.Foot => "Foot",
    };

    public static string Label(Radiation radiation) => radiation switch
    {
        Radiation.None => "No pain marked",
        Radiation.Back => "Back only",
        Radiation.Buttock => "To the buttock",
        Radiation.Thigh => "To the thigh",
        Radiation.BelowKnee => "Below the knee",
        Radiation.Foot => "To the foot",
    };
}

using SciaticaRelief.Core.Journal;

namespace SciaticaRelief.Cli.Client;

/// <summary>
/// Turns the words of `relief log --where "left calf, right foot" --quality tingling` into the
/// API's body-map areas and pain qualities, or a message naming what was not understood.
/// </summary>
public static class CheckInWords
{
    private static readonly Dictionary<string, BodyRegion> Regions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["low-back"] = BodyRegion.LowBack, ["lower back"] = BodyRegion.LowBack, ["low back"] = BodyRegion.LowBack, ["back"] = BodyRegion.LowBack,
        ["buttock"] = BodyRegion.Buttock, ["buttocks"] = BodyRegion.Buttock, ["bottom"] = BodyRegion.Buttock, ["glute"] = BodyRegion.Buttock,
        ["glutes"] = BodyRegion.Buttock, ["hip"] = BodyRegion.Buttock, ["hips"] = BodyRegion.Buttock,
        ["thigh"] = BodyRegion.Thigh, ["thighs"] = BodyRegion.Thigh, ["hamstring"] = BodyRegion.Thigh, ["hamstrings"] = BodyRegion.Thigh,
        ["calf"] = BodyRegion.Calf, ["calves"] = BodyRegion.Calf, ["shin"] = BodyRegion.Calf, ["shins"] = BodyRegion.Calf,
        ["lower leg"] = BodyRegion.Calf, ["lower legs"] = BodyRegion.Calf,
        ["foot"] = BodyRegion.Foot, ["feet"] = BodyRegion.Foot, ["toes"] = BodyRegion.Foot, ["ankle"] = BodyRegion.Foot, ["ankles"] = BodyRegion.Foot,
    };

    private static readonly Dictionary<string, Side> Sides = new(StringComparer.OrdinalIgnoreCase)
    {
        ["left"] = Side.Left, ["l"] = Side.Left, ["right"] = Side.Right, ["r"] = Side.Right, ["both"] = Side.Both,
    };

    private static readonly Dictionary<string, PainQuality> Qualities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["shooting"] = PainQuality.Shooting, ["stabbing"] = PainQuality.Shooting, ["electric"] = PainQuality.Shooting,
        ["burning"] = PainQuality.Burning, ["hot"] = PainQuality.Burning,
        ["aching"] = PainQuality.Aching, ["ache"] = PainQuality.Aching, ["dull"] = PainQuality.Aching,
        ["numbness"] = PainQuality.Numbness, ["numb"] = PainQuality.Numbness,
        ["tingling"] = PainQuality.Tingling, ["pins and needles"] = PainQuality.Tingling, ["pins-and-needles"] = PainQuality.Tingling,
        ["weakness"] = PainQuality.Weakness, ["weak"] = PainQuality.Weakness,
    };

    public static string AcceptedPlaces => "low back, buttock, thigh, calf, foot, each with left, right or both (\"left calf\", \"both feet\")";

    public static string AcceptedQualities => "shooting, burning, aching, numbness, tingling, weakness";

    /// <summary>
    /// "left calf, right foot" → areas. A leg place needs its side: "calf" alone could be either
    /// leg, and guessing "both" would answer the both-legs red flag for the person. The low back
    /// needs none.
    /// </summary>
    public static (IReadOnlyList<BodyArea> Areas, string? Error) ParseWhere(string? text)
    {
        var areas = new List<BodyArea>();
        foreach (var raw in (text ?? "").Split([',', ';', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(p => p.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var words = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            Side? side = null;
            if (words.Count > 0 && Sides.TryGetValue(words[0], out var s))
            {
                side = s;
                words.RemoveAt(0);
            }
            var place = string.Join(' ', words);
            if (!Regions.TryGetValue(place, out var region))
            {
                return ([], $"\"{raw}\" is not a place on the body map. Say one of: {AcceptedPlaces}.");
            }
            if (side is null && region != BodyRegion.LowBack)
            {
                return ([], $"Which side is \"{raw}\"? Say left, right or both (\"left {place}\").");
            }
            areas.Add(new BodyArea(region, side ?? Side.Both));
        }
        return areas.Count == 0 ? ([], "Say where it hurts, for example --where \"left calf\".") : (areas, null);
    }

    /// <summary>"tingling,numb" (or the option given twice) → the API's quality names.</summary>
    public static (IReadOnlyList<PainQuality> Qualities, string? Error) ParseQualities(IEnumerable<string>? values)
    {
        var found = new List<PainQuality>();
        foreach (var value in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Qualities.TryGetValue(value, out var quality))
            {
                return ([], $"\"{value}\" is not a pain quality. Say one of: {AcceptedQualities}.");
            }
            if (!found.Contains(quality))
            {
                found.Add(quality);
            }
        }
        return (found, null);
    }

    /// <summary>The API's name of a quality ("tingling").</summary>
    public static string Name(PainQuality quality) => quality switch
    {
        PainQuality.Shooting => "shooting",
        PainQuality.Burning => "burning",
        PainQuality.Aching => "aching",
        PainQuality.Numbness => "numbness",
        PainQuality.Tingling => "tingling",
        PainQuality.Weakness => "weakness",
        _ => "none",
    };

    public static string Name(BodyRegion region) => region switch
    {
        BodyRegion.LowBack => "low-back",
        BodyRegion.Buttock => "buttock",
        BodyRegion.Thigh => "thigh",
        BodyRegion.Calf => "calf",
        BodyRegion.Foot => "foot",
    };

    public static string Name(Side side) => side switch
    {
        Side.Left => "left",
        Side.Right => "right",
        Side.Both => "both",
        _ => "both",
    };

    /// <summary>"yes", "y", "no", "n", "unsure", "u", "?" → the API's answer names; null when not one of them.</summary>
    public static string? ParseAnswer(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "yes" or "y" => "yes",
        "no" or "n" => "no",
        "unsure" or "u" or "?" or "not sure" or "don't know" => "unsure",
        _ => null,
    };
}

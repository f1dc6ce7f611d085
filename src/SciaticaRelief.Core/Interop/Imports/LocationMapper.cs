using System.Text.RegularExpressions;
using SciaticaRelief.Core.Journal;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>
/// Maps other diaries' free-text locations ("Lower back", "Hip (L)", "outer left leg", "both legs")
/// and Privacy Friendly Pain Diary's region numbers to our body map. Only the back and the legs are
/// on our map: other places (neck, shoulder) map to nothing, and the original text is always kept
/// beside the row, so nothing the Person wrote is lost.
/// </summary>
/// <remarks>
/// Rules: items are split on ";", ",", "/", "&amp;", "+" and " and ". In an item, a side word
/// ("left", "L", "lt") sets the side; "both", "bilateral" or a plural ("legs", "feet") sets both; an
/// item with no side is on both sides (the back is midline; a diary that did not say which leg is
/// not guessed to one). "leg" alone is the thigh and the calf; "hip" is the buttock (sciatic pain
/// "in the hip" is felt there); "knee" is the thigh; "ankle" is the foot.
/// </remarks>
public static partial class LocationMapper
{
    private static readonly (string Word, BodyRegion[] Regions)[] Words =
    [
        ("foot", [BodyRegion.Foot]), ("feet", [BodyRegion.Foot]), ("toe", [BodyRegion.Foot]), ("toes", [BodyRegion.Foot]),
        ("heel", [BodyRegion.Foot]), ("heels", [BodyRegion.Foot]), ("sole", [BodyRegion.Foot]), ("ankle", [BodyRegion.Foot]), ("ankles", [BodyRegion.Foot]),
        ("calf", [BodyRegion.Calf]), ("calves", [BodyRegion.Calf]), ("shin", [BodyRegion.Calf]), ("shins", [BodyRegion.Calf]),
        ("thigh", [BodyRegion.Thigh]), ("thighs", [BodyRegion.Thigh]), ("hamstring", [BodyRegion.Thigh]), ("hamstrings", [BodyRegion.Thigh]),
        ("knee", [BodyRegion.Thigh]), ("knees", [BodyRegion.Thigh]), ("groin", [BodyRegion.Thigh]),
        ("buttock", [BodyRegion.Buttock]), ("buttocks", [BodyRegion.Buttock]), ("butt", [BodyRegion.Buttock]), ("bum", [BodyRegion.Buttock]),
        ("glute", [BodyRegion.Buttock]), ("glutes", [BodyRegion.Buttock]), ("gluteal", [BodyRegion.Buttock]), ("hip", [BodyRegion.Buttock]),
        ("hips", [BodyRegion.Buttock]), ("piriformis", [BodyRegion.Buttock]), ("seat", [BodyRegion.Buttock]),
        ("lumbar", [BodyRegion.LowBack]), ("sacrum", [BodyRegion.LowBack]), ("sacral", [BodyRegion.LowBack]), ("sacroiliac", [BodyRegion.LowBack]),
        ("si", [BodyRegion.LowBack]), ("tailbone", [BodyRegion.LowBack]), ("coccyx", [BodyRegion.LowBack]), ("spine", [BodyRegion.LowBack]),
        ("leg", [BodyRegion.Thigh, BodyRegion.Calf]), ("legs", [BodyRegion.Thigh, BodyRegion.Calf]),
    ];

    private static readonly HashSet<string> Plurals = new(StringComparer.Ordinal)
        { "feet", "toes", "heels", "ankles", "calves", "shins", "thighs", "hamstrings", "knees", "buttocks", "glutes", "hips", "legs" };

    /// <summary>The areas a free-text location names; empty when it names none of ours.</summary>
    public static IReadOnlyList<BodyArea> Map(string? text)
    {
        // Diaries repeat a handful of location texts thousands of times: each is worked out once.
        if (text is null || text.Length > 200)
        {
            return MapText(text);
        }
        if (Seen.TryGetValue(text, out var known))
        {
            return known;
        }
        var mapped = MapText(text);
        if (Seen.Count < 4096)
        {
            Seen.TryAdd(text, mapped);
        }
        return mapped;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<BodyArea>> Seen = new(StringComparer.Ordinal);

    private static IReadOnlyList<BodyArea> MapText(string? text)
    {
        var areas = new Dictionary<BodyRegion, Side>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        foreach (var item in Separators().Split(text.ToLowerInvariant()))
        {
            var words = WordPattern().Matches(item).Select(m => m.Value).ToList();
            if (words.Count == 0)
            {
                continue;
            }
            var regions = new HashSet<BodyRegion>();
            for (var i = 0; i < words.Count; i++)
            {
                var w = words[i];
                if (w == "back")
                {
                    // "upper back", "mid back" are not on our map; "back of the thigh" is the thigh.
                    var before = i > 0 ? words[i - 1] : "";
                    var after = i + 1 < words.Count ? words[i + 1] : "";
                    if (before is not ("upper" or "mid" or "middle") && after != "of")
                    {
                        regions.Add(BodyRegion.LowBack);
                    }
                    continue;
                }
                if (w == "leg" && i > 0 && words[i - 1] == "lower")
                {
                    regions.Add(BodyRegion.Calf);
                    continue;
                }
                foreach (var (word, mapped) in Words)
                {
                    if (word == w)
                    {
                        regions.UnionWith(mapped);
                    }
                }
            }
            if (regions.Count == 0)
            {
                continue;
            }
            if (regions.Contains(BodyRegion.Calf) && words.Contains("lower") && words.Contains("leg"))
            {
                regions.Remove(BodyRegion.Thigh);
            }
            var left = words.Any(w => w is "left" or "l" or "lt");
            var right = words.Any(w => w is "right" or "r" or "rt");
            var both = words.Any(w => w is "both" or "bilateral" || Plurals.Contains(w)) || (left && right) || (!left && !right);
            var side = both ? Side.Both : left ? Side.Left : Side.Right;
            foreach (var region in regions)
            {
                areas[region] = areas.TryGetValue(region, out var had) ? had | side : side;
            }
        }
        return [.. areas.OrderBy(a => a.Key).Select(a => new BodyArea(a.Key, a.Value))];
    }

    /// <summary>
    /// Privacy Friendly Pain Diary's body-map numbers: 0–21 the front, 22–43 the back, left before
    /// right. Only regions 26 (thigh left, back) and 30 (lower leg left, back) are established from the
    /// app; the rest follow the same left-then-right order down the body and are documented here as
    /// our reading. Regions above the waist map to nothing.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, BodyArea> PainDiaryRegions = new Dictionary<int, BodyArea>
    {
        // Front (0–21): head, neck, shoulders, chest, arms, belly above; then the legs.
        [10] = new(BodyRegion.Thigh, Side.Left), [11] = new(BodyRegion.Thigh, Side.Right), // hips/groin (front)
        [12] = new(BodyRegion.Thigh, Side.Left), [13] = new(BodyRegion.Thigh, Side.Right),
        [14] = new(BodyRegion.Thigh, Side.Left), [15] = new(BodyRegion.Thigh, Side.Right), // knees
        [16] = new(BodyRegion.Calf, Side.Left), [17] = new(BodyRegion.Calf, Side.Right),
        [18] = new(BodyRegion.Foot, Side.Left), [19] = new(BodyRegion.Foot, Side.Right),
        [20] = new(BodyRegion.Foot, Side.Left), [21] = new(BodyRegion.Foot, Side.Right),
        // Back (22–43).
        [22] = new(BodyRegion.LowBack, Side.Both), [23] = new(BodyRegion.Buttock, Side.Left),
        [24] = new(BodyRegion.Buttock, Side.Right), [25] = new(BodyRegion.LowBack, Side.Both),
        [26] = new(BodyRegion.Thigh, Side.Left), [27] = new(BodyRegion.Thigh, Side.Right),
        [28] = new(BodyRegion.Thigh, Side.Left), [29] = new(BodyRegion.Thigh, Side.Right), // hollow of the knee
        [30] = new(BodyRegion.Calf, Side.Left), [31] = new(BodyRegion.Calf, Side.Right),
        [32] = new(BodyRegion.Foot, Side.Left), [33] = new(BodyRegion.Foot, Side.Right),
    };

    /// <summary>The areas of a comma-joined list of region numbers ("26,30"); unknown numbers map to nothing.</summary>
    public static IReadOnlyList<BodyArea> MapPainDiary(string? regions)
    {
        var areas = new Dictionary<BodyRegion, Side>();
        foreach (var part in (regions ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                && PainDiaryRegions.TryGetValue(n, out var area))
            {
                areas[area.Region] = areas.TryGetValue(area.Region, out var had) ? had | area.Side : area.Side;
            }
        }
        return [.. areas.OrderBy(a => a.Key).Select(a => new BodyArea(a.Key, a.Value))];
    }

    /// <summary>The areas as words, for the preview ("left calf, low back (both sides)").</summary>
    public static string Describe(IEnumerable<BodyArea> areas) =>
        string.Join(", ", areas.Select(a => a.Side switch
        {
            Side.Left => "left " + BodyMap.Label(a.Region).ToLowerInvariant(),
            Side.Right => "right " + BodyMap.Label(a.Region).ToLowerInvariant(),
            Side.Both => BodyMap.Label(a.Region).ToLowerInvariant() + (a.Region == BodyRegion.LowBack ? "" : " (both sides)"),
        }));

    [GeneratedRegex(@"\s*(?:;|,|/|&|\+|\band\b)\s*")]
    private static partial Regex Separators();

    [GeneratedRegex(@"[a-z]+")]
    private static partial Regex WordPattern();
}

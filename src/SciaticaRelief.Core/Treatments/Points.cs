namespace SciaticaRelief.Core.Treatments;

/// <summary>An acupressure or ear point a Treatment or an Ear-seed application may name.</summary>
/// <param name="Id">Stable id, stored with the Treatment: never rename one.</param>
/// <param name="Name">The name people read.</param>
/// <param name="Where">Where it is, in our words.</param>
/// <param name="Source">CLINICAL.md section 5's source and mark; [U] needs clinical review.</param>
public sealed record PointInfo(string Id, string Name, string Where, string Source);

/// <summary>
/// The points of CLINICAL.md section 5. The knowledge issue moves their full descriptions and
/// charts into content; the ids here are the contract and stay.
/// </summary>
public static class Points
{
    private const string Who = "WHO standard acupuncture point locations (2008), paraphrased [P]";
    private const string Gb = "Chinese standard GB/T 13734-2008 (auricular points)";

    /// <summary>Body points for sciatica, from the back down the leg.</summary>
    public static IReadOnlyList<PointInfo> Body { get; } =
    [
        new("bl23", "BL23 Shenshu", "Low back, level with the lower edge of the second lumbar vertebra, two finger-widths out from the spine", Who),
        new("bl25", "BL25 Dachangshu", "Low back, level with the tops of the hip bones, two finger-widths out from the spine", Who),
        new("gb30", "GB30 Huantiao", "Buttock, a third of the way from the bony point of the hip to the base of the spine; moderate pressure only", Who + "; location disputed during standardisation [V]"),
        new("bl36", "BL36 Chengfu", "The middle of the crease under the buttock", Who),
        new("gb31", "GB31 Fengshi", "Outer thigh, where the middle fingertip rests when standing with arms at the sides", Who),
        new("bl40", "BL40 Weizhong", "The middle of the crease behind the knee; light pressure only", Who),
        new("gb34", "GB34 Yanglingquan", "The hollow in front of and below the head of the fibula, on the outer side below the knee", Who),
        new("bl57", "BL57 Chengshan", "Mid-calf, where the two bellies of the calf muscle meet the Achilles tendon", Who),
        new("bl60", "BL60 Kunlun", "The hollow between the outer ankle bone and the Achilles tendon; not in pregnancy", Who),
    ];

    /// <summary>Ear points for ear seeds (one system, labelled).</summary>
    public static IReadOnlyList<PointInfo> Ear { get; } =
    [
        new("shen-men", "Shen Men (TF4)", "Upper part of the triangular hollow of the ear", Gb + " [P]"),
        new("sympathetic", "Sympathetic (AH6a)", "The end of the lower ridge inside the rim, under the rim's fold", Gb + " [P]"),
        new("subcortex", "Subcortex (AT4)", "The inner side of the antitragus (the bump above the ear lobe)", Gb + " [P]"),
        new("sciatic-nerve", "Sciatic nerve (AH6)", "The front two thirds of the lower branch of the inner ridge", Gb + " [U: needs clinical review]"),
        new("buttocks", "Buttocks (AH7)", "The back third of the lower branch of the inner ridge", Gb + " [U: needs clinical review]"),
        new("lumbosacral", "Lumbosacral vertebrae (AH9)", "The inner ridge of the ear, at the level of the lower back", Gb + " [U: needs clinical review]"),
    ];

    public static PointInfo? FindBody(string? id) => Body.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));

    public static PointInfo? FindEar(string? id) => Ear.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}

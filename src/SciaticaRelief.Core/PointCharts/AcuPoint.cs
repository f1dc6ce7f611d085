using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Knowledge;

namespace SciaticaRelief.Core.PointCharts;

/// <summary>The charts drawn for this project; a point sits on exactly one.</summary>
public enum ChartKind
{
    Back,
    LegSide,
    Ear,
}

/// <summary>A chart's drawing size, in the units of the point coordinates (x right, y down).</summary>
public sealed record ChartSize(ChartKind Kind, string WireName, string Title, int Width, int Height);

public static class Charts
{
    public static IReadOnlyList<ChartSize> All { get; } =
    [
        new(ChartKind.Back, "back", "Back of the body, from the low back to the heels", 240, 480),
        new(ChartKind.LegSide, "leg-side", "Outer side of the leg", 200, 480),
        new(ChartKind.Ear, "ear", "Outer ear (a left ear; mirror it for the right)", 200, 300),
    ];

    public static ChartSize Of(ChartKind kind) => All.Single(c => c.Kind == kind);

    public static bool TryParse(string? wireName, out ChartSize chart)
    {
        chart = All.FirstOrDefault(c => string.Equals(c.WireName, wireName, StringComparison.Ordinal))!;
        return chart is not null;
    }
}

/// <summary>Which side of its dot a point's code is written, so close points stay readable.</summary>
public enum LabelSide
{
    Right,
    Left,
    Above,
    Below,
}

/// <summary>Where a point is drawn.</summary>
public sealed record ChartPosition(ChartKind Chart, decimal X, decimal Y, LabelSide Label = LabelSide.Right);

/// <summary>How hard to press, as the content says it.</summary>
public enum PointPressure
{
    Light = 1,
    Moderate = 2,
    Firm = 3,
}

/// <summary>Body points (the sciatica routine) or ear points (ear seeds).</summary>
public enum PointGroup
{
    Body,
    Ear,
}

/// <summary>
/// An acupressure or ear point of <c>content/points/</c>. <paramref name="Id"/> is the stored
/// contract of <see cref="Treatments.Points"/>.
/// </summary>
/// <param name="Mark">CLINICAL.md's mark: P, V or U.</param>
/// <param name="NeedsReview">"review: needed": shown as "needs clinical review".</param>
/// <param name="System">The location system, e.g. GB/T 13734-2008 for the ear.</param>
public sealed record AcuPoint(
    string Id,
    string Code,
    string Name,
    PointGroup Group,
    string Where,
    PointPressure Pressure,
    int HoldMinSeconds,
    int HoldMaxSeconds,
    IReadOnlyList<string> Cautions,
    bool HiddenInPregnancy,
    string Source,
    string Mark,
    bool NeedsReview,
    string System,
    ChartPosition Position)
{
    /// <summary>The name people read: "BL23 Shenshu" for body points, "Shen Men (TF4)" for ear points.</summary>
    public string Label => Group == PointGroup.Ear ? $"{Name} ({Code})" : $"{Code} {Name}";

    /// <summary>The body-map region the point lies in (body points); null for ear points.</summary>
    public BodyRegion? Region { get; init; }

    /// <summary>
    /// Every contraindication rule of the point: its file's rules (for every point of the file), its
    /// own, and "not in pregnancy" when it is hidden in pregnancy. <see cref="Safety.CareSafety"/>
    /// turns them into a verdict.
    /// </summary>
    public IReadOnlyList<ContraindicationRule> Contraindications { get; init; } = [];
}

/// <summary>The skin area of a nerve root on the body map (CLINICAL.md section 6, educational only).</summary>
public sealed record Dermatome(string Root, string Where, IReadOnlyList<BodyRegion> Regions, string Source, bool NeedsReview);

/// <summary>The points avoided in pregnancy, as data.</summary>
public sealed record PregnancyRule(IReadOnlyList<string> Ids, string Source, bool NeedsReview);

using System.Text.Json.Serialization;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Safety;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Recommendations;

/// <summary>Where the pain is, as the machine chooser asks it.</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<PainArea>))]
public enum PainArea
{
    [JsonStringEnumMemberName("none")] None = 0,
    [JsonStringEnumMemberName("low-back")] LowBack = 1 << 0,
    [JsonStringEnumMemberName("buttock")] Buttock = 1 << 1,
    [JsonStringEnumMemberName("leg")] Leg = 1 << 2,
    [JsonStringEnumMemberName("foot")] Foot = 1 << 3,
}

/// <summary>Whether a kind of device warms.</summary>
public enum DeviceHeat
{
    None,
    Optional,
    Always,
}

/// <summary>The chooser's answers: where it hurts, the pressure liked (1–5), the budget, whether warmth is wanted, and the Profile's conditions.</summary>
public sealed record MachineQuestions(PainArea Areas, int PressureLiked, CostTier Budget, bool WantHeat, HealthCondition Conditions)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (Areas == PainArea.None || (Areas & ~MachineChooser.AllAreas) != 0)
        {
            errors.Add("areas", "Choose where the pain is: low back, buttock, leg or foot.");
        }
        if (PressureLiked is < 1 or > 5)
        {
            errors.Add("pressure", "Pressure liked must be from 1 (gentle) to 5 (firm).");
        }
        if (!Enum.IsDefined(Budget))
        {
            errors.Add("budget", "Choose a budget: free, low, moderate or high.");
        }
        return errors;
    }
}

/// <summary>A kind of device (never a brand): where it works, how firm it is at its gentlest, what it costs, whether it warms, what to look for and how to use it safely.</summary>
public sealed record DeviceKind(
    string Id, string Name, PainArea Areas, int Intensity, CostTier Cost, DeviceHeat Heat,
    IReadOnlyList<string> LookFor, IReadOnlyList<string> SafeUse);

/// <summary>A kind of device suggested, with why, what to look for and how to use it safely.</summary>
/// <param name="HowToUseSafely">The Person's precautions' words first, then the device's own safe use.</param>
/// <param name="Precautions">The precautions for the Person's health conditions, with their sources.</param>
public sealed record DeviceSuggestion(string Id, string Name, IReadOnlyList<string> Why, IReadOnlyList<string> LookFor, IReadOnlyList<string> HowToUseSafely,
    IReadOnlyList<Precaution> Precautions);

/// <summary>A kind of device not suggested, and why; the source is the rule's (or "Your care preferences").</summary>
public sealed record DeviceExclusion(string Id, string Name, string Reason, string Source);

public sealed record MachineChoice(IReadOnlyList<DeviceSuggestion> Suggested, IReadOnlyList<DeviceExclusion> NotSuggested);

/// <summary>
/// Suggests kinds of massage device from a few answers (issue 4, part 6), never brands. Safety comes
/// from <see cref="CareSafety.ForDevice"/>, the rules of each device's content file, for the areas
/// the Person would use it on: a refused device is not suggested with the rule's reason and source;
/// a place to keep off narrows where it is suggested for ("not on the leg" with a suspected clot:
/// a device for leg pain only is refused, one for the buttock and leg is suggested for the
/// buttock); every precaution is shown with its source. Warmth is a reason only while heat itself
/// (content/modalities/heat.md) has no place to keep off for the Person. Order: devices that cover
/// more of the painful areas first, then those that give the wanted warmth, then by name.
/// </summary>
public static class MachineChooser
{
    public const PainArea AllAreas = PainArea.LowBack | PainArea.Buttock | PainArea.Leg | PainArea.Foot;

    /// <summary>The modality whose rules say whether warmth may be offered as a reason.</summary>
    public const string HeatId = "heat";

    private const string StopRule = "Stop if pain shoots down the leg or new numbness or weakness appears, and check your symptoms again.";
    private const string WarmNotHot = "Warm, not hot: keep a layer of clothing between you and the heat, 15 to 20 minutes at a time, and never fall asleep on it.";

    /// <summary>The machine modalities of the catalogue (ids match content/modalities) and the ball and roller.</summary>
    public static IReadOnlyList<DeviceKind> Devices { get; } =
    [
        new("percussion-massage-gun", "Percussion massage gun", PainArea.Buttock | PainArea.Leg, 4, CostTier.Moderate, DeviceHeat.None,
            ["Several speeds, with a low one to start", "A soft, broad head as well as the firm ones"],
            [
                "Only on the fleshy part of muscles: never on bony areas (the spine, the sacrum, the hip bone), the front or sides of the neck, the back of the knee, bruises, wounds or varicose veins.",
                "Start on the lowest setting and keep it moving: 30 to 60 seconds a spot.",
                "If your urine turns dark (tea-coloured) or a muscle swells markedly afterwards, seek care at once: it can be a sign of muscle breakdown (Chen et al., Phys Ther 2021).",
                StopRule,
            ]),
        new("shiatsu-kneading-massager", "Shiatsu or kneading cushion", PainArea.LowBack | PainArea.Buttock, 3, CostTier.Moderate, DeviceHeat.Optional,
            ["Adjustable intensity and an auto-off timer", "Heat that can be switched off"],
            ["Start with short sessions (about 15 minutes) on the lowest intensity; put a towel between you and the nodes if it is too firm.", "Not over the spine's bony points, bruises or broken skin.", StopRule]),
        new("heated-massage-cushion", "Heated massage cushion", PainArea.LowBack | PainArea.Buttock, 2, CostTier.Moderate, DeviceHeat.Always,
            ["A temperature setting and an auto-off timer", "A washable cover"],
            [WarmNotHot, "No heat on skin with reduced feeling, or on broken, sunburnt or inflamed skin.", StopRule]),
        new("vibration-massager", "Handheld vibration massager", AllAreas, 2, CostTier.Low, DeviceHeat.None,
            ["Several speeds", "A long handle to reach the low back"],
            ["Keep it moving over the muscles, a few minutes an area; not on bony points, bruises, wounds or varicose veins.", StopRule]),
        new("foot-massager", "Foot massager", PainArea.Foot, 2, CostTier.Moderate, DeviceHeat.Optional,
            ["Adjustable intensity", "Heat that can be switched off"],
            ["Start on the lowest setting for about 15 minutes.", "With reduced feeling in the feet, use it without heat and look at your skin afterwards.", StopRule]),
        new("massage-chair", "Massage chair", AllAreas, 3, CostTier.High, DeviceHeat.Optional,
            ["Adjustable intensity and body scan", "Try it before you buy"],
            ["Start with a short programme on a low intensity.", StopRule]),
        new("massage-ball-and-foam-roller", "Massage ball and foam roller", PainArea.Buttock | PainArea.Leg, 3, CostTier.Low, DeviceHeat.None,
            ["A ball of medium firmness before a hard one", "A smooth roller before a ridged one"],
            ["Lean into it slowly with part of your weight; hold a tender spot 30 to 60 seconds, breathing out.", "Not on the spine, the back of the knee, bruises or varicose veins.", StopRule]),
    ];

    /// <summary>
    /// Suggests kinds of device. Each device's name, intensity and cost come from its content file
    /// in <paramref name="modalities"/> (the catalogue), and so do its safety rules; a device without
    /// a content file is not suggested (its safety cannot be checked).
    /// </summary>
    public static MachineChoice Choose(MachineQuestions q, IReadOnlyList<Modality> modalities)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(modalities);
        var heat = modalities.FirstOrDefault(m => m.Id == HeatId) is { } h ? CareSafety.ForModality(h, q.Conditions) : null;
        var heatLimit = heat?.Reasons.FirstOrDefault(r => r.Level == SafetyLevel.Refused || r.Where is not null);
        var warmthOk = heat is not null && heatLimit is null;

        var suggested = new List<(DeviceKind Device, int Covered, bool Warm, DeviceSuggestion Suggestion)>();
        var notSuggested = new List<DeviceExclusion>();
        foreach (var (d, content) in Devices.Select(d => FromContent(d, modalities.FirstOrDefault(m => m.Id == d.Id))).OrderBy(x => x.Device.Name, StringComparer.Ordinal))
        {
            var wanted = d.Areas & q.Areas;
            var safety = CareSafety.ForDevice(d, content, q.Conditions, wanted);
            if (safety.Refusal is { } refusal)
            {
                notSuggested.Add(new DeviceExclusion(d.Id, d.Name, refusal.Reason, refusal.Source));
                continue;
            }
            if (Excluded(d, q) is { } reason)
            {
                notSuggested.Add(new DeviceExclusion(d.Id, d.Name, reason, RecommendationEngine.PreferencesSource));
                continue;
            }
            var covered = wanted & ~AreasWithin(safety.AvoidedRegions);
            var why = new List<string> { $"Made for the {AreaWords(covered)}." };
            var warm = q.WantHeat && d.Heat != DeviceHeat.None && warmthOk;
            if (warm)
            {
                why.Add("It gives warmth; heat can ease pain for a short while (moderate evidence, French et al., Cochrane 2006).");
            }
            else if (q.WantHeat && d.Heat != DeviceHeat.None && heatLimit is not null)
            {
                why.Add($"Warmth is not suggested for you. {heatLimit.Text}");
            }
            why.Add($"Its gentlest setting ({d.Intensity} of 5) is within the pressure you like; its usual cost is {RecommendationEngine.CostWords(d.Cost)}.");
            var precautions = safety.Cautions.Select(c => c.ToPrecaution()).ToList();
            var safe = precautions.Select(p => p.Text).Concat(d.SafeUse).ToList();
            suggested.Add((d, System.Numerics.BitOperations.PopCount((uint)covered), warm, new DeviceSuggestion(d.Id, d.Name, why, d.LookFor, safe, precautions)));
        }
        var ordered = suggested
            .OrderByDescending(s => s.Covered)
            .ThenByDescending(s => s.Warm)
            .ThenBy(s => s.Device.Name, StringComparer.Ordinal)
            .Select(s => s.Suggestion)
            .ToList();
        return new MachineChoice(ordered, notSuggested);
    }

    private static (DeviceKind Device, Modality? Content) FromContent(DeviceKind d, Modality? m) =>
        m?.Knowledge is { } k ? (d with { Name = m.Name, Intensity = k.Intensity ?? d.Intensity, Cost = k.Cost }, m) : (d, null);

    /// <summary>The Person's preferences: where it hurts, pressure, budget (safety has been checked before).</summary>
    private static string? Excluded(DeviceKind d, MachineQuestions q)
    {
        if ((d.Areas & q.Areas) == PainArea.None)
        {
            return $"It is not made for the {AreaWords(q.Areas)}.";
        }
        if (d.Intensity > q.PressureLiked)
        {
            return $"Even its gentlest setting ({d.Intensity} of 5) is firmer than you like ({q.PressureLiked} of 5).";
        }
        if (d.Cost > q.Budget)
        {
            return $"It usually costs more ({RecommendationEngine.CostWords(d.Cost)}) than your budget ({RecommendationEngine.CostWords(q.Budget)}).";
        }
        return null;
    }

    /// <summary>The body-map regions of the chooser's areas: the leg is the thigh and the calf.</summary>
    public static IReadOnlyList<BodyRegion> RegionsOf(PainArea areas)
    {
        var regions = new List<BodyRegion>();
        foreach (var (area, of) in AreaRegions)
        {
            if (areas.HasFlag(area))
            {
                regions.AddRange(of);
            }
        }
        return regions;
    }

    /// <summary>The chooser's areas all of whose regions are in <paramref name="regions"/>.</summary>
    public static PainArea AreasWithin(IReadOnlySet<BodyRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        return AreaRegions.Where(x => x.Regions.All(regions.Contains)).Aggregate(PainArea.None, (all, x) => all | x.Area);
    }

    private static readonly (PainArea Area, BodyRegion[] Regions)[] AreaRegions =
    [
        (PainArea.LowBack, [BodyRegion.LowBack]),
        (PainArea.Buttock, [BodyRegion.Buttock]),
        (PainArea.Leg, [BodyRegion.Thigh, BodyRegion.Calf]),
        (PainArea.Foot, [BodyRegion.Foot]),
    ];

    public static IReadOnlyList<(PainArea Area, string Id, string Label)> AreaChoices { get; } =
    [
        (PainArea.LowBack, "low-back", "Low back"),
        (PainArea.Buttock, "buttock", "Buttock"),
        (PainArea.Leg, "leg", "Leg"),
        (PainArea.Foot, "foot", "Foot"),
    ];

    public static string AreaWords(PainArea areas)
    {
        var names = AreaChoices.Where(a => areas.HasFlag(a.Area)).Select(a => a.Label.ToLowerInvariant()).ToList();
        return names.Count switch
        {
            0 => "areas you chose",
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " and " + names[^1],
        };
    }
}

using System.Text.Json.Serialization;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
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

public sealed record DeviceSuggestion(string Id, string Name, IReadOnlyList<string> Why, IReadOnlyList<string> LookFor, IReadOnlyList<string> HowToUseSafely);

public sealed record DeviceExclusion(string Id, string Name, string Reason);

public sealed record MachineChoice(IReadOnlyList<DeviceSuggestion> Suggested, IReadOnlyList<DeviceExclusion> NotSuggested);

/// <summary>
/// Suggests kinds of massage device from a few answers (issue 4, part 6), never brands. Safety
/// words follow CLINICAL.md section 4. Order: devices that cover more of the painful areas first,
/// then those that give the wanted warmth, then by name.
/// </summary>
public static class MachineChooser
{
    public const PainArea AllAreas = PainArea.LowBack | PainArea.Buttock | PainArea.Leg | PainArea.Foot;

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
    /// Suggests kinds of device. With the catalogue's modalities, each device's name, intensity and
    /// cost come from its content file, and the file's "avoid" rules for the Person's conditions
    /// rule it out with the file's reason (the chooser's own rules below follow CLINICAL.md 4 too).
    /// </summary>
    public static MachineChoice Choose(MachineQuestions q, IReadOnlyList<Modality>? modalities = null)
    {
        ArgumentNullException.ThrowIfNull(q);
        var suggested = new List<(DeviceKind Device, int Covered, bool Warm, DeviceSuggestion Suggestion)>();
        var notSuggested = new List<DeviceExclusion>();
        var devices = Devices.Select(d => FromContent(d, modalities?.FirstOrDefault(m => m.Id == d.Id)));
        foreach (var (d, avoid) in devices.OrderBy(x => x.Device.Name, StringComparer.Ordinal))
        {
            var contentRule = avoid.FirstOrDefault(r => q.Conditions.HasFlag(r.Condition) && r.Condition != HealthCondition.None);
            if (contentRule is not null)
            {
                notSuggested.Add(new DeviceExclusion(d.Id, d.Name, contentRule.Reason));
                continue;
            }
            if (Excluded(d, q) is { } reason)
            {
                notSuggested.Add(new DeviceExclusion(d.Id, d.Name, reason));
                continue;
            }
            var covered = d.Areas & q.Areas;
            var why = new List<string> { $"Made for the {AreaWords(covered)}." };
            var warm = q.WantHeat && d.Heat != DeviceHeat.None;
            if (warm)
            {
                why.Add("It gives warmth; heat can ease pain for a short while (moderate evidence, French et al., Cochrane 2006).");
            }
            why.Add($"Its gentlest setting ({d.Intensity} of 5) is within the pressure you like; its usual cost is {RecommendationEngine.CostWords(d.Cost)}.");
            var safe = new List<string>(d.SafeUse);
            if (q.Conditions.HasFlag(HealthCondition.AnticoagulantsOrBleedingDisorder))
            {
                safe.Insert(0, "On blood thinners: gentle settings only, and stop if you bruise easily; ask your clinician.");
            }
            if (q.Conditions.HasFlag(HealthCondition.SuspectedClot))
            {
                safe.Insert(0, "Not on the leg while a swollen, painful calf has not been checked by a doctor (a clot must not be massaged).");
            }
            if (q.Conditions.HasFlag(HealthCondition.ReducedSensation) && d.Heat == DeviceHeat.Optional)
            {
                safe.Insert(0, "Keep the heat switched off where your feeling is reduced: you may not notice a burn.");
            }
            if (q.Conditions.HasFlag(HealthCondition.Pregnancy))
            {
                safe.Insert(0, "In pregnancy: warm, not hot, and ask your midwife or doctor before you start.");
            }
            if (q.Conditions.HasFlag(HealthCondition.ImplantedDevice))
            {
                safe.Insert(0, "With an implanted device, check with your clinician before using an electric massager near it.");
            }
            suggested.Add((d, System.Numerics.BitOperations.PopCount((uint)covered), warm, new DeviceSuggestion(d.Id, d.Name, why, d.LookFor, safe)));
        }
        var ordered = suggested
            .OrderByDescending(s => s.Covered)
            .ThenByDescending(s => s.Warm)
            .ThenBy(s => s.Device.Name, StringComparer.Ordinal)
            .Select(s => s.Suggestion)
            .ToList();
        return new MachineChoice(ordered, notSuggested);
    }

    private static (DeviceKind Device, IReadOnlyList<ContraindicationRule> Avoid) FromContent(DeviceKind d, Modality? m)
    {
        if (m?.Knowledge is not { } k)
        {
            return (d, []);
        }
        var avoid = k.Contraindications.Where(r => r.Action == RuleAction.Avoid && r.Where is null).ToList();
        return (d with { Name = m.Name, Intensity = k.Intensity ?? d.Intensity, Cost = k.Cost }, avoid);
    }

    private static string? Excluded(DeviceKind d, MachineQuestions q)
    {
        var c = q.Conditions;
        if (d.Id == "percussion-massage-gun" && c.HasFlag(HealthCondition.AnticoagulantsOrBleedingDisorder))
        {
            return "Not with blood thinners or a bleeding disorder: its vigorous tapping can cause bruising and bleeding into the muscle (a precaution from professional massage sources: Batavia M., J Bodyw Mov Ther 2004;8(1):48-57).";
        }
        if (d.Id == "percussion-massage-gun" && c.HasFlag(HealthCondition.Osteoporosis))
        {
            return "Not with weakened bones (osteoporosis): vigorous massage is avoided over weak bone.";
        }
        if (d.Heat == DeviceHeat.Always && c.HasFlag(HealthCondition.ReducedSensation))
        {
            return "Not with reduced feeling in the skin: you may not notice a burn from its heat.";
        }
        if (d.Areas == PainArea.Foot && c.HasFlag(HealthCondition.SuspectedClot))
        {
            return "Not while a swollen, painful calf has not been checked by a doctor: the leg must not be massaged over a possible clot.";
        }
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

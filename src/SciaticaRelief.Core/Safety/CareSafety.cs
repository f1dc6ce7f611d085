using System.Text.Json.Serialization;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Safety;

/// <summary>How safe a piece of care is for a Person's health conditions, from the least to the most serious.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SafetyLevel>))]
public enum SafetyLevel
{
    /// <summary>No rule of the content applies.</summary>
    [JsonStringEnumMemberName("allowed")] Allowed = 0,

    /// <summary>Offered with precautions: caution rules, and avoid rules limited to a place ("not on the leg").</summary>
    [JsonStringEnumMemberName("caution")] Caution = 1,

    /// <summary>Never suggested, guided or assigned: an avoid rule without a place, or one whose place is all the care works on.</summary>
    [JsonStringEnumMemberName("refused")] Refused = 2,
}

/// <summary>
/// One contraindication rule that applies to the Person, as the Person reads it: the reason in
/// words and the source of the rule.
/// </summary>
/// <param name="Condition">The Profile's condition that made the rule apply.</param>
/// <param name="Where">The place the rule is limited to ("the leg"), or null.</param>
/// <param name="Areas">The body-map regions of <paramref name="Where"/> when it is a part of the body.</param>
/// <param name="MaxPressure">The firmest pressure allowed while the rule applies (points), or null.</param>
public sealed record SafetyReason(
    HealthCondition Condition,
    SafetyLevel Level,
    string Reason,
    string Source,
    string? Where = null,
    IReadOnlyList<BodyRegion>? Areas = null,
    PointPressure? MaxPressure = null)
{
    /// <summary>The sentence shown: the reason, after "Not on the leg:" when the precaution is a place to keep off.</summary>
    public string Text => Level == SafetyLevel.Caution && Where is not null ? $"Not {CareSafety.OnWhere(Where)}: {Reason}" : Reason;

    public Precaution ToPrecaution() => new(Text, Source);
}

/// <summary>
/// The verdict on one piece of care (a Modality, a Point, a kind of device) for a Person's health
/// conditions: the most serious level of the rules that apply, and every one of them, refusals
/// first, in the order of the profile form.
/// </summary>
/// <param name="Id">The modality, point or device id.</param>
public sealed record SafetyVerdict(string Id, SafetyLevel Level, IReadOnlyList<SafetyReason> Reasons)
{
    /// <summary>Offered (perhaps with precautions): not refused.</summary>
    public bool Offered => Level != SafetyLevel.Refused;

    public IReadOnlyList<SafetyReason> Refusals => [.. Reasons.Where(r => r.Level == SafetyLevel.Refused)];

    /// <summary>The reason given when it is refused (the first refusal), or null when it is offered.</summary>
    public SafetyReason? Refusal => Reasons.Count > 0 && Reasons[0].Level == SafetyLevel.Refused ? Reasons[0] : null;

    public IReadOnlyList<SafetyReason> Cautions => [.. Reasons.Where(r => r.Level == SafetyLevel.Caution)];

    /// <summary>The body-map regions the cautions keep it off (the thigh, calf and foot with a suspected clot).</summary>
    public IReadOnlySet<BodyRegion> AvoidedRegions => Cautions.SelectMany(r => r.Areas ?? []).ToHashSet();

    /// <summary>The firmest pressure any rule allows, or null when none limits it.</summary>
    public PointPressure? MaxPressure => Reasons.Where(r => r.MaxPressure is not null).Select(r => r.MaxPressure).Min();
}

/// <summary>
/// The one place that answers "is this care safe for these conditions" (CLINICAL.md section 4): it
/// reads the contraindication rules of the content (modality front matter, point files) and turns
/// the ones that apply into a <see cref="SafetyVerdict"/>. Every surface that suggests, guides or
/// assigns care (recommendations, the machine chooser, the acupressure routine, the point charts,
/// ear seeds, a home-care assignment) leaves out what is <see cref="SafetyLevel.Refused"/> and shows
/// the precautions of what is <see cref="SafetyLevel.Caution"/>; the surfaces that record care (the
/// treatment log, a session note) never refuse: they turn the same verdict into warnings
/// (<see cref="Warnings"/>). Deterministic; no I/O.
/// </summary>
/// <remarks>
/// The rule: an avoid rule without a place refuses. An avoid rule limited to a place is a
/// precaution ("not on the leg"), except when the place is a part of the body (its
/// <see cref="ContraindicationRule.Areas"/>) and where the care works is known: everything inside
/// it refuses (a calf point, a device for leg pain, with a suspected clot), nothing inside it
/// leaves the rule out (a low-back point), some inside it is the precaution. A caution rule is a
/// precaution.
/// </remarks>
public static class CareSafety
{
    /// <summary>The level one rule gives, for care that works on <paramref name="workedOn"/> (null or empty: not known).</summary>
    public static SafetyLevel LevelOf(ContraindicationRule rule, IReadOnlyCollection<BodyRegion>? workedOn = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Action == RuleAction.Caution)
        {
            return SafetyLevel.Caution;
        }
        if (rule.Where is null)
        {
            return SafetyLevel.Refused;
        }
        return rule.Areas is { Count: > 0 } areas && workedOn is { Count: > 0 } && workedOn.All(areas.Contains)
            ? SafetyLevel.Refused
            : SafetyLevel.Caution;
    }

    /// <summary>A rule limited to parts of the body does not concern care that works only elsewhere (a back point, with a suspected clot).</summary>
    private static bool OutsideItsAreas(ContraindicationRule rule, IReadOnlyCollection<BodyRegion>? workedOn) =>
        rule.Areas is { Count: > 0 } areas && workedOn is { Count: > 0 } && !workedOn.Any(areas.Contains);

    /// <summary>
    /// The verdict of <paramref name="rules"/> for <paramref name="conditions"/>: reasons in the
    /// order of the profile form's conditions, then the rules' order; refusals before cautions;
    /// a reason repeated word for word is given once.
    /// </summary>
    public static SafetyVerdict Evaluate(string id, IEnumerable<ContraindicationRule> rules, HealthCondition conditions,
        IReadOnlyCollection<BodyRegion>? workedOn = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        var reasons = new List<SafetyReason>();
        foreach (var condition in HealthConditions.Split(conditions))
        {
            foreach (var rule in list.Where(r => r.Condition == condition && !OutsideItsAreas(r, workedOn)))
            {
                var reason = new SafetyReason(condition, LevelOf(rule, workedOn), rule.Reason, rule.Source, rule.Where, rule.Areas, rule.MaxPressure);
                if (!reasons.Any(r => r.Level == reason.Level && r.Text == reason.Text && r.Source == reason.Source))
                {
                    reasons.Add(reason);
                }
            }
        }
        var ordered = reasons.OrderByDescending(r => r.Level).ToList(); // stable: the form's order within a level
        var level = ordered.Count == 0 ? SafetyLevel.Allowed : ordered[0].Level;
        return new SafetyVerdict(id, level, ordered);
    }

    /// <summary>A Modality's verdict; one without knowledge ("other") has no rules.</summary>
    /// <param name="workedOn">Where it was or will be applied, when known (a treatment's or a session's body areas).</param>
    public static SafetyVerdict ForModality(Modality modality, HealthCondition conditions, IReadOnlyCollection<BodyRegion>? workedOn = null)
    {
        ArgumentNullException.ThrowIfNull(modality);
        return Evaluate(modality.Id, modality.Knowledge?.Contraindications ?? [], conditions, workedOn);
    }

    /// <summary>
    /// A Point's verdict: its file's rules, its own and the pregnancy list's (all in
    /// <see cref="AcuPoint.Contraindications"/>), with the point's body-map region as where it works.
    /// </summary>
    public static SafetyVerdict ForPoint(AcuPoint point, HealthCondition conditions)
    {
        ArgumentNullException.ThrowIfNull(point);
        return Evaluate(point.Id, point.Contraindications, conditions, point.Region is { } region ? [region] : null);
    }

    /// <summary>The reason given when a device has no content file to read its rules from.</summary>
    public const string NoRulesReason = "Its safety information is missing, so it is not suggested.";

    /// <summary>
    /// A kind of device's verdict: the rules of its content file (a device without one is refused:
    /// its safety cannot be checked), for use on <paramref name="usedOn"/> (the painful areas it is
    /// made for; None: all it is made for).
    /// </summary>
    public static SafetyVerdict ForDevice(DeviceKind device, Modality? content, HealthCondition conditions, PainArea usedOn = PainArea.None)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (content?.Knowledge is null)
        {
            return new SafetyVerdict(device.Id, SafetyLevel.Refused, [new SafetyReason(HealthCondition.None, SafetyLevel.Refused, NoRulesReason, "")]);
        }
        var regions = MachineChooser.RegionsOf(usedOn == PainArea.None ? device.Areas : usedOn);
        return Evaluate(device.Id, content.Knowledge.Contraindications, conditions, regions);
    }

    /// <summary>
    /// The warnings a recording surface (the treatment log, a session note) gives for care already
    /// done: a refusal is a warning ("not advised for you"), a precaution a caution; each with the
    /// rule's reason and source. Rule ids are "CONTRA:{care id}:{condition id}".
    /// </summary>
    /// <param name="name">The name people read ("Percussion massage gun", "BL57 Chengshan").</param>
    public static IReadOnlyList<TreatmentWarning> Warnings(SafetyVerdict verdict, string name)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return [.. verdict.Reasons.Select(r => new TreatmentWarning(
            $"CONTRA:{verdict.Id}:{(r.Condition == HealthCondition.None ? "none" : HealthConditions.IdOf(r.Condition))}",
            r.Level == SafetyLevel.Refused ? WarningLevel.Warning : WarningLevel.Caution,
            r.Level == SafetyLevel.Refused ? $"{name} is not advised for you: {r.Reason}"
                : r.Where is not null ? $"{name}, not {OnWhere(r.Where)}: {r.Reason}"
                : $"{name}: {r.Reason}",
            r.Source))];
    }

    /// <summary>A place as it follows "not": "the leg" → "on the leg"; "near the operation site" stays.</summary>
    public static string OnWhere(string where)
    {
        ArgumentNullException.ThrowIfNull(where);
        return where.StartsWith("the ", StringComparison.Ordinal) || where.StartsWith("areas ", StringComparison.Ordinal)
            || where.StartsWith("skin ", StringComparison.Ordinal)
            ? "on " + where
            : where;
    }
}

using System.Text.Json.Serialization;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Core.Knowledge;

/// <summary>
/// How strong the evidence is that a Modality helps (CLINICAL.md section 3), ordered from weakest
/// to strongest so ranking can compare grades; Conflicting sits with Low because trials disagree.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvidenceGrade>))]
public enum EvidenceGrade
{
    [JsonStringEnumMemberName("insufficient")] Insufficient = 0,
    [JsonStringEnumMemberName("very-low")] VeryLow = 1,
    [JsonStringEnumMemberName("conflicting")] Conflicting = 2,
    [JsonStringEnumMemberName("low")] Low = 3,
    [JsonStringEnumMemberName("low-to-moderate")] LowToModerate = 4,
    [JsonStringEnumMemberName("moderate")] Moderate = 5,
}

/// <summary>A source a content file cites. Mark is CLINICAL.md's V (read), P (secondary) or U (unverified).</summary>
public sealed record Citation(string Text, string? Doi, string? Url, string Mark);

/// <summary>The evidence for a Modality: its grade, one honest sentence on what was compared, and sources.</summary>
public sealed record Evidence(EvidenceGrade Grade, string Summary, IReadOnlyList<Citation> Sources);

/// <summary>What a contraindication rule does: rule the Modality out, or show a precaution.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuleAction>))]
public enum RuleAction
{
    [JsonStringEnumMemberName("caution")] Caution = 0,
    [JsonStringEnumMemberName("avoid")] Avoid = 1,
}

/// <summary>
/// One contraindication of a Modality or a Point (CLINICAL.md section 4): when the profile has
/// <paramref name="Condition"/>, avoid it (or only on <paramref name="Where"/>) or take care, for
/// <paramref name="Reason"/>, after <paramref name="Source"/>. <see cref="Safety.CareSafety"/> turns
/// rules into verdicts: an avoid rule without a place refuses, a place-limited one is a precaution.
/// </summary>
public sealed record ContraindicationRule(HealthCondition Condition, RuleAction Action, string Reason, string Source, string? Where = null)
{
    /// <summary>
    /// The body-map regions <see cref="Where"/> covers, when it is a part of the body ("the leg":
    /// thigh, calf, foot); null when the place is not one (a wound, an operation site). Care that
    /// works only inside these regions (a calf point, a foot massager) is refused, not cautioned.
    /// </summary>
    public IReadOnlyList<BodyRegion>? Areas { get; init; }

    /// <summary>The firmest pressure allowed while the rule applies (points: "pressure: light"); null when the rule does not limit it.</summary>
    public PointPressure? MaxPressure { get; init; }
}

/// <summary>What a Modality costs a Person, compared with a budget preference.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CostTier>))]
public enum CostTier
{
    [JsonStringEnumMemberName("free")] Free = 0,
    [JsonStringEnumMemberName("low")] Low = 1,
    [JsonStringEnumMemberName("moderate")] Moderate = 2,
    [JsonStringEnumMemberName("high")] High = 3,
}

/// <summary>
/// The structured knowledge of a Modality, from its content file's front matter (the knowledge
/// base and the recommendation engine read the same file as the treatment log).
/// </summary>
/// <param name="Technique">How it is done, in a sentence.</param>
/// <param name="Intensity">Pressure or vigour 1 (gentle) to 5 (firm); null where pressure does not apply (medicine, rest).</param>
/// <param name="SessionMinutes">Typical length of one session or use.</param>
/// <param name="Targets">What it aims at (muscle tension, trigger points, stress ...).</param>
/// <param name="Cost">What it usually costs.</param>
/// <param name="ReviewNeeded">The file rests on a CLINICAL.md fact marked [U]: shown as "needs clinical review".</param>
/// <param name="Related">Ids of related topics or modalities.</param>
public sealed record ModalityKnowledge(
    string Technique,
    int? Intensity,
    MinuteRange SessionMinutes,
    IReadOnlyList<string> Targets,
    CostTier Cost,
    Evidence Evidence,
    IReadOnlyList<ContraindicationRule> Contraindications,
    bool ReviewNeeded,
    IReadOnlyList<string> Related);

/// <summary>A typical length in minutes, Min to Max inclusive.</summary>
public readonly record struct MinuteRange(int Min, int Max);

using System.Text.Json.Serialization;

namespace SciaticaRelief.Core.Triage;

/// <summary>
/// A red-flag question. The wire ids (kebab-case) are a public, stable contract: they appear in
/// the OpenAPI document and in every client; never rename one, only add.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RedFlagQuestion>))]
public enum RedFlagQuestion
{
    [JsonStringEnumMemberName("saddle-numbness")] SaddleNumbness,
    [JsonStringEnumMemberName("bladder-control")] BladderControl,
    [JsonStringEnumMemberName("bowel-control")] BowelControl,
    [JsonStringEnumMemberName("both-legs")] BothLegs,
    [JsonStringEnumMemberName("sexual-dysfunction")] SexualDysfunction,
    [JsonStringEnumMemberName("major-trauma")] MajorTrauma,
    [JsonStringEnumMemberName("fever-unwell")] FeverUnwell,
    [JsonStringEnumMemberName("leg-weakness")] LegWeakness,
    [JsonStringEnumMemberName("weakness-worsening-fast")] WeaknessWorseningFast,
    [JsonStringEnumMemberName("infection-risk")] InfectionRisk,
    [JsonStringEnumMemberName("new-or-changed-pain")] NewOrChangedPain,
    [JsonStringEnumMemberName("minor-fall")] MinorFall,
    [JsonStringEnumMemberName("sudden-severe-pain")] SuddenSeverePain,
    [JsonStringEnumMemberName("weight-loss")] WeightLoss,
    [JsonStringEnumMemberName("night-pain")] NightPain,
    [JsonStringEnumMemberName("first-episode")] FirstEpisode,
    [JsonStringEnumMemberName("not-improving")] NotImproving,
    [JsonStringEnumMemberName("over-six-weeks")] OverSixWeeks,
    [JsonStringEnumMemberName("swollen-leg")] SwollenLeg,
    [JsonStringEnumMemberName("clot-breathless")] ClotBreathless,
}

using System.Text.Json.Serialization;

namespace SciaticaRelief.Core.Treatments;

/// <summary>How much a warning asks of the Person.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WarningLevel>))]
public enum WarningLevel
{
    /// <summary>Reassurance or information: this is common and expected.</summary>
    [JsonStringEnumMemberName("info")] Info = 0,

    /// <summary>Keep an eye on it, or ask a clinician.</summary>
    [JsonStringEnumMemberName("caution")] Caution = 1,

    /// <summary>A warning sign: act on it (shown as an alert).</summary>
    [JsonStringEnumMemberName("warning")] Warning = 2,
}

/// <summary>What the page offers to do about a warning.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WarningAction>))]
public enum WarningAction
{
    [JsonStringEnumMemberName("none")] None = 0,

    /// <summary>Run the symptom check again (/triage).</summary>
    [JsonStringEnumMemberName("rerun-triage")] RerunTriage = 1,

    /// <summary>Take the ear seeds off (/ear-seeds).</summary>
    [JsonStringEnumMemberName("take-off-seeds")] TakeOffSeeds = 2,
}

/// <summary>One warning about a saved Treatment or Ear-seed application, with the rule that raised it and its source.</summary>
/// <param name="RuleId">Stable id of the rule (e.g. "BRUISE-ANTICOAGULANT"), a public contract like the triage rule ids.</param>
public sealed record TreatmentWarning(string RuleId, WarningLevel Level, string Message, string Source, WarningAction Action = WarningAction.None);

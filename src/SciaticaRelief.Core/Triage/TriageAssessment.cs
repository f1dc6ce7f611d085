namespace SciaticaRelief.Core.Triage;

/// <summary>Where a stored assessment came from.</summary>
public enum AssessmentSource
{
    Onboarding = 0,
    CheckIn = 1,
    SymptomCheck = 2,

    /// <summary>A treatment logged with a warning sign as a side effect (a swollen, painful calf after a massage).</summary>
    Treatment = 3,

    /// <summary>A health condition ticked in the Profile that is itself a warning sign (a possible clot).</summary>
    Profile = 4,
}

/// <summary>One stored triage: its answers, level and the rules that fired. A health row.</summary>
public sealed class TriageAssessment
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }
    public DateTime AssessedAtUtc { get; set; }
    public TriageLevel Level { get; set; }

    /// <summary>Rule ids, comma-separated, most urgent first.</summary>
    public string FiredRules { get; set; } = "";

    /// <summary>The answers given, by wire id.</summary>
    public Dictionary<string, Answer> Answers { get; set; } = [];

    public bool SeeDoctorToday { get; set; }

    /// <summary>Every warning-sign question was answered. An unscreened check can raise an alarm, never lift one.</summary>
    public bool Screened { get; set; }

    public AssessmentSource Source { get; set; }

    /// <summary>The check-in it belongs to, when it came from one.</summary>
    public Guid? CheckInId { get; set; }

    public IReadOnlyList<string> FiredRuleIds =>
        FiredRules.Length == 0 ? [] : FiredRules.Split(',');

    public static TriageAssessment From(Guid personId, Guid id, DateTime atUtc, TriageInput input, TriageResult result, AssessmentSource source)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        return new TriageAssessment
        {
            PersonId = personId,
            Id = id,
            AssessedAtUtc = atUtc,
            Level = result.Level,
            FiredRules = string.Join(',', result.FiredRuleIds),
            Answers = input.Answers.ToDictionary(kv => RedFlagQuestions.IdOf(kv.Key), kv => kv.Value, StringComparer.Ordinal),
            SeeDoctorToday = result.SeeDoctorToday,
            Screened = result.Screened,
            Source = source,
        };
    }
}

/// <summary>The Person's record that a clinician has seen them, which (with a clean check-in) lifts an alarm.</summary>
public sealed class ClinicianReview
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }
    public DateTime SeenAtUtc { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string? Note { get; set; }
}

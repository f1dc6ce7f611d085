using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Journal;

/// <summary>What a Person submits for a check-in, before validation (from the web form, the API or the CLI).</summary>
public sealed record CheckInInput
{
    /// <summary>The instant; when null, the local time below is used, else now.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>A wall-clock time in the Person's zone (the web form's datetime-local).</summary>
    public DateTime? OccurredAtLocal { get; init; }

    public int? PainNow { get; init; }
    public int? PainWorst { get; init; }
    public int? PainAverage { get; init; }
    public IReadOnlyList<BodyArea> Areas { get; init; } = [];
    public PainQuality Qualities { get; init; }
    public Trigger Triggers { get; init; }
    public double? SleepHours { get; init; }
    public int? Stress { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyDictionary<RedFlagQuestion, Answer> RedFlags { get; init; } = new Dictionary<RedFlagQuestion, Answer>();

    /// <summary>"None of these": every asked warning-sign question not answered is recorded as no.</summary>
    public bool NoneOfThese { get; init; }

    /// <summary>The routine-appointment questions were asked too (the web form asks them once 28 days have passed without them).</summary>
    public bool RoutineAsked { get; init; }

    /// <summary>The questions this check-in asked.</summary>
    public IEnumerable<RedFlagQuestionInfo> Asked =>
        RoutineAsked ? RedFlagQuestions.ForCheckIn.Concat(RedFlagQuestions.Routine) : RedFlagQuestions.ForCheckIn;
}

using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Triage;
using Q = SciaticaRelief.Core.Triage.RedFlagQuestion;

namespace SciaticaRelief.Core.Tests.Triage;

/// <summary>How the engine combines the rules: levels, ordering, "today", and what was not asked.</summary>
public sealed class TriageEngineTests
{
    [Fact]
    public void Evaluate_NoAnswers_SelfCareNothingFired()
    {
        // Nothing answered means nothing can fire; the Unanswered list is what warns the caller.
        var result = TriageEngine.Evaluate(new TriageInput(Answers.None()));

        Assert.Equal(TriageLevel.SelfCare, result.Level);
        Assert.Empty(result.FiredRules);
        Assert.False(result.SeeDoctorToday);
    }

    public sealed record LevelRow(IReadOnlyDictionary<Q, Answer> Answers, TriageLevel Level, string[] Fired, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<LevelRow> UnsureRows { get; } = new()
    {
        new(Answers.Of((Q.SaddleNumbness, Answer.Unsure)), TriageLevel.Emergency, ["E-CES-SADDLE"],
            "unsure about saddle numbness counts as yes: people miss it, and missing cauda equina is the worst error"),
        new(Answers.Of((Q.NightPain, Answer.Unsure)), TriageLevel.Urgent, ["U-NIGHT-PAIN"],
            "unsure about night pain counts as yes for a 24-48 h question too: triage errs toward care"),
        new(Answers.Of((Q.NotImproving, Answer.Unsure)), TriageLevel.Routine, ["R-NOT-IMPROVING"],
            "unsure counts as yes for a routine question as well"),
    };

    [Theory]
    [MemberData(nameof(UnsureRows))]
    public void Evaluate_Unsure_CountsAsYes(LevelRow row)
    {
        var result = TriageEngine.Evaluate(new TriageInput(row.Answers));

        Assert.Equal(row.Level, result.Level);
        Assert.Equal(row.Fired, result.FiredRuleIds);
    }

    [Fact]
    public void Evaluate_EveryQuestionNoWithRiskyContext_NothingFires()
    {
        // "No" to everything fires nothing, even for someone whose conditions and age would make
        // a yes fire: the conditions alone are never a red flag.
        var input = new TriageInput(
            Answers.All(Answer.No),
            HealthCondition.PastCancer | HealthCondition.Immunosuppression | HealthCondition.Osteoporosis | HealthCondition.LongTermSteroids,
            Age: 70);

        var result = TriageEngine.Evaluate(input);

        Assert.Equal(TriageLevel.SelfCare, result.Level);
        Assert.Empty(result.FiredRules);
        Assert.Empty(result.Unanswered);
    }

    [Fact]
    public void Evaluate_EmergencyUrgentAndRoutineTogether_HighestWinsMostUrgentFirst()
    {
        // CLINICAL.md 1: "The highest level triggered wins"; FiredRules is shown most urgent first.
        var input = new TriageInput(Answers.Yes(Q.NotImproving, Q.NightPain, Q.SaddleNumbness), StartBackHighRisk: true);

        var result = TriageEngine.Evaluate(input);

        Assert.Equal(TriageLevel.Emergency, result.Level);
        // Answers were given routine-first; the result lists them emergency-first (table order within a level).
        Assert.Equal(["E-CES-SADDLE", "U-NIGHT-PAIN", "R-NOT-IMPROVING", "R-STARTBACK-HIGH"], result.FiredRuleIds);
    }

    [Fact]
    public void Evaluate_AllQuestionsYes_EveryAnswerDrivenRuleFiresAndEmergencyWins()
    {
        // A Person who says yes to everything must see every rule that yes can reach, most urgent first.
        var input = new TriageInput(Answers.All(Answer.Yes), HealthCondition.PastCancer | HealthCondition.Immunosuppression | HealthCondition.Osteoporosis, Age: 70, StartBackHighRisk: true, NoProgressAfterFourWeeks: true);

        var result = TriageEngine.Evaluate(input);

        Assert.Equal(TriageLevel.Emergency, result.Level);
        Assert.Equal(TriageRules.All.Select(r => r.Id).Order(StringComparer.Ordinal), result.FiredRuleIds.Order(StringComparer.Ordinal));
        var levels = result.FiredRules.Select(r => r.Level).ToList();
        Assert.Equal(levels.OrderByDescending(l => l), levels);
    }

    public sealed record TodayRow(IReadOnlyDictionary<Q, Answer> Answers, TriageLevel Level, bool Today, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<TodayRow> TodayRows { get; } = new()
    {
        new(Answers.Of((Q.LegWeakness, Answer.Yes), (Q.WeaknessWorseningFast, Answer.Yes)), TriageLevel.Urgent, true,
            "CLINICAL.md 1: weakness in one leg getting worse fast: same day, not 48 h"),
        new(Answers.Of((Q.LegWeakness, Answer.Unsure), (Q.WeaknessWorseningFast, Answer.Unsure)), TriageLevel.Urgent, true,
            "unsure counts as yes for both parts of the same-day rule"),
        new(Answers.Of((Q.LegWeakness, Answer.Yes), (Q.WeaknessWorseningFast, Answer.No)), TriageLevel.Urgent, false,
            "weakness that is not getting worse fast: within 24-48 h"),
        new(Answers.Of((Q.LegWeakness, Answer.Yes)), TriageLevel.Urgent, false,
            "speed of worsening not answered: within 24-48 h (the question shows as unanswered)"),
        new(Answers.Of((Q.LegWeakness, Answer.No), (Q.WeaknessWorseningFast, Answer.Yes)), TriageLevel.SelfCare, false,
            "'worsening fast' without leg weakness is meaningless: fires nothing"),
        new(Answers.Of((Q.NightPain, Answer.Yes), (Q.WeaknessWorseningFast, Answer.Yes)), TriageLevel.Urgent, false,
            "Urgent for another reason, no leg weakness: not the same-day case"),
        new(Answers.Of((Q.LegWeakness, Answer.Yes), (Q.WeaknessWorseningFast, Answer.Yes), (Q.SaddleNumbness, Answer.Yes)), TriageLevel.Emergency, false,
            "Emergency overrides: 'see a doctor today' would understate it"),
        new(Answers.Of((Q.LegWeakness, Answer.Yes), (Q.WeaknessWorseningFast, Answer.Yes), (Q.FeverUnwell, Answer.Yes)), TriageLevel.Emergency, false,
            "fever with the weakness makes it E-FEVER-WEAKNESS: Emergency, so not 'today'"),
    };

    [Theory]
    [MemberData(nameof(TodayRows))]
    public void Evaluate_SeeDoctorToday_OnlyUrgentWithFastWorseningWeakness(TodayRow row)
    {
        var result = TriageEngine.Evaluate(new TriageInput(row.Answers));

        Assert.Equal(row.Level, result.Level);
        Assert.Equal(row.Today, result.SeeDoctorToday);
    }

    private static readonly Q[] CheckInQuestionsWithoutFollowUp =
    [
        Q.SaddleNumbness, Q.BladderControl, Q.BowelControl, Q.BothLegs, Q.SexualDysfunction, Q.MajorTrauma,
        Q.FeverUnwell, Q.LegWeakness, Q.InfectionRisk, Q.NewOrChangedPain, Q.MinorFall, Q.SuddenSeverePain,
        Q.WeightLoss, Q.NightPain, Q.SwollenLeg,
    ];

    public sealed record UnansweredRow(IReadOnlyDictionary<Q, Answer> Answers, Q[] Unanswered, string Why)
    {
        public override string ToString() => Why;
    }

    private static Dictionary<Q, Answer> AllCheckInExcept(Answer legWeakness, params Q[] missing)
    {
        var answers = RedFlagQuestions.ForCheckIn.Select(i => i.Question).Except(missing).ToDictionary(q => q, _ => Answer.No);
        answers[Q.LegWeakness] = legWeakness;
        return answers;
    }

    public static TheoryData<UnansweredRow> UnansweredRows { get; } = new()
    {
        new(Answers.None(), CheckInQuestionsWithoutFollowUp,
            "nothing answered: every check-in question is listed, in the order asked, but not the weakness follow-up (its parent was not yes)"),
        new(AllCheckInExcept(Answer.No), [],
            "everything asked in a check-in answered: nothing unanswered; routine-only questions are never listed"),
        new(AllCheckInExcept(Answer.Yes, Q.WeaknessWorseningFast), [Q.WeaknessWorseningFast],
            "leg weakness yes: the 'worsening fast' follow-up is asked, so missing it is listed"),
        new(AllCheckInExcept(Answer.Unsure, Q.WeaknessWorseningFast), [Q.WeaknessWorseningFast],
            "leg weakness unsure counts as yes: the follow-up is asked"),
        new(AllCheckInExcept(Answer.No, Q.WeaknessWorseningFast), [],
            "leg weakness no: the follow-up is not asked, so it is not missing"),
        new(AllCheckInExcept(Answer.No, Q.SaddleNumbness, Q.NightPain), [Q.SaddleNumbness, Q.NightPain],
            "a skipped emergency and a skipped 24-48 h question are both listed: they cannot fire unanswered"),
    };

    [Theory]
    [MemberData(nameof(UnansweredRows))]
    public void Evaluate_Unanswered_ListsMissingCheckInQuestions(UnansweredRow row)
    {
        var result = TriageEngine.Evaluate(new TriageInput(row.Answers));

        Assert.Equal(row.Unanswered, result.Unanswered);
    }

    [Fact]
    public void Evaluate_SameInputTwice_SameResult()
    {
        // Stored assessments are replayed and compared: the engine must be deterministic.
        var input = new TriageInput(Answers.Yes(Q.NightPain, Q.LegWeakness, Q.NotImproving), Age: 55);

        var first = TriageEngine.Evaluate(input);
        var second = TriageEngine.Evaluate(input);

        Assert.Equal(first.Level, second.Level);
        Assert.Equal(first.FiredRuleIds, second.FiredRuleIds);
        Assert.Equal(first.Unanswered, second.Unanswered);
    }
}

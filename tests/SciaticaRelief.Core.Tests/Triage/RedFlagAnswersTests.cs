using SciaticaRelief.Core.Triage;
using SciaticaRelief.Core.Validation;
using Q = SciaticaRelief.Core.Triage.RedFlagQuestion;

namespace SciaticaRelief.Core.Tests.Triage;

/// <summary>"None of these" and contradictory answers, as every entry path resolves them.</summary>
public sealed class RedFlagAnswersTests
{
    public sealed record Row(Dictionary<Q, Answer> Given, bool NoneOfThese, string? ErrorField, bool Screened, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<Row> Rows { get; } = new()
    {
        new(Answers.None(), true, null, true,
            "one tap: every check-in question recorded as no, and the check is screened"),
        new(Answers.Of((Q.NightPain, Answer.No)), true, null, true,
            "explicit noes beside None of these are fine"),
        new(Answers.Yes(Q.SaddleNumbness), true, RedFlagAnswers.NoneField, false,
            "None of these with a yes is refused: which is it?"),
        new(Answers.Of((Q.WeightLoss, Answer.Unsure)), true, RedFlagAnswers.NoneField, false,
            "not sure counts as yes, so it is refused beside None of these too"),
        new(Answers.None(), false, null, false,
            "nothing answered and no None of these: kept as given, not screened (the API stores it as such)"),
        new(Answers.Of((Q.LegWeakness, Answer.No), (Q.WeaknessWorseningFast, Answer.Yes)), false, "redFlags.weakness-worsening-fast", false,
            "contradiction: weakness getting worse quickly, but no weakness"),
        new(Answers.Of((Q.SwollenLeg, Answer.No), (Q.ClotBreathless, Answer.Unsure)), true, RedFlagAnswers.NoneField, false,
            "a follow-up unsure beside None of these is refused before the contradiction is looked at"),
        new(Answers.Of((Q.SwollenLeg, Answer.No), (Q.ClotBreathless, Answer.Yes)), false, "redFlags.clot-breathless", false,
            "contradiction: breathless with a swollen leg, but no swollen leg"),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Resolve_GivenAndNoneOfThese_RecordsOrRefuses(Row row)
    {
        var errors = new ValidationErrors();

        var answers = RedFlagAnswers.Resolve(row.Given, row.NoneOfThese, RedFlagQuestions.ForCheckIn, errors);

        if (row.ErrorField is null)
        {
            Assert.True(errors.IsEmpty, row.Why);
            Assert.Equal(row.Screened, RedFlagQuestions.IsScreened(answers));
        }
        else
        {
            Assert.Contains(row.ErrorField, errors.ToDictionary().Keys);
        }
    }

    [Fact]
    public void Resolve_NoneOfThese_NeverAnswersAFollowUpOrAQuestionNotAsked()
    {
        var errors = new ValidationErrors();

        var answers = RedFlagAnswers.Resolve(Answers.None(), true, RedFlagQuestions.ForCheckIn, errors);

        Assert.All(answers.Values, a => Assert.Equal(Answer.No, a));
        Assert.DoesNotContain(Q.WeaknessWorseningFast, answers.Keys);
        Assert.DoesNotContain(Q.ClotBreathless, answers.Keys);
        Assert.DoesNotContain(Q.FirstEpisode, answers.Keys); // a routine question, not asked in this check
    }

    [Fact]
    public void Evaluate_SwollenLeg_IsUrgentToday()
    {
        // CLINICAL.md 1, "Suspected blood clot": same-day medical advice, not within 48 hours.
        var result = TriageEngine.Evaluate(new TriageInput(Answers.Yes(Q.SwollenLeg)));

        Assert.Equal(TriageLevel.Urgent, result.Level);
        Assert.True(result.SeeDoctorToday);
    }

    [Fact]
    public void Evaluate_SuspectedClotInTheProfile_IsUrgentTodayWithNoAnswers()
    {
        var result = TriageEngine.Evaluate(new TriageInput(Answers.None(), SciaticaRelief.Core.Profiles.HealthCondition.SuspectedClot));

        Assert.Equal(TriageLevel.Urgent, result.Level);
        Assert.True(result.SeeDoctorToday);
        Assert.Contains("U-CLOT", result.FiredRuleIds);
    }
}

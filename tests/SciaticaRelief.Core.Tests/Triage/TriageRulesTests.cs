using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Triage;
using Q = SciaticaRelief.Core.Triage.RedFlagQuestion;

namespace SciaticaRelief.Core.Tests.Triage;

/// <summary>
/// The red-flag table of CLINICAL.md section 1, one row per rule of <see cref="TriageRules.All"/>,
/// and the conditions of the rules that combine several facts.
/// </summary>
public sealed class TriageRulesTests
{
    public sealed record RuleRow(string RuleId, TriageLevel Level, TriageInput Input, string Why)
    {
        public override string ToString() => $"{RuleId}: {Why}";
    }

    private static RuleRow Row(string id, TriageLevel level, TriageInput input, string why) => new(id, level, input, why);

    private static TriageInput Says(params Q[] questions) => new(Answers.Yes(questions));

    /// <summary>One row per rule. Adding a rule without a row here fails <see cref="RuleTable_CoversEveryRule_NoRuleWithoutARow"/>.</summary>
    private static readonly RuleRow[] Rows =
    [
        Row("E-CES-SADDLE", TriageLevel.Emergency, Says(Q.SaddleNumbness),
            "CLINICAL.md 1: saddle numbness or tingling is a cauda equina sign: emergency now"),
        Row("E-CES-BLADDER", TriageLevel.Emergency, Says(Q.BladderControl),
            "CLINICAL.md 1: new trouble starting, stopping or controlling urination is a cauda equina sign: emergency now"),
        Row("E-CES-BOWEL", TriageLevel.Emergency, Says(Q.BowelControl),
            "CLINICAL.md 1: new loss of bowel control is a cauda equina sign: emergency now"),
        Row("E-CES-BILATERAL", TriageLevel.Emergency, Says(Q.BothLegs),
            "CLINICAL.md 1: sciatica or worsening weakness in both legs: emergency now"),
        Row("E-CES-SEXUAL", TriageLevel.Emergency, Says(Q.SexualDysfunction),
            "CLINICAL.md 1: new sexual dysfunction with sciatica [P]: emergency now"),
        Row("E-TRAUMA", TriageLevel.Emergency, Says(Q.MajorTrauma),
            "CLINICAL.md 1: back pain after major trauma (fall from height, road collision): emergency now"),
        Row("E-CLOT-LUNG", TriageLevel.Emergency, Says(Q.SwollenLeg, Q.ClotBreathless),
            "CLINICAL.md 1: a swollen, painful leg with sudden breathlessness, chest pain or coughing blood: emergency now"),
        Row("E-FEVER-WEAKNESS", TriageLevel.Emergency, Says(Q.FeverUnwell, Q.LegWeakness),
            "CLINICAL.md 1: fever or feeling very unwell together with new leg weakness [U]: emergency now"),
        Row("U-LEG-WEAKNESS", TriageLevel.Urgent, Says(Q.LegWeakness),
            "CLINICAL.md 1: new or worsening weakness in one leg (foot drop): see a doctor within 24-48 h"),
        Row("U-CLOT", TriageLevel.Urgent, Says(Q.SwollenLeg),
            "CLINICAL.md 1: a swollen, painful, warm or red calf or thigh is a possible clot: a doctor today, massage paused"),
        Row("U-INFECTION-FEVER", TriageLevel.Urgent, Says(Q.FeverUnwell),
            "CLINICAL.md 1: fever or chills with back pain may be infection: 24-48 h"),
        Row("U-INFECTION-RISK", TriageLevel.Urgent, Says(Q.InfectionRisk),
            "CLINICAL.md 1: IV drug use or recent infection with back pain: 24-48 h"),
        Row("U-INFECTION-IMMUNO", TriageLevel.Urgent,
            new TriageInput(Answers.Yes(Q.NewOrChangedPain), HealthCondition.Immunosuppression),
            "CLINICAL.md 1: immunosuppression with (new) back pain: 24-48 h"),
        Row("U-CANCER", TriageLevel.Urgent,
            new TriageInput(Answers.Yes(Q.NewOrChangedPain), HealthCondition.PastCancer),
            "CLINICAL.md 1: past cancer with new back pain: 24-48 h [U timing]"),
        Row("U-FRACTURE", TriageLevel.Urgent,
            new TriageInput(Answers.Yes(Q.MinorFall), HealthCondition.Osteoporosis),
            "CLINICAL.md 1: minor fall or strain with osteoporosis may be a fracture: 24-48 h"),
        Row("U-SUDDEN-SEVERE", TriageLevel.Urgent, Says(Q.SuddenSeverePain),
            "CLINICAL.md 1: sudden severe central back pain: 24-48 h"),
        Row("U-WEIGHT-LOSS", TriageLevel.Urgent, Says(Q.WeightLoss),
            "CLINICAL.md 1: unexplained weight loss: 24-48 h"),
        Row("U-NIGHT-PAIN", TriageLevel.Urgent, Says(Q.NightPain),
            "CLINICAL.md 1: constant night pain not eased by changing position: 24-48 h"),
        Row("R-AGE-FIRST-EPISODE", TriageLevel.Routine, new TriageInput(Answers.Yes(Q.FirstEpisode), Age: 60),
            "CLINICAL.md 1: first episode over 50, no other flags: routine appointment"),
        Row("R-NOT-IMPROVING", TriageLevel.Routine, Says(Q.NotImproving),
            "CLINICAL.md 1: no improvement after a few weeks, or worsening: routine appointment"),
        Row("R-DURATION", TriageLevel.Routine, Says(Q.OverSixWeeks),
            "CLINICAL.md 1: sciatica over 4-6 weeks: routine appointment"),
        Row("R-STARTBACK-HIGH", TriageLevel.Routine, new TriageInput(Answers.None(), StartBackHighRisk: true),
            "CLINICAL.md 1: STarT Back high risk: routine appointment (GP or physiotherapist)"),
        Row("R-NO-PROGRESS-28D", TriageLevel.Routine, new TriageInput(Answers.None(), NoProgressAfterFourWeeks: true),
            "CLINICAL.md 1: re-screen after about a month without a 30% improvement: routine appointment"),
    ];

    public static TheoryData<RuleRow> RuleTable => new(Rows);

    [Theory]
    [MemberData(nameof(RuleTable))]
    public void Evaluate_RuleCondition_FiresRuleAtItsLevel(RuleRow row)
    {
        var result = TriageEngine.Evaluate(row.Input);

        Assert.Equal(row.Level, result.Level);
        Assert.Contains(row.RuleId, result.FiredRuleIds);
        Assert.Equal(row.Level, TriageRules.Get(row.RuleId).Level);
    }

    [Fact]
    public void RuleTable_CoversEveryRule_NoRuleWithoutARow()
    {
        var inTable = Rows.Select(r => r.RuleId).ToHashSet(StringComparer.Ordinal);
        var inRules = TriageRules.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(inRules.Except(inTable)); // a rule with no test row
        Assert.Empty(inTable.Except(inRules)); // a row for a rule that no longer exists
        Assert.Equal(Rows.Length, inTable.Count); // one row per rule, not two
    }

    [Fact]
    public void All_RuleIds_AreUnique()
    {
        // Ids are stored with each assessment: two rules sharing one would make history ambiguous.
        var duplicates = TriageRules.All.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    public static TheoryData<string> RuleIds { get; } = new(TriageRules.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void All_EachRule_HasSourceAndReason(string id)
    {
        // CLINICAL.md: every rule carries where it comes from; the reason is what the Person is told.
        var rule = TriageRules.Get(id);
        Assert.False(string.IsNullOrWhiteSpace(rule.Source));
        Assert.False(string.IsNullOrWhiteSpace(rule.Reason));
    }

    public sealed record FiresRow(TriageInput Input, bool Fires, string Why)
    {
        public override string ToString() => Why;
    }

    private static TriageInput FirstEpisode(int? age, Answer answer = Answer.Yes) =>
        new(Answers.Of((Q.FirstEpisode, answer)), Age: age);

    public static TheoryData<FiresRow> AgeRows { get; } = new()
    {
        new(FirstEpisode(19), true, "19 is under 20: a first episode this young is a routine flag"),
        new(FirstEpisode(20), false, "20 is the lower edge of the no-flag band (under 20 fires, 20 does not)"),
        new(FirstEpisode(50), false, "50 is the upper edge of the no-flag band (over 50 fires, 50 does not)"),
        new(FirstEpisode(51), true, "51 is over 50: a first episode this late is a routine flag"),
        new(FirstEpisode(null), false, "age unknown (no birth year): the age rule cannot fire"),
        new(FirstEpisode(70, Answer.No), false, "over 50 but not a first episode: the rule needs both"),
        new(FirstEpisode(70, Answer.Unsure), true, "unsure whether it is a first episode counts as yes"),
    };

    [Theory]
    [MemberData(nameof(AgeRows))]
    public void Evaluate_AgeFirstEpisode_FiresOnlyUnder20OrOver50(FiresRow row) =>
        AssertFires("R-AGE-FIRST-EPISODE", TriageLevel.Routine, row);

    private static TriageInput Fall(Answer fall, HealthCondition conditions) => new(Answers.Of((Q.MinorFall, fall)), conditions);

    public static TheoryData<FiresRow> FractureRows { get; } = new()
    {
        new(Fall(Answer.Yes, HealthCondition.Osteoporosis), true, "minor fall with osteoporosis: fracture risk"),
        new(Fall(Answer.Yes, HealthCondition.LongTermSteroids), true, "minor fall with long-term steroids: steroids weaken bone"),
        new(Fall(Answer.Unsure, HealthCondition.Osteoporosis | HealthCondition.LongTermSteroids), true, "unsure about the fall counts as yes; both conditions still one rule"),
        new(Fall(Answer.Yes, HealthCondition.None), false, "a minor fall with healthy bones is not a red flag"),
        new(Fall(Answer.Yes, HealthCondition.PastCancer | HealthCondition.Pregnancy), false, "other conditions do not make a minor fall a fracture flag"),
        new(Fall(Answer.No, HealthCondition.Osteoporosis), false, "osteoporosis without a fall is not this flag"),
    };

    [Theory]
    [MemberData(nameof(FractureRows))]
    public void Evaluate_Fracture_NeedsMinorFallAndWeakBone(FiresRow row) =>
        AssertFires("U-FRACTURE", TriageLevel.Urgent, row);

    public sealed record ConditionRow(string RuleId, HealthCondition Conditions, Answer? NewOrChangedPain, bool Fires, string Why)
    {
        public override string ToString() => $"{RuleId}: {Why}";
    }

    public static TheoryData<ConditionRow> ConditionRows { get; } = new()
    {
        new("U-CANCER", HealthCondition.PastCancer, Answer.Yes, true, "past cancer with new back pain: possible metastasis"),
        new("U-CANCER", HealthCondition.PastCancer, Answer.Unsure, true, "unsure whether the pain is new counts as yes"),
        new("U-CANCER", HealthCondition.PastCancer, Answer.No, false, "past cancer with the usual, unchanged pain is not this flag"),
        new("U-CANCER", HealthCondition.PastCancer, null, false, "new-pain question not asked: cannot fire"),
        new("U-CANCER", HealthCondition.None, Answer.Yes, false, "new pain without a cancer history is not this flag"),
        new("U-CANCER", HealthCondition.Immunosuppression, Answer.Yes, false, "immunosuppression is its own rule, not the cancer rule"),
        new("U-INFECTION-IMMUNO", HealthCondition.Immunosuppression, Answer.Yes, true, "weakened immunity with new back pain: possible spinal infection"),
        new("U-INFECTION-IMMUNO", HealthCondition.Immunosuppression, Answer.Unsure, true, "unsure whether the pain is new counts as yes"),
        new("U-INFECTION-IMMUNO", HealthCondition.Immunosuppression, Answer.No, false, "weakened immunity with the usual pain is not this flag"),
        new("U-INFECTION-IMMUNO", HealthCondition.None, Answer.Yes, false, "new pain without weakened immunity is not this flag"),
        new("U-INFECTION-IMMUNO", HealthCondition.PastCancer, Answer.Yes, false, "past cancer is its own rule, not the immunity rule"),
    };

    [Theory]
    [MemberData(nameof(ConditionRows))]
    public void Evaluate_ConditionRule_NeedsConditionAndNewOrChangedPain(ConditionRow row)
    {
        var answers = row.NewOrChangedPain is { } a ? Answers.Of((Q.NewOrChangedPain, a)) : Answers.None();

        // The other condition rule may fire on the same answers, so the level is checked only when this one fires.
        AssertFires(row.RuleId, TriageLevel.Urgent, new FiresRow(new TriageInput(answers, row.Conditions), row.Fires, row.Why), nothingElseFires: false);
    }

    public sealed record FeverRow(Answer? Fever, Answer? Weakness, bool Fires, TriageLevel Level, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<FeverRow> FeverRows { get; } = new()
    {
        new(Answer.Yes, Answer.Yes, true, TriageLevel.Emergency, "fever with new leg weakness: possible spinal infection or abscess"),
        new(Answer.Unsure, Answer.Yes, true, TriageLevel.Emergency, "unsure about fever counts as yes"),
        new(Answer.Yes, Answer.Unsure, true, TriageLevel.Emergency, "unsure about weakness counts as yes"),
        new(Answer.Yes, null, false, TriageLevel.Urgent, "fever alone is the 24-48 h infection rule, not the emergency"),
        new(Answer.Yes, Answer.No, false, TriageLevel.Urgent, "fever without weakness is the 24-48 h infection rule"),
        new(null, Answer.Yes, false, TriageLevel.Urgent, "weakness alone is the 24-48 h weakness rule"),
        new(Answer.No, Answer.Yes, false, TriageLevel.Urgent, "weakness without fever is the 24-48 h weakness rule"),
    };

    [Theory]
    [MemberData(nameof(FeverRows))]
    public void Evaluate_FeverWeakness_NeedsBoth(FeverRow row)
    {
        var answers = Answers.None();
        if (row.Fever is { } fever)
        {
            answers[Q.FeverUnwell] = fever;
        }
        if (row.Weakness is { } weakness)
        {
            answers[Q.LegWeakness] = weakness;
        }

        var result = TriageEngine.Evaluate(new TriageInput(answers));

        Assert.Equal(row.Fires, result.FiredRuleIds.Contains("E-FEVER-WEAKNESS"));
        Assert.Equal(row.Level, result.Level);
    }

    private static void AssertFires(string ruleId, TriageLevel level, FiresRow row, bool nothingElseFires = true)
    {
        var result = TriageEngine.Evaluate(row.Input);

        Assert.Equal(row.Fires, result.FiredRuleIds.Contains(ruleId));
        if (row.Fires)
        {
            Assert.Equal(level, result.Level);
        }
        else if (nothingElseFires)
        {
            Assert.Equal(TriageLevel.SelfCare, result.Level);
        }
    }
}

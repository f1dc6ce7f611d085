using System.Text.Json;
using System.Text.RegularExpressions;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Tests.Triage;

/// <summary>The question catalogue and its wire ids, a public API contract (never rename, only add).</summary>
public sealed partial class RedFlagQuestionsTests
{
    public static TheoryData<RedFlagQuestion> EveryQuestion { get; } = new(Enum.GetValues<RedFlagQuestion>());

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();

    [Fact]
    public void All_Ids_AreUnique()
    {
        // Answers are stored by id: two questions sharing one would mix their answers.
        var duplicates = RedFlagQuestions.All.GroupBy(q => q.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(EveryQuestion))]
    public void All_EachEnumValue_HasExactlyOneEntry(RedFlagQuestion question)
    {
        // A question in the enum but not the catalogue could never be asked; Get would throw.
        Assert.Single(RedFlagQuestions.All, q => q.Question == question);
    }

    [Fact]
    public void All_Count_EqualsEnumValues()
    {
        // No entry for a value outside the enum's names (a cast integer) sneaks in.
        Assert.Equal(Enum.GetValues<RedFlagQuestion>().Length, RedFlagQuestions.All.Count);
        Assert.All(RedFlagQuestions.All, q => Assert.True(Enum.IsDefined(q.Question)));
    }

    [Theory]
    [MemberData(nameof(EveryQuestion))]
    public void IdOf_EachQuestion_IsKebabCase(RedFlagQuestion question)
    {
        // Ids appear in URLs, JSON and CSV headers: lower-case words joined by single hyphens.
        Assert.Matches(KebabCase(), RedFlagQuestions.IdOf(question));
    }

    [Theory]
    [MemberData(nameof(EveryQuestion))]
    public void TryParse_IdOfQuestion_RoundTrips(RedFlagQuestion question)
    {
        // The API reads answers back by id: every id must parse to the question it came from.
        Assert.True(RedFlagQuestions.TryParse(RedFlagQuestions.IdOf(question), out var parsed));
        Assert.Equal(question, parsed);
        Assert.Equal(question, RedFlagQuestions.Get(question).Question);
    }

    [Theory]
    [InlineData("not-a-question", "an id no question has")]
    [InlineData("", "empty")]
    [InlineData("SaddleNumbness", "the C# name is not the wire id")]
    [InlineData("saddle-numbness ", "trailing space: ids are compared exactly")]
    public void TryParse_UnknownId_False(string id, string why)
    {
        Assert.False(RedFlagQuestions.TryParse(id, out _), why);
    }

    [Theory]
    [MemberData(nameof(EveryQuestion))]
    public void JsonSerializer_EnumValue_WritesCatalogueId(RedFlagQuestion question)
    {
        // The JSON name (the OpenAPI document's enum) and the catalogue id must be the same string.
        var id = RedFlagQuestions.IdOf(question);

        Assert.Equal($"\"{id}\"", JsonSerializer.Serialize(question));
        Assert.Equal(question, JsonSerializer.Deserialize<RedFlagQuestion>($"\"{id}\""));
    }

    [Fact]
    public void JsonSerializer_AnswerMap_KeysAreCatalogueIds()
    {
        // Answers travel as an object keyed by question: the keys are the same public ids.
        var answers = new Dictionary<RedFlagQuestion, Answer>
        {
            [RedFlagQuestion.WeaknessWorseningFast] = Answer.Unsure,
            [RedFlagQuestion.SaddleNumbness] = Answer.No,
        };

        var json = JsonSerializer.Serialize(answers);

        Assert.Equal("""{"weakness-worsening-fast":"unsure","saddle-numbness":"no"}""", json);
        Assert.Equal(answers, JsonSerializer.Deserialize<Dictionary<RedFlagQuestion, Answer>>(json));
    }

    [Theory]
    [MemberData(nameof(EveryQuestion))]
    public void Get_EachQuestion_HasPlainQuestionText(RedFlagQuestion question)
    {
        // People do not volunteer red flags (CLINICAL.md 1): each must be asked as a question.
        var text = RedFlagQuestions.Get(question).Text;
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.EndsWith("?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void All_FollowUps_ComeAfterAnEveryCheckInParent()
    {
        // A follow-up is asked only after its parent's yes, so the parent must be asked first and as often.
        var order = RedFlagQuestions.All.Select(q => q.Question).ToList();
        foreach (var info in RedFlagQuestions.All.Where(q => q.DependsOn is not null))
        {
            var parent = info.DependsOn!.Value;
            Assert.True(order.IndexOf(parent) < order.IndexOf(info.Question), $"{info.Id} is asked before its parent");
            Assert.Equal(info.EveryCheckIn, RedFlagQuestions.Get(parent).EveryCheckIn);
        }
    }

    public static TheoryData<RedFlagQuestion, bool, string> CheckInRows { get; } = new()
    {
        { RedFlagQuestion.SaddleNumbness, true, "CLINICAL.md 1: ask emergency signs in every check-in" },
        { RedFlagQuestion.NightPain, true, "24-48 h signs are asked in every check-in too" },
        { RedFlagQuestion.FirstEpisode, false, "routine-appointment questions only at onboarding and a full symptom check" },
        { RedFlagQuestion.OverSixWeeks, false, "duration is a routine question" },
    };

    [Theory]
    [MemberData(nameof(CheckInRows))]
    public void ForCheckIn_Question_AskedAsClinicalMdSays(RedFlagQuestion question, bool everyCheckIn, string why)
    {
        Assert.True(everyCheckIn == RedFlagQuestions.ForCheckIn.Any(q => q.Question == question), why);
    }

    [Fact]
    public void ForCheckIn_AlarmRules_DependOnlyOnCheckInQuestions()
    {
        // An emergency or 24-48 h rule fed by an onboarding-only question would go unnoticed when the
        // sign appears later: yes to every onboarding-only question, with risky context, stays below Urgent.
        var onboardingOnly = RedFlagQuestions.All.Where(q => !q.EveryCheckIn).Select(q => q.Question).ToArray();
        var input = new TriageInput(
            Answers.Yes(onboardingOnly),
            HealthCondition.PastCancer | HealthCondition.Immunosuppression | HealthCondition.Osteoporosis,
            Age: 70);

        var result = TriageEngine.Evaluate(input);

        Assert.Equal(TriageLevel.Routine, result.Level);
    }
}

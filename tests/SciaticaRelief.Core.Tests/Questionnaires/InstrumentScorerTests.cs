using SciaticaRelief.Core.Questionnaires;

namespace SciaticaRelief.Core.Tests.Questionnaires;

/// <summary>Answers are validated against the Instrument before anything is scored or saved.</summary>
public sealed class InstrumentScorerTests
{
    private static readonly InstrumentCatalog Catalog = InstrumentCatalog.Build(
    [
        .. Definitions.ShippedFiles(),
        Definitions.Licensed("odi.json", Definitions.OdiLike()),
        Definitions.Licensed("startback.json", Definitions.StartBackLike()),
        Definitions.Licensed("rmdq.json", Definitions.RmdqLike()),
    ]);

    private static Instrument Get(string id) => Catalog.Find(id) ?? throw new InvalidOperationException(string.Join("\n", Catalog.Errors));

    private static ResponseAnswer[] Index(string legPain = "3", string numbness = "2", string weakness = "0", string sitting = "1") =>
        [new("leg-pain", legPain), new("numbness", numbness), new("weakness", weakness), new("sitting", sitting)];

    public sealed record BadRow(string Instrument, ResponseAnswer[] Answers, string Field, string Contains, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<BadRow> BadRows { get; } = new()
    {
        new("nrs", [new("pain", Integer: 11)], "answers.pain", "from 0 to 10", "the rating stops at 10"),
        new("nrs", [new("pain", Integer: -1)], "answers.pain", "from 0 to 10", "and starts at 0"),
        new("nrs", [], "answers.pain", "Answer", "the one item is required"),
        new("nrs", [new("pain", Code: "7")], "answers.pain", "whole number", "an integer item takes a number, not a code"),
        new("nrs", [new("pain", Integer: 4), new("mood", Integer: 2)], "answers", "no item 'mood'", "an unknown linkId is refused, not ignored"),
        new("nrs", [new("pain", Integer: 4), new("pain", Integer: 5)], "answers.pain", "takes one answer", "two answers to a 0–10 rating is ambiguous"),
        new("sciatica-index", Index(legPain: "7"), "answers.leg-pain", "'7' is not an option", "options stop at 6"),
        new("sciatica-index", Index(sitting: "extremely"), "answers.sitting", "options: 0, 1, 2, 3, 4, 5, 6", "the message lists the codes"),
        new("sciatica-index", Index()[..3], "answers.sitting", "Answer", "every item is needed for a sum"),
        new("sciatica-index", [.. Index(), new("intro", Code: "0")], "answers", "takes no answer", "display text cannot be answered"),
        new("rmdq", [new("q1", Boolean: true), new("q2", Integer: 1)], "answers.q2", "yes or no", "a yes/no item takes true or false"),
        new("startback", [new("q1", "agree")], "answers.q2", "Answer", "STarT Back needs all nine items"),
        new("startback", [.. Enumerable.Range(1, 8).Select(i => new ResponseAnswer($"q{i}", "agree")), new("q9", "very much")], "answers.q9", "not an option", "an option code must match exactly"),
        new("odi", [], "answers", "At least one section", "an Oswestry with no section answered has no score"),
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Score_BadAnswers_RefusedNamingTheItem(BadRow row)
    {
        var result = InstrumentScorer.Score(Get(row.Instrument), row.Answers);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors.For(row.Field), m => m.Contains(row.Contains, StringComparison.Ordinal));
    }

    [Fact]
    public void Score_SciaticaIndex_SumsTheOptionsOrdinalValues()
    {
        var result = InstrumentScorer.Score(Get("sciatica-index"), Index("5", "2", "1", "0"));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.All));
        Assert.Equal(8m, result.Value!.Result.Score);
        Assert.Equal("above-success-range", result.Value.Result.Band!.Id);
        Assert.Equal(["leg-pain", "numbness", "weakness", "sitting"], result.Value.Answers.Select(a => a.LinkId));
    }

    [Fact]
    public void Score_Oswestry_TwoBoxesTickedCountsTheHigher_AndAMissingSectionDropsOut()
    {
        var answers = Enumerable.Range(1, 9).Select(s => new ResponseAnswer($"section-{s}", s <= 7 ? "2" : "1")).ToList();
        answers.Add(new ResponseAnswer("section-1", "0"));

        var result = InstrumentScorer.Score(Get("odi"), answers);

        // Section 1 ticked 2 and 0: 2 counts. 7 × 2 + 2 × 1 = 16 of 45 = 35.6%.
        Assert.True(result.IsValid, string.Join("; ", result.Errors.All));
        Assert.Equal(35.6m, result.Value!.Result.Score);
        Assert.Equal("moderate", result.Value.Result.Band!.Id);
        Assert.Equal(10, result.Value.Answers.Count);
    }

    [Fact]
    public void Score_StartBack_ItemNineCountsOnlyForVeryMuchOrExtremely()
    {
        ResponseAnswer[] With(string q9) => [.. Enumerable.Range(1, 8).Select(i => new ResponseAnswer($"q{i}", i <= 3 ? "agree" : "disagree")), new("q9", q9)];

        var moderately = InstrumentScorer.Score(Get("startback"), With("moderately")).Value!.Result;
        var veryMuch = InstrumentScorer.Score(Get("startback"), With("very-much")).Value!.Result;

        Assert.Equal((3m, "low", 0m), (moderately.Score, moderately.Band!.Id, moderately.Subscores["distress"]));
        Assert.Equal((4m, "medium", 1m), (veryMuch.Score, veryMuch.Band!.Id, veryMuch.Subscores["distress"]));
    }

    [Fact]
    public void Score_RolandMorris_CountsYesAndBlanksAreNotTicked()
    {
        var result = InstrumentScorer.Score(Get("rmdq"), [new("q1", Boolean: true), new("q2", Boolean: false), new("q9", Boolean: true), new("q24", Boolean: true)]);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.All));
        Assert.Equal(3m, result.Value!.Result.Score);
        Assert.Equal("not-recovered", result.Value.Result.Band!.Id);
    }

    [Fact]
    public void Score_KeepsOnlyTheValueThatFitsTheItem()
    {
        var result = InstrumentScorer.Score(Get("nrs"), [new("pain", Integer: 6)]);

        Assert.Equal([new ResponseAnswer("pain", Integer: 6)], result.Value!.Answers);
        var row = new QuestionnaireResponse();
        result.Value.ApplyTo(row);
        Assert.Equal(6m, row.Score);
        Assert.Null(row.Band);
    }
}

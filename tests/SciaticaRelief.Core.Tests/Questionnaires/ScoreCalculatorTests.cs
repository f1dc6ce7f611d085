using SciaticaRelief.Core.Questionnaires;

namespace SciaticaRelief.Core.Tests.Questionnaires;

/// <summary>
/// The scoring of every instrument, from the shipped scoring files, with the published worked
/// examples as rows. Points are given by linkId; null means the item was left unanswered.
/// </summary>
public sealed class ScoreCalculatorTests
{
    public sealed record Row(string Instrument, IReadOnlyDictionary<string, decimal[]> Points, decimal? Score, string? Band, string Why, decimal? Distress = null)
    {
        public override string ToString() => $"{Instrument}: {Why}";
    }

    private static Dictionary<string, decimal[]> Sections(params int?[] points) =>
        points.Select((p, i) => (p, i)).Where(x => x.p is not null).ToDictionary(x => $"section-{x.i + 1}", x => new decimal[] { x.p!.Value });

    private static Dictionary<string, decimal[]> Items(string prefix, int count, int yes) =>
        Enumerable.Range(1, count).ToDictionary(i => $"{prefix}{i}", i => new decimal[] { i <= yes ? 1 : 0 });

    private static Dictionary<string, decimal[]> StartBack(int[] agree, bool q9Positive) =>
        Enumerable.Range(1, 9).ToDictionary(i => $"q{i}", i => new decimal[] { i == 9 ? (q9Positive ? 1 : 0) : agree.Contains(i) ? 1 : 0 });

    public static TheoryData<Row> Rows { get; } = new()
    {
        new("odi", Sections(2, 2, 2, 2, 2, 2, 1, 1, 1, 1), 32m, "moderate", "Fairbank & Pynsent 2000: 16 of 50 points is 32%"),
        new("odi", Sections(2, 2, 2, 2, 2, 2, 2, 1, 1, null), 35.6m, "moderate", "Fairbank & Pynsent 2000: one section missing, 16/45 = 35.555…%, rounded half away from zero to 35.6"),
        new("odi", new Dictionary<string, decimal[]>(Sections(2, 2, 2, 2, 2, 1, 1, 1, 1, 1)) { ["section-1"] = [2, 4] }, 34m, "moderate", "two boxes ticked: the higher (4) counts, 17 of 50 is 34%"),
        new("odi", Sections(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 20m, "minimal", "20% is the top of the published 0–20 minimal band"),
        new("odi", Sections(2, 1, 1, 1, 1, 1, 1, 1, 1, 1), 22m, "moderate", "22% is in 21–40 moderate"),
        new("odi", Sections(3, 2, 2, 2, 2, 2, 2, 2, 2, 2), 42m, "severe", "42% is in 41–60 severe"),
        new("odi", Sections(4, 3, 3, 3, 3, 3, 3, 3, 3, 3), 62m, "crippled", "62% is in 61–80 crippled"),
        new("odi", Sections(5, 4, 4, 4, 4, 4, 4, 4, 4, 4), 82m, "bed-bound", "82% is in 81–100 bed-bound"),
        new("odi", Sections(2, 1, 1, 1, 1, 1, 1, 1, null, null), 22.5m, "moderate", "9/40 = 22.5%, between the published 0–20 and 21–40: the higher band"),
        new("odi", Sections(null, null, null, null, null, null, null, null, null, null), null, null, "no section answered: no score rather than a division by zero"),
        new("rmdq", Items("q", 24, 0), 0m, "recovered", "Roland-Morris: no statement ticked is 0"),
        new("rmdq", Items("q", 24, 2), 2m, "recovered", "Kamper 2010: 2 or less is recovered"),
        new("rmdq", Items("q", 24, 3), 3m, "not-recovered", "3 is above the recovered range"),
        new("rmdq", Items("q", 24, 24), 24m, "not-recovered", "every statement ticked is the maximum, 24"),
        new("rmdq", new Dictionary<string, decimal[]> { ["q3"] = [1], ["q7"] = [1] }, 2m, "recovered", "blank statements count as not ticked"),
        new("startback", StartBack([], false), 0m, "low", "nothing positive: low risk", 0m),
        new("startback", StartBack([1, 2, 3], false), 3m, "low", "Keele: total 3 or less is low risk", 0m),
        new("startback", StartBack([5, 6, 7], false), 3m, "low", "total 3 is low risk even with distress 3", 3m),
        new("startback", StartBack([1, 2, 3], true), 4m, "medium", "total 4 with distress 1 (item 9 positive) is medium", 1m),
        new("startback", StartBack([1, 2, 3, 4, 5, 6, 7], false), 7m, "medium", "distress 3 is the top of medium", 3m),
        new("startback", StartBack([1, 5, 6, 7, 8], false), 5m, "high", "distress 4 is high", 4m),
        new("startback", StartBack([1, 2, 3, 4, 5, 6, 7, 8], true), 9m, "high", "everything positive: 9, distress 5, high", 5m),
        new("nrs", new Dictionary<string, decimal[]> { ["pain"] = [7] }, 7m, null, "the rating is the score"),
        new("nrs", new Dictionary<string, decimal[]>(), null, null, "an unanswered rating has no score"),
        new("sciatica-index", new Dictionary<string, decimal[]> { ["leg-pain"] = [3], ["numbness"] = [2], ["weakness"] = [0], ["sitting"] = [1] }, 6m, "success-range", "6 is within Grøvle's ≤ 6.5 success threshold"),
        new("sciatica-index", new Dictionary<string, decimal[]> { ["leg-pain"] = [3], ["numbness"] = [2], ["weakness"] = [1], ["sitting"] = [1] }, 7m, "above-success-range", "7 is above it"),
        new("sciatica-index", new Dictionary<string, decimal[]> { ["leg-pain"] = [6], ["numbness"] = [6], ["weakness"] = [6], ["sitting"] = [6] }, 24m, "above-success-range", "the total runs to 24"),
        new("sciatica-index", new Dictionary<string, decimal[]> { ["leg-pain"] = [6], ["numbness"] = [6], ["weakness"] = [6] }, null, null, "a sum needs all four items"),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Score_PublishedExample_GivesTheStatedScoreAndBand(Row row)
    {
        var definition = Definitions.Scoring(row.Instrument);

        var (result, error) = ScoreCalculator.Score(definition, row.Points.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<decimal>)kv.Value));

        if (row.Score is null)
        {
            Assert.Null(result);
            Assert.False(string.IsNullOrEmpty(error));
            return;
        }
        Assert.True(result is not null, error);
        Assert.Equal(row.Score, result.Score);
        Assert.Equal(row.Band, result.Band?.Id);
        if (row.Distress is { } distress)
        {
            Assert.Equal(distress, result.Subscores["distress"]);
        }
    }

    [Fact]
    public void ShippedVectors_EveryCaseScoresAsStated()
    {
        var failures = new List<string>();
        var files = Directory.GetFiles(Definitions.Folder, "*" + ScoringVectors.Suffix);

        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            var definition = Definitions.Scoring(name[..^ScoringVectors.Suffix.Length]);
            var (cases, errors) = ScoringVectors.Read(File.ReadAllText(path), name, definition);
            failures.AddRange(errors);
            Assert.NotEmpty(cases);
            failures.AddRange(ScoringVectors.Run(definition, cases, name));
        }

        Assert.Equal(5, files.Length);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void ScoringVectors_AWrongExpectation_IsReportedWithFileAndCase()
    {
        var definition = Definitions.Scoring("odi");
        const string json = """{ "cases": [ { "why": "deliberately wrong", "answers": { "section-1": 5 }, "score": 50 } ] }""";

        var (cases, errors) = ScoringVectors.Read(json, "odi.vectors.json", definition);
        var failures = ScoringVectors.Run(definition, cases, "odi.vectors.json");

        Assert.Empty(errors);
        Assert.Equal(["odi.vectors.json: case 'deliberately wrong' scored 100%, expected 50%."], failures);
    }

    public sealed record ChangeRow(string Instrument, decimal Baseline, decimal Latest, bool Important, string Why)
    {
        public override string ToString() => $"{Instrument}: {Why}";
    }

    public static TheoryData<ChangeRow> ChangeRows { get; } = new()
    {
        new("nrs", 8, 6, true, "Farrar 2001: a 2-point fall is important"),
        new("nrs", 8, 7, false, "1 point of 8 (12.5%) is neither 2 points nor 30%"),
        new("nrs", 3, 2, true, "1 point of 3 is 33%: at least 30% is important on a low baseline"),
        new("nrs", 4, 6, true, "a 2-point rise is an important worsening too"),
        new("odi", 40, 31, false, "9 points of 40 is 22.5%: neither threshold"),
        new("odi", 40, 30, true, "Ostelo 2008: 10 points is important"),
        new("odi", 20, 14, true, "6 points of 20 is 30%: the percentage threshold"),
        new("rmdq", 12, 8, true, "4 points of 12 is 33%: below 5 points but important by the percentage"),
        new("rmdq", 20, 16, false, "4 points of 20 is 20%: neither 5 points nor 30%"),
        new("rmdq", 20, 15, true, "Ostelo 2008: 5 points is important"),
        new("sciatica-index", 20, 2, false, "no important change is published for the adapted index: none is claimed"),
    };

    [Theory]
    [MemberData(nameof(ChangeRows))]
    public void Compare_AgainstTheImportantChange(ChangeRow row)
    {
        var change = Definitions.Scoring(row.Instrument).Compare(row.Baseline, row.Latest);

        Assert.Equal(row.Important, change.Important);
        Assert.Equal(row.Latest - row.Baseline, change.Difference);
        Assert.Equal(row.Latest < row.Baseline, change.Better);
    }
}

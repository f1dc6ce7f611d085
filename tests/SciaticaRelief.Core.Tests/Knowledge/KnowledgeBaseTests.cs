using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Tests.Treatments;

namespace SciaticaRelief.Core.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    private static ContentFile File(string name, string frontMatter, string body = "Text in our own words.") =>
        new(name, $"---\n{frontMatter}\n---\n{body}\n");

    // Lines: 2 id, 3 title, 4 summary, 5 group, 6 sources, 7 text, 8 mark, 9 related.
    private const string GoodTopic = """
        id: what-is-sciatica
        title: What sciatica is
        summary: Pain along the sciatic nerve.
        group: about-sciatica
        sources:
          - text: NICE NG59
            mark: P
        related: [heat]
        """;

    private const string Heat = """
        id: heat
        name: Heat
        kind: heat-or-cold
        setting: home
        technique: A warm pack.
        intensity: 1
        session_minutes: {min: 15, max: 20}
        targets: [muscle tension]
        cost: low
        evidence:
          grade: moderate
          summary: Small short-term benefit.
          sources: [{text: French 2006, mark: V}]
        related: [what-is-sciatica]
        """;

    private static (KnowledgeBase? Knowledge, IReadOnlyList<string> Errors) Read(params ContentFile[] topics) =>
        KnowledgeBase.Read(topics, [File("heat.md", Heat, "Warmth on the low back.")]);

    [Fact]
    public void Read_GoodFiles_GiveTopicsAndModalitiesLinkedBothWays()
    {
        var (kb, errors) = Read(File("what-is-sciatica.md", GoodTopic, "The **sciatic** nerve."));

        Assert.Empty(errors);
        var topic = Assert.Single(kb!.Topics);
        Assert.Equal(("what-is-sciatica", "What sciatica is", "Pain along the sciatic nerve.", KnowledgeGroup.AboutSciatica, "The **sciatic** nerve.", false, "what-is-sciatica.md"),
            (topic.Id, topic.Title, topic.Summary, topic.Group, topic.Body, topic.ReviewNeeded, topic.File));
        Assert.Equal(new Citation("NICE NG59", null, null, "P"), Assert.Single(topic.Sources));
        Assert.Equal(["heat"], topic.Related);
        Assert.Equal(["what-is-sciatica", "heat"], kb.Entries.Select(e => e.Id)); // by group: about sciatica, then home care
        Assert.Equal("topic", kb.Find("what-is-sciatica")!.Kind);
        Assert.Equal(("modality", EvidenceGrade.Moderate), (kb.Find("heat")!.Kind, kb.Find("heat")!.Grade));
        Assert.Null(kb.Find("nothing"));
    }

    public sealed record BadRow(string Find, string Replace, string Expected, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<BadRow> BadTopics { get; } = new()
    {
        new("id: what-is-sciatica\n", "", "line 2: \"id\" is missing", "no id: the page has no address"),
        new("id: what-is-sciatica", "id: What Is", "line 2: the id \"What Is\" is not kebab-case", "ids are addresses"),
        new("title: What sciatica is\n", "", "line 2: \"title\" is missing", "no title: nothing to show"),
        new("summary: Pain along the sciatic nerve.\n", "", "line 2: \"summary\" is missing", "no summary: the index and search show it"),
        new("group: about-sciatica", "group: misc", "line 5: unknown group \"misc\"", "a group the index does not have"),
        new("sources:\n  - text: NICE NG59\n    mark: P\n", "", "line 2: \"sources\" is missing", "a topic without sources"),
        new("    mark: P", "    mark: maybe", "line 8: unknown mark \"maybe\"", "marks are V, P, U"),
        new("related: [heat]", "related: [heat, reiki]", "line 9: related id \"reiki\" is not a modality or topic", "a related link to nothing"),
        new("related: [heat]", "related: [heat]\nreview: later", "line 10: unknown review \"later\"", "review is needed or absent"),
        new("group: about-sciatica", "group: [about]", "line 5: \"group\" must be text", "a list where text belongs"),
    };

    [Theory]
    [MemberData(nameof(BadTopics))]
    public void Read_BadTopic_FailsNamingTheFileTheLineAndTheProblem(BadRow row)
    {
        Assert.Contains(row.Find, GoodTopic, StringComparison.Ordinal);
        var (kb, errors) = Read(File("broken.md", GoodTopic.Replace(row.Find, row.Replace, StringComparison.Ordinal)));

        Assert.Null(kb);
        Assert.True(errors.Any(e => e.StartsWith("broken.md: ", StringComparison.Ordinal) && e.Contains(row.Expected, StringComparison.Ordinal)),
            row.Why + ": " + string.Join("\n", errors));
    }

    [Fact]
    public void Read_TopicWithoutText_FailsAtTheBodyLine()
    {
        var (_, errors) = Read(File("broken.md", GoodTopic, ""));

        Assert.Contains(errors, e => e.StartsWith("broken.md: line 11: the file has no text", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TopicIdUsedByAModality_Fails()
    {
        var (_, errors) = Read(File("what-is-sciatica.md", GoodTopic), File("heat-topic.md", GoodTopic.Replace("id: what-is-sciatica", "id: heat", StringComparison.Ordinal)));

        Assert.Contains(errors, e => e.StartsWith("heat-topic.md: the id \"heat\" is already used by the modality heat.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ModalityLinkingToAMissingTopic_FailsInTheModalityFile()
    {
        var (_, errors) = Read(); // heat.md links to what-is-sciatica, which is not there

        Assert.Contains(errors, e => e.StartsWith("heat.md: line 15: related id \"what-is-sciatica\"", StringComparison.Ordinal));
    }

    public sealed record SearchRow(string Query, string[] Expected, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<SearchRow> Searches { get; } = new()
    {
        new("sciatic", ["what-is-sciatica"], "a word in the title"),
        new("NERVE", ["what-is-sciatica"], "case does not matter; summary match"),
        new("warm", ["heat"], "a word in the body only"),
        new("sciatica warm", [], "every word must match somewhere"),
        new("  ", [], "no words, no results"),
        new("<script>alert(1)</script>", [], "markup is split into words that match nothing"),
        new("low back", ["heat"], "modalities are searched through their summary and body too"),
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public void Search_FindsPagesContainingEveryWord(SearchRow row)
    {
        var (kb, _) = Read(File("what-is-sciatica.md", GoodTopic, "The sciatic nerve runs down the leg."));

        Assert.Equal(row.Expected, kb!.Search(row.Query).Select(e => e.Id));
    }

    [Fact]
    public void Search_RanksTitleAboveSummaryAboveBody_ThenByTitle()
    {
        var a = File("a.md", GoodTopic.Replace("what-is-sciatica", "a-page", StringComparison.Ordinal).Replace("What sciatica is", "Zebra", StringComparison.Ordinal)
            .Replace("related: [heat]", "related: []", StringComparison.Ordinal), "Mentions walking in the body.");
        var b = File("b.md", GoodTopic.Replace("what-is-sciatica", "b-page", StringComparison.Ordinal).Replace("What sciatica is", "Walking", StringComparison.Ordinal)
            .Replace("related: [heat]", "related: []", StringComparison.Ordinal));
        var c = File("c.md", GoodTopic.Replace("what-is-sciatica", "c-page", StringComparison.Ordinal).Replace("What sciatica is", "Apple", StringComparison.Ordinal)
            .Replace("Pain along the sciatic nerve.", "About walking.", StringComparison.Ordinal).Replace("related: [heat]", "related: []", StringComparison.Ordinal));
        var d = File("d.md", GoodTopic.Replace("what-is-sciatica", "d-page", StringComparison.Ordinal).Replace("What sciatica is", "Aardvark", StringComparison.Ordinal)
            .Replace("related: [heat]", "related: []", StringComparison.Ordinal), "Walking too.");
        var (kb, errors) = KnowledgeBase.Read([a, b, c, d], [File("heat.md", Heat.Replace("related: [what-is-sciatica]", "related: []", StringComparison.Ordinal), "Warmth.")]);

        Assert.Empty(errors);
        Assert.Equal(["b-page", "c-page", "d-page", "a-page"], kb!.Search("walk").Select(e => e.Id));
    }

    [Fact]
    public void Terms_AreCappedInLengthAndNumber()
    {
        Assert.Equal(10, KnowledgeBase.Terms(string.Join(' ', Enumerable.Range(0, 30).Select(i => "w" + i))).Count);
        Assert.Single(KnowledgeBase.Terms(new string('a', 5000)));
        Assert.Equal(KnowledgeBase.MaxQueryLength, KnowledgeBase.Terms(new string('a', 5000))[0].Length);
    }

    // The repository's own topics.

    [Theory]
    [InlineData("what-is-sciatica", "the nerve and its path, symptoms, causes")]
    [InlineData("when-to-seek-care", "red flags, linking to the symptom check")]
    [InlineData("home-treatments", "heat, staying active, medicine as information only")]
    [InlineData("how-massage-may-help", "endorphins, trigger points, blood flow, stress and the evidence")]
    [InlineData("bruising-after-massage", "normal versus warning signs")]
    [InlineData("massage-machines", "the kinds of device and their safe use")]
    [InlineData("acupressure-and-ear-seeds", "an overview of both")]
    public void ShippedTopics_CoverTheArticlesSubjects(string id, string why)
    {
        var topic = TreatmentContent.Knowledge.Find(id);

        Assert.True(topic?.Topic is not null, why);
        Assert.NotEmpty(topic.Topic.Sources);
        Assert.Contains(topic.Related, r => TreatmentContent.Knowledge.Find(r)?.Topic is not null); // topics link to each other
    }

    [Fact]
    public void ShippedTopics_SayWhatMustBeSaid()
    {
        var kb = TreatmentContent.Knowledge;

        Assert.Contains("not a diagnosis", kb.Find("when-to-seek-care")!.Summary, StringComparison.Ordinal); // CLINICAL.md section 1
        Assert.Contains("(/triage)", kb.Find("when-to-seek-care")!.Body, StringComparison.Ordinal);
        Assert.Contains("does not advise any medicine or dose", kb.Find("home-treatments")!.Body, StringComparison.Ordinal);
        Assert.Contains("NICE's 2020 guideline", kb.Find("home-treatments")!.Body, StringComparison.Ordinal);
        foreach (var kind in new[] { "Percussion massage gun", "Shiatsu kneading massager", "Handheld vibration massager", "Foot massager", "Massage ball and foam roller" })
        {
            Assert.Contains("**" + kind, kb.Find("massage-machines")!.Body, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("http", kb.Find("massage-machines")!.Body, StringComparison.Ordinal); // no shop or affiliate links
    }

    [Fact]
    public void ShippedSearch_FindsBruisingFromAWordStart()
    {
        Assert.Equal("bruising-after-massage", TreatmentContent.Knowledge.Search("bruis")[0].Id);
    }

    [Fact]
    public void ShippedTopicsCitingUnverifiedFacts_AreMarkedForReview()
    {
        Assert.All(TreatmentContent.Knowledge.Topics.Where(t => t.Sources.Any(s => s.Mark == "U")), t => Assert.True(t.ReviewNeeded, t.File));
    }
}

using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Tests.Treatments;

public sealed class ModalityCatalogTests
{
    private static ContentFile File(string name, string frontMatter, string body = "One paragraph in our own words.") =>
        new(name, $"---\n{frontMatter}\n---\n{body}\n");

    private const string Identity = "id: swedish-massage\nname: Swedish massage\nkind: massage\nsetting: therapist";

    // A complete file; the comments give each line's number in the file (the front matter starts on line 2).
    private const string Good = Identity + """

        technique: Long gliding strokes.
        intensity: 2
        session_minutes: {min: 30, max: 60}
        targets: [muscle tension, stress]
        cost: high
        evidence:
          grade: very-low
          summary: No trials of this type alone.
          sources:
            - text: Furlan et al. 2015
              doi: 10.1002/14651858.CD001929.pub3
              mark: V
        contraindications:
          - condition: suspected-clot
            action: avoid
            where: the leg
            reason: Could loosen a clot.
            source: CLINICAL.md 4 [P]
        related: [what-is-sciatica]
        """;
    // Lines: 6 technique, 7 intensity, 8 session_minutes, 9 targets, 10 cost, 11 evidence, 12 grade,
    // 13 summary, 14 sources, 15 text, 16 doi, 17 mark, 18 contraindications, 19 condition,
    // 20 action, 21 where, 22 reason, 23 source, 24 related.

    private static readonly string[] Topics = ["what-is-sciatica"];

    private static (ModalityCatalog? Catalog, IReadOnlyList<string> Errors) ReadOne(string frontMatter, string body = "One paragraph in our own words.") =>
        ModalityCatalog.Read([File("broken.md", frontMatter, body)], Topics);

    [Fact]
    public void Read_GoodFile_GivesTheModalityWithItsKnowledge()
    {
        var (catalog, errors) = ReadOne(Good, "Long gliding strokes.\n\n## What a session is like\n\nRelaxing.");

        Assert.Empty(errors);
        var m = Assert.Single(catalog!.All);
        Assert.Equal(("swedish-massage", "Swedish massage", TreatmentKind.Massage, ModalitySetting.Therapist), (m.Id, m.Name, m.Kind, m.Setting));
        Assert.Equal("Long gliding strokes.", m.Summary); // the first paragraph, for the treatment form
        Assert.EndsWith("Relaxing.", m.Body, StringComparison.Ordinal);
        var k = m.Knowledge!;
        Assert.Equal(("Long gliding strokes.", 2, new MinuteRange(30, 60), CostTier.High, false), (k.Technique, k.Intensity, k.SessionMinutes, k.Cost, k.ReviewNeeded));
        Assert.Equal(["muscle tension", "stress"], k.Targets);
        Assert.Equal(EvidenceGrade.VeryLow, k.Evidence.Grade);
        Assert.Equal(new Citation("Furlan et al. 2015", "10.1002/14651858.CD001929.pub3", null, "V"), Assert.Single(k.Evidence.Sources));
        Assert.Equal(new ContraindicationRule(HealthCondition.SuspectedClot, RuleAction.Avoid, "Could loosen a clot.", "CLINICAL.md 4 [P]", "the leg"), Assert.Single(k.Contraindications));
        Assert.Equal(["what-is-sciatica"], k.Related);
        Assert.Same(m, catalog.Find("swedish-massage"));
        Assert.Null(catalog.Find("Swedish-Massage")); // ids are compared exactly
    }

    [Fact]
    public void Read_ReviewNeeded_SetsTheFlag()
    {
        var (catalog, errors) = ReadOne(Good + "\nreview: needed");

        Assert.Empty(errors);
        Assert.True(Assert.Single(catalog!.All).Knowledge!.ReviewNeeded);
    }

    [Theory]
    [InlineData("rest", "rest has no pressure")]
    [InlineData("medicine", "medicine has no pressure")]
    public void Read_NoIntensity_IsAllowedForKindsWithoutPressure(string kind, string why)
    {
        var (catalog, errors) = ReadOne(Good.Replace("kind: massage", "kind: " + kind, StringComparison.Ordinal).Replace("intensity: 2\n", "", StringComparison.Ordinal));

        Assert.True(errors.Count == 0, why + ": " + string.Join("; ", errors));
        Assert.Null(Assert.Single(catalog!.All).Knowledge!.Intensity);
    }

    [Fact]
    public void Read_OtherWithoutKnowledge_IsValid()
    {
        // "Something else" is whatever the Person tried: there is nothing to grade.
        var (catalog, errors) = ReadOne("id: other\nname: Something else\nkind: other\nsetting: home");

        Assert.Empty(errors);
        Assert.Null(Assert.Single(catalog!.All).Knowledge);
    }

    public sealed record BadRow(string Find, string Replace, string Expected, string Why)
    {
        public override string ToString() => Why;
    }

    /// <summary>Each row breaks the good file in one place; the message must name the file and the line.</summary>
    public static TheoryData<BadRow> BadFiles { get; } = new()
    {
        new("id: swedish-massage\n", "", "line 2: \"id\" is missing", "no id: treatments could not refer to it"),
        new("name: Swedish massage\n", "", "line 2: \"name\" is missing", "no name: nothing to show people"),
        new("kind: massage\n", "", "line 2: \"kind\" is missing", "no kind: the form would not know its fields"),
        new("setting: therapist\n", "", "line 2: \"setting\" is missing", "no setting: therapist or home is required"),
        new("kind: massage", "kind: reiki", "line 4: unknown kind \"reiki\"", "a kind outside the TreatmentKind wire names"),
        new("kind: massage", "kind: Massage", "line 4: unknown kind \"Massage\"", "kinds are the exact wire names, lower case"),
        new("setting: therapist", "setting: spa", "line 5: unknown setting \"spa\"", "a setting other than therapist or home"),
        new("id: swedish-massage", "id: Swedish Massage", "line 2: the id \"Swedish Massage\" is not kebab-case", "ids are stable kebab-case keys"),
        new("id: swedish-massage", "id: [swedish]", "line 2: \"id\" must be text", "a list where text belongs"),
        new("targets: [muscle tension, stress]", "targets: [muscle tension, stress", "line 9", "YAML that does not parse: the message gives the line in the file"),
        new("technique: Long gliding strokes.\n", "", "line 2: \"technique\" is missing", "knowledge is required for every kind but other"),
        new("intensity: 2\n", "", "\"intensity\" is missing", "a massage must say how firm it is"),
        new("intensity: 2", "intensity: 6", "line 7: intensity 6 is out of range", "intensity above 5"),
        new("intensity: 2", "intensity: 0", "line 7: intensity 0 is out of range", "intensity below 1"),
        new("intensity: 2", "intensity: firm", "line 7: \"intensity\" must be a whole number", "intensity as a word"),
        new("{min: 30, max: 60}", "{min: 60, max: 30}", "line 8: session minutes: min 60 is more than max 30", "min above max"),
        new("{min: 30, max: 60}", "{min: 30}", "line 8: \"session_minutes\" needs both min and max", "a range with one end"),
        new("session_minutes: {min: 30, max: 60}\n", "", "\"session_minutes\" is missing", "no typical session length"),
        new("targets: [muscle tension, stress]", "targets: []", "line 9: \"targets\" is missing or empty", "nothing it aims at"),
        new("cost: high", "cost: cheap", "line 10: unknown cost \"cheap\"", "a cost outside free, low, moderate, high"),
        new("  grade: very-low\n", "", "line 11: \"grade\" is missing", "evidence without a grade"),
        new("grade: very-low", "grade: strong", "line 12: unknown grade \"strong\"", "a grade outside CLINICAL.md's scale"),
        new("  summary: No trials of this type alone.\n", "", "line 11: \"summary\" is missing", "a grade without saying what was compared"),
        new("""
              sources:
                - text: Furlan et al. 2015
                  doi: 10.1002/14651858.CD001929.pub3
                  mark: V

            """, "", "line 11: \"sources\" is missing", "evidence without sources"),
        new("  sources:\n    - text: Furlan et al. 2015\n      doi: 10.1002/14651858.CD001929.pub3\n      mark: V", "  sources: []", "line 14: \"sources\" is empty", "an empty source list"),
        new("      mark: V", "      mark: X", "line 17: unknown mark \"X\"", "marks are CLINICAL.md's V, P, U"),
        new("      mark: V\n", "", "line 15: \"mark\" is missing", "a source without its mark"),
        new("      doi: 10.1002/14651858.CD001929.pub3", "      url: javascript:alert(1)", "line 16: the url \"javascript:alert(1)\" is not an https address", "a link that is not https would be rendered as a link"),
        new("session_minutes: {min: 30, max: 60}", "session_minutes: 30", "line 8: \"session_minutes\" must be a mapping", "a length without its range"),
        new("condition: suspected-clot", "condition: heart-disease", "line 19: unknown condition \"heart-disease\"", "a condition the profile cannot hold"),
        new("action: avoid", "action: never", "line 20: unknown action \"never\"", "an action other than avoid or caution"),
        new("    reason: Could loosen a clot.\n", "", "line 19: \"reason\" is missing", "a rule without its reason"),
        new("    source: CLINICAL.md 4 [P]\n", "", "line 19: \"source\" is missing", "a rule without its source"),
        new("  - condition: suspected-clot", "  - suspected-clot\n  - condition: suspected-clot", "line 19: every contraindication must be a mapping", "a rule as a bare word"),
        new("related: [what-is-sciatica]", "related: [what-is-sciatica, reiki]", "line 24: related id \"reiki\" is not a modality or topic", "a related link to nothing"),
        new("related: [what-is-sciatica]", "review: maybe", "line 24: unknown review \"maybe\"", "review is needed or absent"),
        new("    where: the leg\n", "    where: the leg\n    areas: [thigh, shin]\n", "line 22: unknown body-map region \"shin\" in \"areas\"", "areas are the body map's regions"),
        new("    where: the leg\n", "    areas: [thigh, calf, foot]\n", "line 21: \"areas\" needs \"where\" beside it", "a Person reads the place in words, not region ids"),
    };

    [Fact]
    public void Read_RuleWithAreas_KeepsTheBodyMapRegions()
    {
        var (catalog, errors) = ReadOne(Good.Replace("    where: the leg\n", "    where: the leg\n    areas: [thigh, calf, foot]\n", StringComparison.Ordinal));

        Assert.Empty(errors);
        Assert.Equal([Core.Journal.BodyRegion.Thigh, Core.Journal.BodyRegion.Calf, Core.Journal.BodyRegion.Foot], Assert.Single(catalog!.All[0].Knowledge!.Contraindications).Areas);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Read_BadFile_FailsNamingTheFileTheLineAndTheProblem(BadRow row)
    {
        Assert.Contains(row.Find, Good, StringComparison.Ordinal); // the row still matches the good file
        var (catalog, errors) = ReadOne(Good.Replace(row.Find, row.Replace, StringComparison.Ordinal));

        Assert.Null(catalog);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("broken.md: ", e, StringComparison.Ordinal));
        Assert.True(errors.Any(e => e.Contains(row.Expected, StringComparison.Ordinal)), row.Why + ": " + string.Join("\n", errors));
    }

    [Fact]
    public void Read_NoBody_OrABodyStartingWithAHeading_FailsAtTheBodyLine()
    {
        Assert.Contains("broken.md: line 26: the file has no text", Assert.Single(ReadOne(Good, "").Errors), StringComparison.Ordinal);
        Assert.Contains("broken.md: line 26: the text must start with a paragraph", Assert.Single(ReadOne(Good, "## What it is\n\nText.").Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoFrontMatter_FailsNamingTheFile()
    {
        var (catalog, errors) = ModalityCatalog.Read([new ContentFile("plain.md", "Just text.")]);

        Assert.Null(catalog);
        Assert.Contains("plain.md: the file must start with a line \"---\"", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoFilesShareAnId_FailsNamingBoth()
    {
        var (catalog, errors) = ModalityCatalog.Read([File("a.md", Good), File("b.md", Good.Replace("Swedish massage", "Another", StringComparison.Ordinal))], Topics);

        Assert.Null(catalog);
        var error = Assert.Single(errors);
        Assert.Contains("b.md", error, StringComparison.Ordinal);
        Assert.Contains("already used by a.md", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RelatedIdOfAnotherModality_IsFound_AndTopicsCountOnlyWhenGiven()
    {
        var deep = Good.Replace("swedish-massage", "deep-tissue-massage", StringComparison.Ordinal).Replace("related: [what-is-sciatica]", "related: [swedish-massage]", StringComparison.Ordinal);

        Assert.Empty(ModalityCatalog.Read([File("a.md", Good), File("b.md", deep)], Topics).Errors);
        Assert.Contains("a.md: line 24: related id \"what-is-sciatica\"", Assert.Single(ModalityCatalog.Read([File("a.md", Good), File("b.md", deep)]).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralBadFiles_ThrowsWithEveryProblem()
    {
        var e = Assert.Throws<ContentException>(() => ModalityCatalog.Load([File("one.md", "id: one\nname: One\nkind: nope\nsetting: home"), File("two.md", "id: two\nkind: other\nsetting: home")]));

        Assert.Contains("one.md: line 4: unknown kind", e.Message, StringComparison.Ordinal);
        Assert.Contains("two.md: line 2: \"name\" is missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoFiles_IsAnError()
    {
        Assert.NotEmpty(ModalityCatalog.Read([]).Errors);
    }

    // The article's treatments (../shared/reference/massage-for-sciatica-article.txt and PRODUCT.md capability 5).
    public static TheoryData<string, TreatmentKind, ModalitySetting> ArticleModalities { get; } = new()
    {
        { "deep-tissue-massage", TreatmentKind.Massage, ModalitySetting.Therapist },
        { "neuromuscular-massage", TreatmentKind.Massage, ModalitySetting.Therapist },
        { "swedish-massage", TreatmentKind.Massage, ModalitySetting.Therapist },
        { "hot-stone-massage", TreatmentKind.Massage, ModalitySetting.Therapist },
        { "myofascial-release", TreatmentKind.Massage, ModalitySetting.Therapist },
        { "acupressure-by-therapist", TreatmentKind.Acupressure, ModalitySetting.Therapist },
        { "self-acupressure", TreatmentKind.Acupressure, ModalitySetting.Home },
        { "acupuncture", TreatmentKind.Acupuncture, ModalitySetting.Therapist },
        { "ear-seeds", TreatmentKind.EarSeeds, ModalitySetting.Home },
        { "percussion-massage-gun", TreatmentKind.Machine, ModalitySetting.Home },
        { "shiatsu-kneading-massager", TreatmentKind.Machine, ModalitySetting.Home },
        { "vibration-massager", TreatmentKind.Machine, ModalitySetting.Home },
        { "heated-massage-cushion", TreatmentKind.Machine, ModalitySetting.Home },
        { "massage-chair", TreatmentKind.Machine, ModalitySetting.Home },
        { "foot-massager", TreatmentKind.Machine, ModalitySetting.Home },
        { "massage-ball-and-foam-roller", TreatmentKind.Machine, ModalitySetting.Home }, // issue 4 lists it as a device kind
        { "heat", TreatmentKind.HeatOrCold, ModalitySetting.Home },
        { "cold", TreatmentKind.HeatOrCold, ModalitySetting.Home },
        { "rest-and-staying-active", TreatmentKind.Rest, ModalitySetting.Home },
        { "over-the-counter-medicine", TreatmentKind.Medicine, ModalitySetting.Home },
        { "other", TreatmentKind.Other, ModalitySetting.Home },
    };

    [Theory]
    [MemberData(nameof(ArticleModalities))]
    public void RepositoryCatalogue_HasEveryTreatmentOfTheArticle(string id, TreatmentKind kind, ModalitySetting setting)
    {
        var m = TreatmentContent.Catalog.Find(id);

        Assert.NotNull(m);
        Assert.Equal(kind, m.Kind);
        Assert.Equal(setting, m.Setting);
        Assert.DoesNotContain("\n\n", m.Summary, StringComparison.Ordinal); // one paragraph
    }

    [Fact]
    public void RepositoryCatalogue_EveryKindHasAModality_AndEveryFileIsListedAbove()
    {
        var catalog = TreatmentContent.Catalog;

        Assert.All(TreatmentKinds.All, k => Assert.NotEmpty(catalog.OfKind(k)));
        var listed = ArticleModalities.Select(r => (string)r[0]).ToHashSet(StringComparer.Ordinal);
        Assert.All(catalog.All, m => Assert.Contains(m.Id, listed)); // a new file needs a row above
    }
}

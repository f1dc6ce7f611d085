using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Tests.Treatments;

public sealed class ModalityCatalogTests
{
    private static ContentFile File(string name, string frontMatter, string body = "One paragraph in our own words.") =>
        new(name, $"---\n{frontMatter}\n---\n{body}\n");

    private const string Good = "id: swedish-massage\nname: Swedish massage\nkind: massage\nsetting: therapist";

    [Fact]
    public void Read_GoodFile_GivesTheModality()
    {
        var (catalog, errors) = ModalityCatalog.Read([File("swedish-massage.md", Good, "Long gliding strokes.")]);

        Assert.Empty(errors);
        var m = Assert.Single(catalog!.All);
        Assert.Equal(new Modality("swedish-massage", "Swedish massage", TreatmentKind.Massage, ModalitySetting.Therapist, "Long gliding strokes.", "swedish-massage.md"), m);
        Assert.Same(m, catalog.Find("swedish-massage"));
        Assert.Null(catalog.Find("Swedish-Massage")); // ids are compared exactly
    }

    [Fact]
    public void Read_KeysItDoesNotKnowYet_AreIgnored()
    {
        // The knowledge issue adds technique, evidence and contraindications to these same files.
        var enriched = Good + "\nevidence:\n  grade: low\n  sources: [\"Furlan 2015\"]\ncontraindications:\n  - condition: pregnancy\n    rule: ask\nreview: needed";

        var (catalog, errors) = ModalityCatalog.Read([File("swedish-massage.md", enriched)]);

        Assert.Empty(errors);
        Assert.Equal("swedish-massage", Assert.Single(catalog!.All).Id);
    }

    public sealed record BadRow(string FrontMatter, string Body, string Expected, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<BadRow> BadFiles { get; } = new()
    {
        new("name: Swedish massage\nkind: massage\nsetting: therapist", "Text.", "\"id\" is missing", "no id: treatments could not refer to it"),
        new("id: swedish-massage\nkind: massage\nsetting: therapist", "Text.", "\"name\" is missing", "no name: nothing to show people"),
        new("id: swedish-massage\nname: Swedish massage\nsetting: therapist", "Text.", "\"kind\" is missing", "no kind: the form would not know its fields"),
        new("id: swedish-massage\nname: Swedish massage\nkind: massage", "Text.", "\"setting\" is missing", "no setting: therapist or home is required"),
        new("id: swedish-massage\nname: Swedish massage\nkind: reiki\nsetting: therapist", "Text.", "unknown kind \"reiki\"", "a kind outside the TreatmentKind wire names"),
        new("id: swedish-massage\nname: Swedish massage\nkind: Massage\nsetting: therapist", "Text.", "unknown kind \"Massage\"", "kinds are the exact wire names, lower case"),
        new("id: swedish-massage\nname: Swedish massage\nkind: massage\nsetting: spa", "Text.", "unknown setting \"spa\"", "a setting other than therapist or home"),
        new("id: Swedish Massage\nname: Swedish massage\nkind: massage\nsetting: therapist", "Text.", "not kebab-case", "ids are stable kebab-case keys"),
        new("id: swedish-massage\nname: Swedish massage\nkind: massage\nsetting: therapist", "", "no text after its front matter", "the one-paragraph description is required"),
        new("id: [swedish]\nname: x\nkind: massage\nsetting: home", "Text.", "line 2", "YAML that does not fit: the message gives the line in the file"),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Read_BadFile_FailsNamingTheFileAndTheProblem(BadRow row)
    {
        var (catalog, errors) = ModalityCatalog.Read([File("broken.md", row.FrontMatter, row.Body)]);

        Assert.Null(catalog);
        var error = Assert.Single(errors);
        Assert.StartsWith("broken.md", error, StringComparison.Ordinal);
        Assert.Contains(row.Expected, error, StringComparison.Ordinal);
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
        var (catalog, errors) = ModalityCatalog.Read([File("a.md", Good), File("b.md", Good.Replace("Swedish massage", "Another", StringComparison.Ordinal))]);

        Assert.Null(catalog);
        var error = Assert.Single(errors);
        Assert.Contains("b.md", error, StringComparison.Ordinal);
        Assert.Contains("already used by a.md", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralBadFiles_ThrowsWithEveryProblem()
    {
        var e = Assert.Throws<ContentException>(() => ModalityCatalog.Load([File("one.md", "id: one\nname: One\nkind: nope\nsetting: home"), File("two.md", "id: two\nkind: rest\nsetting: home")]));

        Assert.Contains("one.md: unknown kind", e.Message, StringComparison.Ordinal);
        Assert.Contains("two.md: \"name\" is missing", e.Message, StringComparison.Ordinal);
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

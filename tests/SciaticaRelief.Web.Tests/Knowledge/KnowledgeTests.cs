using System.Net;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Knowledge;

/// <summary>The knowledge base through the API (/api/v1/knowledge) and the pages (/learn).</summary>
public sealed class KnowledgeTests
{
    [Fact]
    public void ConditionWords_EveryHealthCondition_HasItsOwnWords()
    {
        // The switch has a fallback arm (the wire id): a new condition must not reach a page as "recent-fracture".
        foreach (var c in Core.Profiles.HealthConditions.All)
        {
            var words = SciaticaRelief.Web.Knowledge.KnowledgeText.Condition(c.Condition);
            Assert.NotEqual(c.Id, words);
            Assert.Contains(" ", words, StringComparison.Ordinal);
        }
        Assert.Equal("you have broken a bone in the last 3 months", SciaticaRelief.Web.Knowledge.KnowledgeText.Condition(Core.Profiles.HealthCondition.RecentFracture));
    }

    private const string Hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

    [Fact]
    public async Task List_GivesEveryTopicAndModality_WithKindSummaryAndGrade()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var list = (await (await api.GetAsync("/api/v1/knowledge")).ReadAsync()).AsArray();

        var deep = list.Single(e => (string)e!["id"]! == "deep-tissue-massage")!;
        Assert.Equal(("Deep tissue massage", "modality", "massage-types", "very-low"), ((string)deep["title"]!, (string)deep["kind"]!, (string)deep["group"]!, (string)deep["grade"]!));
        var topic = list.Single(e => (string)e!["id"]! == "what-is-sciatica")!;
        Assert.Equal(("topic", "about-sciatica"), ((string)topic["kind"]!, (string)topic["group"]!));
        Assert.Null(topic["grade"]);
        Assert.Contains(list, e => (string)e!["id"]! == "massage-ball-and-foam-roller");
    }

    [Fact]
    public async Task Search_RanksAndFindsFromAWordStart()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var found = (await (await api.GetAsync("/api/v1/knowledge?q=bruis")).ReadAsync()).AsArray();
        var none = (await (await api.GetAsync("/api/v1/knowledge?q=" + Uri.EscapeDataString(Hostile))).ReadAsync()).AsArray();

        Assert.Equal("bruising-after-massage", (string)found[0]!["id"]!);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Search_TooLong_Is400Problem()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.GetAsync("/api/v1/knowledge?q=" + new string('a', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.ReadAsync())["errors"]!["q"]);
    }

    [Fact]
    public async Task Get_Modality_GivesItsStructuredKnowledge()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var page = await (await api.GetAsync("/api/v1/knowledge/deep-tissue-massage")).ReadAsync();

        var modality = page["modality"]!;
        Assert.Equal(5, (int)modality["intensity"]!);
        Assert.Equal("therapist", (string)modality["setting"]!);
        Assert.Equal("very-low", (string)modality["evidence"]!["grade"]!);
        Assert.Contains(modality["evidence"]!["sources"]!.AsArray(), s => (string?)s!["doi"] == "10.1155/2014/287597");
        var rule = modality["contraindications"]!.AsArray().Single(r => (string)r!["condition"]! == "anticoagulants-or-bleeding-disorder")!;
        Assert.Equal("avoid", (string)rule["action"]!);
        Assert.Contains(page["related"]!.AsArray(), r => (string)r!["id"]! == "bruising-after-massage");
        Assert.StartsWith("A therapist works slowly", (string)page["markdown"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownId_Is404Problem()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.GetAsync("/api/v1/knowledge/reiki");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task LearnPage_ListsTheGroups_AndSearchShowsResultsOrNoTopicFound()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var index = await browser.GetPageAsync("/learn");
        var results = await browser.GetPageAsync("/learn?q=heat");
        var none = await browser.GetPageAsync("/learn?q=zzzz");

        foreach (var group in new[] { "About sciatica", "Home care", "Massage types", "Acupressure and ear seeds", "Massage machines" })
        {
            Assert.Contains($">{group}</h2>", index, StringComparison.Ordinal);
        }
        Assert.Contains("href=\"/learn/heat\"", results, StringComparison.Ordinal);
        Assert.Contains("No topic found for &quot;zzzz&quot;", none, StringComparison.Ordinal);
        Assert.Contains("href=\"/learn\"", index, StringComparison.Ordinal); // the nav link
    }

    [Fact]
    public async Task LearnPage_HostileQuery_IsEchoedAsText()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var page = await browser.GetPageAsync("/learn?q=" + Uri.EscapeDataString(Hostile));

        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModalityPage_ShowsFactsEvidenceRulesCitationsAndReview()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var deep = await browser.GetPageAsync("/learn/deep-tissue-massage");
        var selfAcupressure = await browser.GetPageAsync("/learn/self-acupressure");

        Assert.Contains("<h1>Deep tissue massage</h1>", deep, StringComparison.Ordinal);
        Assert.Contains("5 of 5", deep, StringComparison.Ordinal);
        Assert.Contains("30 to 60 minutes", deep, StringComparison.Ordinal);
        Assert.Contains("Evidence: Very low", deep, StringComparison.Ordinal);
        Assert.Contains("href=\"https://doi.org/10.1155/2014/287597\"", deep, StringComparison.Ordinal);
        Assert.Contains("<strong>Avoid if</strong> you take blood thinners", deep, StringComparison.Ordinal);
        Assert.Contains("<h2>What it is</h2>", deep, StringComparison.Ordinal); // the body's Markdown, rendered
        Assert.DoesNotContain("Needs clinical review.", deep, StringComparison.Ordinal);
        Assert.Contains("Needs clinical review.", selfAcupressure, StringComparison.Ordinal);
        var other = await browser.GetPageAsync("/learn/other"); // "Something else" has no knowledge to show
        Assert.DoesNotContain("Sources</h2>", other, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(other, "Any other treatment you tried"));
    }

    [Fact]
    public async Task TopicPage_RendersMarkdown_AndLinksRelatedPages()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var page = await browser.GetPageAsync("/learn/when-to-seek-care");

        Assert.Contains("<h2>Call your emergency number or go to A&amp;E now</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/triage\">symptom check</a>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/learn/what-is-sciatica\"", page, StringComparison.Ordinal);
        Assert.Contains("Needs clinical review.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_IsThe404Page()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var response = await browser.GetAsync("/learn/reiki");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

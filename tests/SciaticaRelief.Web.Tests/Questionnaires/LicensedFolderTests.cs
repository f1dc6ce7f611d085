using System.Net;
using System.Text.Json.Nodes;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Questionnaires;

/// <summary>A clinic's licensed folder is loaded and checked at start.</summary>
public sealed class LicensedFolderTests
{
    [Fact]
    public async Task Start_WithALicensedOswestry_ItCanBeAnsweredAndScoresThePublishedExample()
    {
        using var folder = new LicensedFolder().With("odi.json", LicensedFolder.OdiLike());
        await using var app = TestApp.Create(folder.Settings);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var list = (await (await api.GetAsync("/api/v1/questionnaires")).ReadAsync()).AsArray();
        var fhir = await api.GetAsync("/api/v1/questionnaires/odi");
        // Fairbank 2000: section 10 unanswered, 7 × 2 + 2 × 1 = 16 of 45 = 35.6%; section 1 ticked twice, the higher (2) counts.
        var answers = Enumerable.Range(1, 9).Select(s => new { linkId = $"section-{s}", code = s <= 7 ? "2" : "1" })
            .Append(new { linkId = "section-1", code = "1" }).ToArray();
        var created = await api.PostJsonAsync("/api/v1/questionnaires/odi/responses", new { answers });

        Assert.True((bool)list.Single(i => (string)i!["id"]! == "odi")!["canAnswer"]!);
        Assert.Equal(HttpStatusCode.OK, fhir.StatusCode);
        Assert.Contains("Made-up section 3", await fhir.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadAsync();
        Assert.Equal(35.6m, (decimal)body["score"]!);
        Assert.Equal("35.6%", (string)body["scoreText"]!);
        Assert.Equal("moderate", (string)body["band"]!["id"]!);
    }

    public sealed record BadFolderRow(string File, Func<JsonObject> Json, string Expected, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<BadFolderRow> BadFolders { get; } = new()
    {
        new("odi.json", () => { var q = LicensedFolder.OdiLike(); q["item"]![2]!.AsObject().Remove("answerOption"); return q; },
            "odi.json: item 'section-3' has no answer options", "a section without options"),
        new("startback.scoring.json", () => JsonNode.Parse("""
            { "instrument": "startback", "title": "t", "source": "s", "rule": "startback",
              "items": [ { "linkIds": ["q1","q2","q3","q4","q5","q6","q7","q8","q9"], "min": 0, "max": 1 } ],
              "total": { "min": 0, "max": 9 },
              "subscores": [ { "id": "distress", "linkIds": ["q5","q6","q7","q8","q12"] } ] }
            """)!.AsObject(),
            "startback.scoring.json: subscore 'distress' names item 'q12'", "a subscore over an item that does not exist"),
        new("rmdq.scoring.json", () => JsonNode.Parse("""
            { "instrument": "rmdq", "title": "t", "source": "s", "rule": "count-of-yes",
              "items": [ { "linkIds": ["q1","q2"], "min": 0, "max": 3 } ], "total": { "min": 0, "max": 2 } }
            """)!.AsObject(),
            "rmdq.scoring.json: rule 'count-of-yes' does not fit item 'q1'", "a rule that does not fit its items"),
    };

    [Theory]
    [MemberData(nameof(BadFolders))]
    public async Task Start_WithABadFile_FailsNamingTheFileAndTheItem(BadFolderRow row)
    {
        using var folder = new LicensedFolder().With(row.File, row.Json());
        await using var app = TestApp.Create(folder.Settings);

        var error = Record.Exception(() => app.Server);

        Assert.NotNull(error);
        var messages = Flatten(error).ToList();
        Assert.True(messages.Any(m => m.Contains(row.Expected, StringComparison.Ordinal)), string.Join("\n", messages));
    }

    [Fact]
    public async Task Start_WithAMissingFolder_FailsSayingWhich()
    {
        var missing = Path.Combine(Path.GetTempPath(), "relief-no-such-" + Guid.NewGuid().ToString("N"));
        await using var app = TestApp.Create(new() { ["Questionnaires:LicensedFolder"] = missing });

        var error = Record.Exception(() => app.Server);

        Assert.Contains(Flatten(error!), m => m.Contains(missing, StringComparison.Ordinal) && m.Contains("does not exist", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Flatten(Exception e)
    {
        yield return e.Message;
        if (e is Microsoft.Extensions.Options.OptionsValidationException o)
        {
            foreach (var failure in o.Failures)
            {
                yield return failure;
            }
        }
        var inner = e is AggregateException a ? a.InnerExceptions : e.InnerException is { } i ? [i] : [];
        foreach (var x in inner.SelectMany(Flatten))
        {
            yield return x;
        }
    }
}

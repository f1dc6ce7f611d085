using System.Text.Json.Nodes;
using SciaticaRelief.Core.Questionnaires;

namespace SciaticaRelief.Core.Tests.Questionnaires;

/// <summary>
/// Definition files are checked when the catalog is built: each bad file is refused with a message
/// that names the file and the item, and nothing of that instrument is loaded.
/// </summary>
public sealed class DefinitionFileTests
{
    /// <summary>A change to the shipped files plus the made-up licensed questionnaires.</summary>
    public sealed record BadRow(string Expected, string Instrument, Func<List<DefinitionFile>, List<DefinitionFile>> Break, string Why)
    {
        public override string ToString() => Why;
    }

    private static List<DefinitionFile> WithLicensed()
    {
        var files = Definitions.ShippedFiles().ToList();
        files.Add(Definitions.Licensed("odi.json", Definitions.OdiLike()));
        files.Add(Definitions.Licensed("startback.json", Definitions.StartBackLike()));
        files.Add(Definitions.Licensed("rmdq.json", Definitions.RmdqLike()));
        return files;
    }

    private static Func<List<DefinitionFile>, List<DefinitionFile>> Replace(string name, Func<JsonObject, JsonNode> change, bool licensed = true) => files =>
    {
        var old = files.LastOrDefault(f => f.Name == name);
        var node = old is not null ? JsonNode.Parse(old.Text)!.AsObject() : throw new InvalidOperationException(name);
        files.Add(new DefinitionFile(name, change(node).ToJsonString(), licensed));
        return files;
    };

    private static JsonObject Item(JsonObject questionnaire, string linkId) =>
        questionnaire["item"]!.AsArray().Select(i => i!.AsObject()).Single(i => (string)i["linkId"]! == linkId);

    public static TheoryData<BadRow> BadRows { get; } = new()
    {
        new("odi.json: item 'section-3' has no answer options", "odi",
            Replace("odi.json", q => { Item(q, "section-3").Remove("answerOption"); return q; }),
            "a choice item without options cannot be answered"),
        new("startback.scoring.json: subscore 'distress' names item 'q9' which the questionnaire does not have", "startback",
            Replace("startback.json", q => { q["item"]!.AsArray().Remove(Item(q, "q9")); return q; }),
            "the clinic's questionnaire lacks an item the distress subscore needs"),
        new("startback.scoring.json: subscore 'distress' names item 'q12', which is not among the scored 'items'", "startback",
            Replace("startback.scoring.json", s => { s["subscores"]![0]!["linkIds"]!.AsArray().Add("q12"); return s; }),
            "a subscore over an item that is not scored"),
        new("sciatica-index.scoring.json: rule 'sum' does not fit its items: 4 items scored 0–6 sum to 0–24, but 'total' says 0–30", "sciatica-index",
            Replace("sciatica-index.scoring.json", s => { s["total"]!["max"] = 30; return s; }, licensed: false),
            "a sum whose total range is not the sum of its items' ranges"),
        new("rmdq.scoring.json: rule 'count-of-yes' does not fit item 'q1': it is scored 0–5, not yes (1) or no (0)", "rmdq",
            Replace("rmdq.scoring.json", s => { s["items"]![0]!["max"] = 5; return s; }),
            "count-of-yes over items that are not yes/no"),
        new("rmdq.scoring.json: item 'q1' is yes/no, so it scores 0 or 1, not 0–2", "rmdq",
            Replace("rmdq.scoring.json", s => { s["rule"] = "sum"; s["items"]![0]!["max"] = 2; s["total"]!["max"] = 48; s["bands"]![1]!["to"] = 48; return s; }),
            "a yes/no item scored as if it had three levels"),
        new("odi.json: item 'section-2' option 'a' has no score", "odi",
            Replace("odi.json", q => { Item(q, "section-2")["answerOption"]![0]!["valueCoding"]!["code"] = "a"; return q; }),
            "an option with neither an ordinal value nor a numeric code has no points"),
        new("odi.json: item 'section-4' option '6' scores 6, outside the 0–5 of odi.scoring.json", "odi",
            Replace("odi.json", q => { Item(q, "section-4")["answerOption"]![5]!["valueCoding"]!["code"] = "6"; return q; }),
            "an option scoring above the section maximum would push the percentage past 100"),
        new("startback.scoring.json: item 'q9' has option 'unsure' in the questionnaire but no points for it in 'values'", "startback",
            Replace("startback.json", q => { Item(q, "q9")["answerOption"]!.AsArray().Add(new JsonObject { ["valueCoding"] = new JsonObject { ["code"] = "unsure", ["display"] = "Unsure" } }); return q; }),
            "an option the scoring cannot score"),
        new("startback.scoring.json: item 'q9' gives points to option 'very-much' which the questionnaire does not have", "startback",
            Replace("startback.json", q => { Item(q, "q9")["answerOption"]![3]!["valueCoding"]!["code"] = "very much"; return q; }),
            "a clinic's option codes differ from the shipped scoring's"),
        new("odi.json: Oswestry Disability Index is licensed; its item text must not ship with the app", "odi",
            files => [.. files.Where(f => f.Name != "odi.json"), Definitions.Licensed("odi.json", Definitions.OdiLike()) with { FromLicensedFolder = false }],
            "licensed item text in the shipped content folder is refused (CLINICAL.md section 2)"),
        new("extra.json: there is no scoring file extra.scoring.json beside it", "extra",
            files => [.. files, Definitions.Licensed("extra.json", Definitions.Questionnaire("extra", "Made-up", [Definitions.Choice("a", "A", true, [("0", "zero", null)])]))],
            "a questionnaire without a scoring file cannot be scored"),
        new("odi.json: not a valid FHIR R4 Questionnaire", "odi",
            files => [.. files, new DefinitionFile("odi.json", "{ \"resourceType\": \"Questionnaire\", \"id\": \"odi\", \"item\": [ { \"linkId\": 3 } ] }", true)],
            "a file that is not FHIR"),
        new("odi.json: the Questionnaire's id is \"oswestry\"; it must match the file name (\"odi\")", "odi",
            Replace("odi.json", q => { q["id"] = "oswestry"; return q; }),
            "the id ties the questionnaire to its scoring"),
        new("odi.json: item 'section-5' has type 'string'", "odi",
            Replace("odi.json", q => { Item(q, "section-5")["type"] = "string"; return q; }),
            "free text cannot be scored"),
        new("odi.scoring.json: 'rule' must be one of sum, count-of-yes, oswestry-percentage, startback (it is \"average\")", "odi",
            Replace("odi.scoring.json", s => { s["rule"] = "average"; return s; }),
            "an unknown rule"),
        new("odi.scoring.json: band 'moderate' must start just after band 'minimal' ends at 20 (it starts at 25)", "odi",
            Replace("odi.scoring.json", s => { s["bands"]![1]!["from"] = 25; return s; }),
            "a gap between bands leaves scores without a band"),
        new("odi.vectors.json: case 'Fairbank 2000: one section unanswered, 16 of 45 is 35.6% (35.555… rounded to one decimal)' scored 36%, expected 35.6%", "odi",
            Replace("odi.scoring.json", s => { s["total"]!["decimals"] = 0; return s; }),
            "a scoring file changed by a clinic must still reproduce the published worked examples"),
        new("odi.json: item 'section-1' takes an answer but odi.scoring.json does not score it", "odi",
            Replace("odi.scoring.json", s => { s["items"]![0]!["linkIds"]!.AsArray().RemoveAt(0); return s; }),
            "every question must count toward the score"),
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Build_BadFile_IsRefusedNamingFileAndItem(BadRow row)
    {
        var catalog = InstrumentCatalog.Build(row.Break(WithLicensed()));

        Assert.True(catalog.Errors.Any(e => e.StartsWith(row.Expected, StringComparison.Ordinal)),
            $"Expected an error starting \"{row.Expected}\"; got:\n{string.Join("\n", catalog.Errors)}");
        Assert.False(catalog.Find(row.Instrument)?.CanAnswer ?? false, "a bad instrument must not be answerable");
    }

    [Fact]
    public void Build_ShippedFilesAlone_LoadTheFreeInstrumentsAndTheScoringOfTheLicensedOnes()
    {
        var catalog = InstrumentCatalog.Build(Definitions.ShippedFiles());

        Assert.Empty(catalog.Errors);
        Assert.Equal(["nrs", "sciatica-index"], catalog.Instruments.Where(i => i.CanAnswer).Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["odi", "rmdq", "startback"], catalog.Instruments.Where(i => !i.CanAnswer).Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.All(catalog.Instruments.Where(i => !i.CanAnswer), i => Assert.True(i.Scoring.Licensed));
    }

    [Fact]
    public void Build_WithLicensedQuestionnaires_AllFiveCanBeAnswered()
    {
        var catalog = InstrumentCatalog.Build(WithLicensed());

        Assert.True(catalog.Errors.Count == 0, string.Join("\n", catalog.Errors));
        Assert.All(catalog.Instruments, i => Assert.True(i.CanAnswer, i.Id));
        Assert.Equal(5, catalog.Instruments.Count);
    }

    [Fact]
    public void ShippedFolder_HoldsNoQuestionnaireOfALicensedInstrument()
    {
        // CLINICAL.md section 2: Oswestry, Roland-Morris and STarT Back item text is never shipped.
        var licensed = new[] { "odi", "rmdq", "startback" };
        foreach (var id in licensed)
        {
            Assert.False(File.Exists(Path.Combine(Definitions.Folder, id + ".json")), $"{id}.json must not be in content/questionnaires");
            Assert.True(Definitions.Scoring(id).Licensed, $"{id} must be marked licensed");
        }
        var scoringText = string.Concat(licensed.Select(id => Definitions.Text(id + ScoringDefinitionReader.Suffix)));
        Assert.DoesNotContain("\"text\"", scoringText, StringComparison.Ordinal);
    }

    [Fact]
    public void SciaticaIndex_SaysItIsAdaptedAndCitesGrovle()
    {
        var questionnaire = Definitions.Text("sciatica-index.json");

        Assert.Contains("Adapted", questionnaire, StringComparison.Ordinal);
        Assert.Contains("10.1007/s00586-009-1042-5", questionnaire, StringComparison.Ordinal);
        Assert.Contains("10.1007/s00586-009-1042-5", Definitions.Text("sciatica-index.scoring.json"), StringComparison.Ordinal);
    }
}

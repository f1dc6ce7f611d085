using System.Text.Json.Nodes;
using SciaticaRelief.Core.Interop.Fhir;
using SciaticaRelief.Core.Questionnaires;

namespace SciaticaRelief.Core.Tests.Questionnaires;

public sealed class FhirQuestionnaireTests
{
    [Fact]
    public void Read_ShippedSciaticaIndex_FlattensItemsAndReadsOrdinalValues()
    {
        var (q, errors) = FhirQuestionnaireReader.Read(Definitions.Text("sciatica-index.json"), "sciatica-index.json");

        Assert.Empty(errors);
        Assert.Equal("sciatica-index", q!.Id);
        Assert.Equal(["intro", "leg-pain", "numbness", "weakness", "sitting"], q.Items.Select(i => i.LinkId));
        Assert.Equal(ItemKind.Display, q.Items[0].Kind);
        var legPain = q.Item("leg-pain")!;
        Assert.Equal(ItemKind.Choice, legPain.Kind);
        Assert.True(legPain.Required);
        Assert.Equal([0m, 1m, 2m, 3m, 4m, 5m, 6m], legPain.Options.Select(o => o.Ordinal!.Value));
        Assert.Equal("6 – extremely", legPain.Options[6].Display);
    }

    [Fact]
    public void Read_ShippedRating_HasItsLoincCodeAndRange()
    {
        var (q, _) = FhirQuestionnaireReader.Read(Definitions.Text("nrs.json"), "nrs.json");

        var pain = q!.Item("pain")!;
        Assert.Equal((0, 10), (pain.Min, pain.Max));
        Assert.Equal(new Coded(Coded.Loinc, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"), pain.Code);
        Assert.Equal("72514-3", q.Code!.Code);
    }

    [Fact]
    public void Read_GroupsAreFlattenedInOrder()
    {
        var json = Definitions.Questionnaire("grouped", "Grouped", [
            new JsonObject { ["linkId"] = "g1", ["type"] = "group", ["item"] = new JsonArray(
                new JsonObject { ["linkId"] = "a", ["text"] = "A", ["type"] = "boolean" },
                new JsonObject { ["linkId"] = "b", ["text"] = "B", ["type"] = "integer" }) },
            new JsonObject { ["linkId"] = "c", ["text"] = "C", ["type"] = "boolean" },
        ]).ToJsonString();

        var (q, errors) = FhirQuestionnaireReader.Read(json, "grouped.json");

        Assert.Empty(errors);
        Assert.Equal(["a", "b", "c"], q!.Items.Select(i => i.LinkId));
    }

    [Theory]
    [InlineData("{", "truncated JSON")]
    [InlineData("{\"resourceType\": \"Patient\", \"id\": \"x\"}", "another resource type")]
    [InlineData("[]", "not an object")]
    public void Read_NotAQuestionnaire_IsAnErrorNamingTheFile(string json, string why)
    {
        var (q, errors) = FhirQuestionnaireReader.Read(json, "bad.json");

        Assert.True(q is null, why);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("bad.json: ", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Write_ThenRead_GivesBackTheSameItems()
    {
        var catalog = InstrumentCatalog.Build(Definitions.ShippedFiles());
        var instrument = catalog.Find("sciatica-index")!;

        var json = FhirQuestionnaireWriter.ToJson(instrument);
        var (again, errors) = FhirQuestionnaireReader.Read(json, "again.json");

        Assert.Empty(errors);
        Assert.Equal(instrument.Questionnaire!.Items, again!.Items, new ItemComparer());
        var node = JsonNode.Parse(json)!;
        Assert.Equal("Questionnaire", (string)node["resourceType"]!);
        Assert.Equal("active", (string)node["status"]!);
    }

    private sealed class ItemComparer : IEqualityComparer<InstrumentItem>
    {
        public bool Equals(InstrumentItem? x, InstrumentItem? y) =>
            x is not null && y is not null && x with { Options = [] } == y with { Options = [] } && x.Options.SequenceEqual(y.Options);

        public int GetHashCode(InstrumentItem obj) => obj.LinkId.GetHashCode(StringComparison.Ordinal);
    }
}

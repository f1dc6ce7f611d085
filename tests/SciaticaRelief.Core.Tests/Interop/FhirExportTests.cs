using System.Text;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using SciaticaRelief.Core.Interop.Fhir;
using SciaticaRelief.Core.Interop.Imports;
using SciaticaRelief.Tests.Shared;

namespace SciaticaRelief.Core.Tests.Interop;

public sealed class FhirExportTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static JsonArray Entries(byte[] bundle) => JsonNode.Parse(bundle)!["entry"]!.AsArray();

    private static JsonNode Resource(byte[] bundle, string type, Guid id) =>
        Entries(bundle).Select(e => e!["resource"]!).Single(r => (string?)r["resourceType"] == type && (string?)r["id"] == id.ToString("D"));

    [Fact]
    public void Export_CheckIn_IsAnObservationWithLoincPainSeverityAndSnomedBodySites()
    {
        var rows = ExportSamples.Rows();
        var bytes = ExportSamples.Exporter().ToBundleBytes(rows, Guid.NewGuid(), At);
        var o = Resource(bytes, "Observation", rows.CheckIns[0].Id);

        Assert.Equal("http://loinc.org", (string?)o["code"]!["coding"]![0]!["system"]);
        Assert.Equal("72514-3", (string?)o["code"]!["coding"]![0]!["code"]);
        Assert.Equal(6, (int)o["valueInteger"]!);
        var sites = o["bodySite"]!["coding"]!.AsArray();
        // Low back on both sides, left calf: SNOMED structure codes, each with its laterality qualifier.
        Assert.Equal(["37822005", "53840002"], sites.Select(s => (string)s!["code"]!));
        Assert.All(sites, s => Assert.Equal("http://snomed.info/sct", (string?)s!["system"]));
        Assert.Equal(["51440002", "7771000"], sites.Select(s => (string)s!["extension"]![0]!["valueCoding"]!["code"]!));
        // To the tick, in the zone's offset: 00:30 UTC on the day the UK clocks go forward (at 01:00 UTC) is still GMT.
        Assert.Equal("2026-03-29T00:30:00.1234567Z", (string?)o["effectiveDateTime"]);
        var summer = Resource(bytes, "Procedure", rows.Treatments[0].Id);
        Assert.Equal("2026-05-02T19:00:00+02:00", (string?)summer["performedPeriod"]!["start"]);
    }

    [Fact]
    public void Export_Treatment_IsAProcedureWithTheModalitysCodeAndText()
    {
        var rows = ExportSamples.Rows();
        var bytes = ExportSamples.Exporter().ToBundleBytes(rows, Guid.NewGuid(), At);
        var p = Resource(bytes, "Procedure", rows.Treatments[0].Id);

        Assert.Equal("swedish-massage", (string?)p["code"]!["coding"]![0]!["code"]);
        Assert.Equal("Swedish massage", (string?)p["code"]!["text"]);
        Assert.Equal("+Anna", (string?)p["performer"]![0]!["actor"]!["display"]);
    }

    [Fact]
    public void Export_MedicineDoses_AreMedicationStatementsPartOfTheTreatment()
    {
        var rows = ExportSamples.Rows();
        var bytes = ExportSamples.Exporter().ToBundleBytes(rows, Guid.NewGuid(), At);
        var statements = Entries(bytes).Select(e => e!["resource"]!).Where(r => (string?)r["resourceType"] == "MedicationStatement").ToList();

        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal($"Procedure/{rows.Treatments[1].Id:D}", (string?)s["partOf"]![0]!["reference"]));
        Assert.Equal(400m, (decimal)statements[0]["dosage"]![0]!["doseAndRate"]![0]!["doseQuantity"]!["value"]!);
    }

    [Fact]
    public void Export_TriageAnswers_AreOneObservationWithALoincAnswerPerQuestion_InTheRiskAssessmentsBasis()
    {
        var rows = ExportSamples.Rows();
        var bytes = ExportSamples.Exporter().ToBundleBytes(rows, Guid.NewGuid(), At);
        var risk = Resource(bytes, "RiskAssessment", rows.TriageAssessments[0].Id);
        var panelId = ((string)risk["basis"]![0]!["reference"]!)["Observation/".Length..];
        var panel = Resource(bytes, "Observation", Guid.Parse(panelId));

        Assert.Equal("Urgent", (string?)risk["prediction"]![0]!["outcome"]!["coding"]![0]!["code"]);
        Assert.Equal($"Observation/{rows.CheckIns[0].Id:D}", (string?)risk["basis"]![1]!["reference"]);
        Assert.Equal(
            ["bladder-control:LA33-6", "both-legs:LA4489-6", "saddle-numbness:LA32-8"],
            panel["component"]!.AsArray().Select(c => $"{c!["code"]!["coding"]![0]!["code"]}:{c["valueCodeableConcept"]!["coding"]![0]!["code"]}"));
    }

    [Fact]
    public void Export_EveryKindOfRow_HasItsResourceType()
    {
        var bytes = ExportSamples.Exporter().ToBundleBytes(ExportSamples.Rows(), Guid.NewGuid(), At);
        var bundle = JsonNode.Parse(bytes)!;
        Assert.Equal("collection", (string?)bundle["type"]);
        var types = Entries(bytes).Select(e => (string)e!["resource"]!["resourceType"]!).ToHashSet();
        Assert.Equal(
            ["CarePlan", "Consent", "MedicationStatement", "Observation", "Patient", "Procedure", "Questionnaire", "QuestionnaireResponse", "RiskAssessment"],
            types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Export_Twice_GivesTheSameResourceIdsAndContent()
    {
        var exporter = ExportSamples.Exporter();
        var first = exporter.ToBundleBytes(ExportSamples.Rows(), Guid.NewGuid(), At);
        var second = exporter.ToBundleBytes(ExportSamples.Rows(), Guid.NewGuid(), At.AddDays(1));

        var ids = (byte[] b) => Entries(b).Select(e => (string)e!["fullUrl"]!).ToList();
        Assert.Equal(ids(first), ids(second));
        Assert.Equal(Entries(first).ToJsonString(), Entries(second).ToJsonString());
        Assert.Equal(ids(first).Count, ids(first).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async System.Threading.Tasks.Task WriteBundleAsync_GivesTheSameBytesAsTheWholeBundle()
    {
        var exporter = ExportSamples.Exporter();
        var id = Guid.NewGuid();
        var rows = ExportSamples.Rows();
        using var stream = new MemoryStream();
        await exporter.WriteBundleAsync(stream, rows, id, At);

        Assert.Equal(exporter.ToBundleBytes(rows, id, At), stream.ToArray());
    }

    [Fact]
    public void Export_EveryResource_ReadsBackWithFirelyExactlyAsTheReferenceMapping()
    {
        // The hot shapes are written straight to JSON; Firely must read back, resource by resource, exactly
        // what the reference mapping builds (sample rows: a full and a bare check-in, a triage with a check-in,
        // answers and fired rules, one with none of them, and every other kind of row).
        var exporter = ExportSamples.Exporter();
        var rows = ExportSamples.Rows();
        var expected = FhirReferenceMapping.Resources(exporter, Treatments.TreatmentContent.Catalog, rows).ToList();
        var bundle = System.Text.Json.JsonSerializer.Deserialize<Bundle>(exporter.ToBundleBytes(rows, Guid.NewGuid(), At), FhirExporter.Options)!;

        Assert.Equal(expected.Count, bundle.Entry.Count);
        Assert.Contains(expected, r => r is RiskAssessment);
        for (var i = 0; i < expected.Count; i++)
        {
            var entry = bundle.Entry[i];
            Assert.Equal($"{ReliefFhir.Base}/{expected[i].TypeName}/{expected[i].Id}", entry.FullUrl);
            Assert.True(entry.Resource.IsExactly(expected[i]), $"{expected[i].TypeName}/{expected[i].Id} differs");
        }
    }

    [Fact]
    public void ExportThenRead_GivesBackEveryRowExactly()
    {
        var rows = ExportSamples.Rows();
        var bytes = ExportSamples.Exporter().ToBundleBytes(rows, Guid.NewGuid(), At);
        var set = new FhirImportReader().Read(new MemoryStream(bytes), new ImportChoices("UTC"));

        Assert.True(set.Errors.Count == 0, string.Join("\n", set.Errors));
        Same(rows.CheckIns, set.CheckIns);
        Same(rows.TriageAssessments, set.TriageAssessments);
        Same(rows.EarSeedApplications, set.EarSeedApplications);
        Same(rows.Treatments, set.Treatments);
        Same(rows.TreatmentFollowUps, set.TreatmentFollowUps);
        Same(rows.QuestionnaireResponses, set.QuestionnaireResponses);
        Same(rows.PlanItems, set.PlanItems);
        Same(rows.PlanCompletions, set.PlanCompletions);
        Assert.Equal(
            [FhirImportReader.ConsentSkipReason, FhirImportReader.PatientSkipReason],
            set.Skipped.Select(s => s.Reason).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_SameExportTwice_GivesTheSameSourceKeys()
    {
        var bytes = ExportSamples.Exporter().ToBundleBytes(ExportSamples.Rows(), Guid.NewGuid(), At);
        var reader = new FhirImportReader();
        var a = reader.Read(new MemoryStream(bytes), new ImportChoices("UTC"));
        var b = reader.Read(new MemoryStream(bytes), new ImportChoices("UTC"));
        Assert.Equal(a.CheckIns.Select(r => r.SourceKey), b.CheckIns.Select(r => r.SourceKey));
        Assert.Equal(SourceKeys.For(ImportFormats.ReliefFhir, "Observation", ExportSamples.Rows().CheckIns[0].Id.ToString("D")), a.CheckIns[0].SourceKey);
    }

    private static void Same<T>(IReadOnlyList<T> expected, List<ImportedRow<T>> actual) where T : class
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Select(RowJson.Of), actual.Select(r => RowJson.Of(r.Row)));
    }

    public static TheoryData<string, string, string?> BadFiles => new()
    {
        // Why each exists: the reader must refuse, naming where, never throw.
        { "not a Bundle", """{"resourceType":"Patient","id":"p1"}""", "resourceType" },
        { "truncated JSON", """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Observation" """, null },
        { "not JSON at all", "date,pain\n2026-01-01,5\n", null },
        { "a resource type no export has", """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Encounter","id":"e1","status":"finished","class":{"code":"AMB"}}}]}""", "resourceType" },
        { "an Observation of another app", """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"}}}]}""", "category" },
        { "a row id that is not ours", """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Procedure","id":"p1","status":"completed","subject":{"reference":"Patient/x"},"code":{"coding":[{"system":"https://sciatica-relief.example/fhir/CodeSystem/modality","code":"heat"}]}}}]}""", "id" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Read_BadFile_ReportsErrorsAndNoRows(string why, string json, string? column)
    {
        var set = new FhirImportReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), new ImportChoices("UTC"));

        Assert.True(set.Errors.Count > 0, why);
        Assert.Equal(0, set.RowCount);
        if (column is not null)
        {
            Assert.Contains(set.Errors, e => e.Column == column);
        }
    }

    [Fact]
    public void Recognises_OwnExport_ButNotAnotherBundle()
    {
        var reader = new FhirImportReader();
        var bytes = ExportSamples.Exporter().ToBundleBytes(ExportSamples.Rows(), Guid.NewGuid(), At);
        Assert.True(reader.Recognises(bytes.AsSpan(0, 512), "export.json"));
        Assert.False(reader.Recognises("""{"resourceType":"Bundle","type":"collection"}"""u8, "other.json"));
    }
}

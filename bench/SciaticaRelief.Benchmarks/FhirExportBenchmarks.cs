using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SciaticaRelief.Core.Interop.Fhir;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Questionnaires;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Web.Knowledge;
using SciaticaRelief.Web.Questionnaires;
using SciaticaRelief.Web.Startup;

namespace SciaticaRelief.Benchmarks;

/// <summary>
/// (d) The FHIR export of one Person's rows — two years of ~2 check-ins a day with their triage,
/// a treatment a day (every third a medicine with a dose), follow-ups, questionnaire responses and
/// a plan — mapped to FHIR resources and serialized as the streamed Bundle
/// (<see cref="FhirExporter.WriteBundleAsync"/>), against System.Text.Json serializing the same row
/// objects as flat records, as the baseline. Both write the same rows to a null stream, so the
/// ratio of throughputs is the ratio of rows (and so of resources) per second. Target: >= 0.25.
/// </summary>
[BenchConfig]
public class FhirExportBenchmarks
{
    private static readonly JsonSerializerOptions Flat = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset At = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private FhirExporter _exporter = null!;
    private ExportRows _rows = null!;

    /// <summary>The resources one export writes (printed at setup, for resources per second).</summary>
    public int Resources { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var content = new ContentOptions { Folder = FindContent() };
        _exporter = new FhirExporter(KnowledgeRegistration.Load(content).Modalities, QuestionnaireLibrary.Load(content, new QuestionnaireOptions()));
        _rows = Rows(days: 730);
        var bundle = _exporter.ToBundleBytes(_rows, Guid.Empty, At);
        // Read back with Firely: the resource count, and the resources Firely's converter still writes.
        var read = JsonSerializer.Deserialize<Hl7.Fhir.Model.Bundle>(bundle, FhirExporter.Options)!;
        Resources = read.Entry.Count;
        _firelyRest = [.. read.Entry.Select(e => e.Resource).Where(r => r is Hl7.Fhir.Model.Patient or Hl7.Fhir.Model.Questionnaire or Hl7.Fhir.Model.QuestionnaireResponse).Select(r => r!)];
        var flat = new MemoryStream();
        FlatJsonAsync(flat).GetAwaiter().GetResult();
        // Where the bytes are, by resource type (+cN: with N components): the writer's cost follows them.
        using var doc = JsonDocument.Parse(bundle);
        var sizes = new Dictionary<string, (int n, long bytes)>();
        foreach (var e in doc.RootElement.GetProperty("entry").EnumerateArray())
        {
            var r = e.GetProperty("resource");
            var key = r.GetProperty("resourceType").GetString() + (r.TryGetProperty("component", out var comp) ? "+c" + comp.GetArrayLength() : "");
            var (n, b) = sizes.GetValueOrDefault(key);
            sizes[key] = (n + 1, b + e.GetRawText().Length);
        }
        foreach (var (k, (n, b)) in sizes)
        {
            Console.WriteLine($"//   {k}: {n} entries, {b:N0} bytes");
        }
        Console.WriteLine($"// FHIR export: {RowCount(_rows)} rows -> {Resources} resources; bytes: flat {flat.Length:N0}, bundle {bundle.Length:N0} ({(double)bundle.Length / flat.Length:F1}x)");
    }

    [Benchmark(Baseline = true, Description = "System.Text.Json, rows as flat records")]
    public Task FlatJsonAsync() => FlatJsonAsync(Stream.Null);

    private async Task FlatJsonAsync(Stream stream)
    {
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        Table(writer, "checkIns", _rows.CheckIns);
        Table(writer, "triageAssessments", _rows.TriageAssessments);
        Table(writer, "earSeedApplications", _rows.EarSeedApplications);
        Table(writer, "treatments", _rows.Treatments);
        Table(writer, "treatmentFollowUps", _rows.TreatmentFollowUps);
        Table(writer, "questionnaireResponses", _rows.QuestionnaireResponses);
        Table(writer, "planItems", _rows.PlanItems);
        Table(writer, "planCompletions", _rows.PlanCompletions);
        Table(writer, "grants", _rows.Grants);
        writer.WriteEndObject();
        await writer.FlushAsync();
    }

    [Benchmark(Description = "FHIR R4 Bundle (FhirExporter.WriteBundleAsync)")]
    [ThroughputTarget(0.25)]
    public Task FhirBundleAsync() => _exporter.WriteBundleAsync(Stream.Null, _rows, Guid.Empty, At);

    /// <summary>For `ratio fhir`: Firely's converter alone on the resources the export still gives it (Patient, Questionnaire, responses), built once.</summary>
    public void FirelyRestOnly()
    {
        using var writer = new Utf8JsonWriter(Stream.Null);
        writer.WriteStartArray();
        foreach (var r in _firelyRest)
        {
            JsonSerializer.Serialize(writer, r, r.GetType(), FhirExporter.Options);
        }
        writer.WriteEndArray();
    }

    /// <summary>For `ratio fhir`: the export's instant formatting alone, two a row.</summary>
    public int InstantsOnly()
    {
        var n = 0;
        foreach (var c in _rows.CheckIns)
        {
            n += ReliefFhir.InstantText(c.OccurredAtUtc, c.TimeZoneId).Length + ReliefFhir.InstantText(c.CreatedAtUtc).Length;
        }
        foreach (var a in _rows.TriageAssessments)
        {
            n += ReliefFhir.InstantText(a.AssessedAtUtc, "Europe/London").Length * 2;
        }
        return n;
    }

    private List<Hl7.Fhir.Model.Resource> _firelyRest = [];

    private static void Table<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T> rows)
    {
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, rows, Flat);
    }

    private static int RowCount(ExportRows r) =>
        r.CheckIns.Count + r.TriageAssessments.Count + r.EarSeedApplications.Count + r.Treatments.Count + r.TreatmentFollowUps.Count
        + r.QuestionnaireResponses.Count + r.PlanItems.Count + r.PlanCompletions.Count + r.Grants.Count;

    private static ExportRows Rows(int days)
    {
        var person = Guid.CreateVersion7();
        var start = new DateTime(2024, 12, 2, 8, 0, 0, DateTimeKind.Utc);
        var checkIns = new List<CheckIn>();
        var triage = new List<TriageAssessment>();
        var treatments = new List<Treatment>();
        var followUps = new List<TreatmentFollowUp>();
        var responses = new List<Core.Questionnaires.QuestionnaireResponse>();
        for (var d = 0; d < days; d++)
        {
            foreach (var hour in new[] { 0, 12 })
            {
                var at = start.AddDays(d).AddHours(hour);
                var c = new CheckIn
                {
                    PersonId = person, Id = Guid.CreateVersion7(), OccurredAtUtc = at, TimeZoneId = "Europe/London", PainNow = (d + hour) % 11, PainWorst = 8, PainAverage = 5,
                    BodyAreas = BodyMap.ToBits([new BodyArea(BodyRegion.Buttock, Side.Left), new BodyArea(BodyRegion.Calf, Side.Left)]), Radiation = Radiation.BelowKnee,
                    Qualities = PainQuality.Shooting | PainQuality.Tingling, Triggers = Trigger.Sitting, SleepHours = 6.5, Stress = 4,
                    Notes = d % 7 == 0 ? "Walked to the shop; worse after sitting at work" : null, CreatedAtUtc = at, UpdatedAtUtc = at, Version = 1,
                };
                c.StampLocalDate();
                checkIns.Add(c);
                triage.Add(new TriageAssessment
                {
                    PersonId = person, Id = Guid.CreateVersion7(), AssessedAtUtc = at, Level = TriageLevel.SelfCare, CheckInId = c.Id, Source = AssessmentSource.CheckIn,
                    Answers = RedFlagQuestions.ForCheckIn.ToDictionary(q => q.Id, _ => Answer.No, StringComparer.Ordinal),
                });
            }
            var medicine = d % 3 == 0;
            var t = new Treatment
            {
                PersonId = person, Id = Guid.CreateVersion7(), StartedAtUtc = start.AddDays(d).AddHours(9), TimeZoneId = "Europe/London",
                ModalityId = medicine ? "over-the-counter-medicine" : "swedish-massage", Kind = medicine ? TreatmentKind.Medicine : TreatmentKind.Massage,
                DurationMinutes = medicine ? null : 45, PainBefore = 6, PainAfter = 4, Pressure = medicine ? null : 3,
                BodyAreas = medicine ? 0 : BodyMap.ToBits([new BodyArea(BodyRegion.LowBack, Side.Both)]),
                Doses = medicine ? [new MedicineDose("ibuprofen", "Brand X", 400m)] : [], CreatedAtUtc = start.AddDays(d), UpdatedAtUtc = start.AddDays(d), Version = 1,
            };
            treatments.Add(t);
            if (!medicine)
            {
                followUps.Add(new TreatmentFollowUp { PersonId = person, Id = Guid.CreateVersion7(), TreatmentId = t.Id, HoursAfter = 24, Pain = 3, RecordedAtUtc = t.StartedAtUtc.AddDays(1) });
            }
            if (d % 7 == 0)
            {
                responses.Add(new Core.Questionnaires.QuestionnaireResponse
                {
                    PersonId = person, Id = Guid.CreateVersion7(), InstrumentId = "sciatica-index", InstrumentVersion = "1", AuthoredAtUtc = start.AddDays(d), TimeZoneId = "Europe/London",
                    Answers = [new ResponseAnswer("leg-pain", "3"), new ResponseAnswer("numbness", "2"), new ResponseAnswer("weakness", "0"), new ResponseAnswer("sitting", "1")],
                    Score = 6m, Band = "moderate", CreatedAtUtc = start.AddDays(d), Version = 1,
                });
            }
        }
        var item = new SavedPlanItem
        {
            PersonId = person, Id = Guid.CreateVersion7(), Kind = PlanItemKind.DailyCheckIn, StartDate = new DateOnly(2024, 12, 2), TimeOfDay = new TimeOnly(20, 0),
            DurationMinutes = 5, RecurrenceKind = RecurrenceKind.Daily, ZoneId = "Europe/London", CreatedAtUtc = start, UpdatedAtUtc = start,
        };
        var completions = Enumerable.Range(0, days).Select(d => new PlanCompletion
        {
            PersonId = person, Id = Guid.CreateVersion7(), PlanItemId = item.Id, OccurrenceDate = DateOnly.FromDateTime(start.AddDays(d)), CompletedAtUtc = start.AddDays(d).AddHours(12),
        }).ToList();
        return new ExportRows(person, new Core.Profiles.Profile { PersonId = person, TimeZoneId = "Europe/London", RegionCode = "GB" },
            checkIns, triage, [], treatments, followUps, responses, [item], completions, []);
    }

    private static string FindContent()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (File.Exists(Path.Combine(candidate, "README.md")) && Directory.Exists(Path.Combine(candidate, "modalities")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("content/ not found above " + AppContext.BaseDirectory);
    }
}

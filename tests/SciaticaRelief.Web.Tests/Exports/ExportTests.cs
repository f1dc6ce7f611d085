using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Interop.Fhir;
using SciaticaRelief.Core.Interop.Imports;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Exports;
using SciaticaRelief.Web.Tests.Infrastructure;
using SciaticaRelief.Tests.Shared;

namespace SciaticaRelief.Web.Tests.Exports;

public sealed class ExportTests
{
    private const string FormulaNote = "=HYPERLINK(\"http://evil.example\",\"x\"), \"quoted\"\nsecond line";

    /// <summary>
    /// One Person with a row of every kind: check-ins (with triage) and a questionnaire response
    /// through the API, the rest written as the services store them.
    /// </summary>
    internal static async Task<ReliefUser> SeedAsync(TestApp app)
    {
        var person = await app.CreatePersonAsync(zone: "Europe/London");
        var therapist = await app.CreateTherapistAsync();
        using var api = await app.ApiClientAsync(person);
        var first = await api.PostJsonAsync("/api/v1/journal/", Json.CheckIn(6, FormulaNote, new Dictionary<string, string> { ["both-legs"] = "unsure" }), "c-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(3.25));
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync("/api/v1/journal/", Json.CheckIn(2, "-2 after a walk"), "c-2")).StatusCode);
        var response = await api.PostJsonAsync("/api/v1/questionnaires/sciatica-index/responses", new
        {
            answers = new[] { new { linkId = "leg-pain", code = "3" }, new { linkId = "numbness", code = "2" }, new { linkId = "weakness", code = "0" }, new { linkId = "sitting", code = "1" } },
        }, "q-1");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var at = app.Clock.GetUtcNow().UtcDateTime.AddTicks(1234567);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            var p = person.Id;
            var seeds = new EarSeedApplication { PersonId = p, Id = Guid.CreateVersion7(), Ear = Ear.Right, Points = ["shenmen"], AppliedAtUtc = at.AddDays(-3), RemoveByUtc = at.AddDays(2), TimeZoneId = "Europe/London", Notes = "@ear", Version = 1 };
            var massage = new Treatment
            {
                PersonId = p, Id = Guid.CreateVersion7(), StartedAtUtc = at.AddDays(-2), TimeZoneId = "Europe/London", ModalityId = "swedish-massage", Kind = TreatmentKind.Massage,
                DurationMinutes = 45, PainBefore = 7, PainAfter = 4, Therapist = "+Anna", Pressure = 3,
                BodyAreas = BodyMap.ToBits([new BodyArea(BodyRegion.Buttock, Side.Right), new BodyArea(BodyRegion.LowBack, Side.Both)]),
                Bruising = BruiseSize.Small, BruiseAreas = BodyMap.ToBits([new BodyArea(BodyRegion.Thigh, Side.Right)]), Soreness = 2, Signs = SideEffectSign.VerySwollen,
                Notes = "firm", CreatedAtUtc = at.AddDays(-2), UpdatedAtUtc = at.AddDays(-2), Version = 1,
            };
            var medicine = new Treatment
            {
                PersonId = p, Id = Guid.CreateVersion7(), StartedAtUtc = at.AddDays(-1), TimeZoneId = "Europe/London", ModalityId = "over-the-counter-medicine", Kind = TreatmentKind.Medicine,
                Doses = [new MedicineDose("ibuprofen", "Brand X", 400m), new MedicineDose("paracetamol", null, 500m)], CreatedAtUtc = at.AddDays(-1), UpdatedAtUtc = at.AddDays(-1), Version = 1,
            };
            var acupressure = new Treatment
            {
                PersonId = p, Id = Guid.CreateVersion7(), StartedAtUtc = at.AddHours(-5), TimeZoneId = "Europe/London", ModalityId = "self-acupressure", Kind = TreatmentKind.Acupressure,
                DurationMinutes = 10, Points = [new PointPressed("bl23", PointFeeling.DullAche, 60)], CreatedAtUtc = at.AddHours(-5), UpdatedAtUtc = at.AddHours(-5), Version = 1,
            };
            var press = new Treatment
            {
                PersonId = p, Id = Guid.CreateVersion7(), StartedAtUtc = at.AddDays(-2.5), TimeZoneId = "Europe/London", ModalityId = "ear-seeds", Kind = TreatmentKind.EarSeeds,
                EarSeedApplicationId = seeds.Id, CreatedAtUtc = at.AddDays(-2.5), UpdatedAtUtc = at.AddDays(-2.5), Version = 1,
            };
            var item = new SavedPlanItem
            {
                PersonId = p, Id = Guid.CreateVersion7(), Kind = PlanItemKind.MassageAppointment, Title = "=Massage", Place = "Clinic", TherapistName = "Anna", ModalityId = "swedish-massage",
                StartDate = new DateOnly(2026, 11, 2), TimeOfDay = new TimeOnly(18, 0), DurationMinutes = 60, RecurrenceKind = RecurrenceKind.Weekly, IntervalWeeks = 1,
                Days = 1 << (int)DayOfWeek.Monday, ReminderMinutesBefore = 60, ZoneId = "Europe/London", Points = ["bl23"], Instructions = "Drink water",
                AssignedByTherapistId = therapist.Id, Sequence = 2, CreatedAtUtc = at.AddDays(-30), UpdatedAtUtc = at.AddDays(-29), Version = 2,
            };
            db.AddRange(seeds, massage, medicine, acupressure, press, item);
            db.TreatmentFollowUps.Add(new TreatmentFollowUp { PersonId = p, Id = Guid.CreateVersion7(), TreatmentId = massage.Id, HoursAfter = 24, Pain = 3, RecordedAtUtc = at.AddDays(-1), Notes = "better" });
            db.PlanCompletions.Add(new PlanCompletion { PersonId = p, Id = Guid.CreateVersion7(), PlanItemId = item.Id, OccurrenceDate = new DateOnly(2026, 11, 23), CompletedAtUtc = at.AddDays(-2), TreatmentId = massage.Id });
            db.Grants.Add(new Grant { PersonId = p, Id = Guid.CreateVersion7(), TherapistId = therapist.Id, Scopes = GrantScope.Journal | GrantScope.Plan, CreatedAtUtc = at.AddDays(-40) });
            await db.SaveChangesAsync();
            return 0;
        });
        return person;
    }

    /// <summary>Every imported table of a Person, as canonical rows, table by table.</summary>
    private static Task<Dictionary<string, List<string>>> TablesAsync(TestApp app, Guid person) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ReliefDbContext>();
        static List<string> Rows<T>(IEnumerable<T> rows) where T : class => [.. rows.Select(RowJson.Of).Order(StringComparer.Ordinal)];
        return new Dictionary<string, List<string>>
        {
            ["CheckIns"] = Rows(await db.CheckIns.IgnoreQueryFilters().Where(r => r.PersonId == person).ToListAsync()),
            ["TriageAssessments"] = Rows(await db.TriageAssessments.IgnoreQueryFilters().Where(r => r.PersonId == person).ToListAsync()),
            ["EarSeedApplications"] = Rows(await db.EarSeedApplications.IgnoreQueryFilters().Where(r => r.PersonId == person).ToListAsync()),
            ["Treatments"] = Rows(await db.Treatments.IgnoreQueryFilters().Where(r => r.PersonId == person).ToListAsync()),
            ["TreatmentFollowUps"] = Rows(await db.TreatmentFollowUps.IgnoreQueryFilters().Where(r => r.PersonId == person).ToListAsync()),
            ["QuestionnaireResponses"] = Rows(await db.QuestionnaireResponses.IgnoreQueryFilters().Where(r => r.PersonId == person).ToListAsync()),
            ["PlanItems"] = Rows(await db.PlanItems.IgnoreQueryFilters().Where(r => r.PersonId == person).ToListAsync()),
            ["PlanCompletions"] = Rows(await db.PlanCompletions.IgnoreQueryFilters().Where(r => r.PersonId == person).ToListAsync()),
        };
    });

    /// <summary>Imports a file through POST /api/v1/imports as <paramref name="user"/>, the format detected from the file.</summary>
    private static async Task<JsonNode> ImportAsync(TestApp app, ReliefUser user, byte[] file)
    {
        using var api = await app.ApiClientAsync(user);
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(file), "file", "export.fhir.json");
        var response = await api.PostAsync("/api/v1/imports", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var json = JsonNode.Parse(body)!;
        Assert.Equal(ImportFormats.ReliefFhir, (string?)json["format"]);
        return json;
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ExportFhir_ImportedIntoAnEmptyInstall_GivesBackEveryTableRowByRow(string provider)
    {
        await using var source = await TestApp.CreateAsync(provider);
        var person = await SeedAsync(source);
        using var api = await source.ApiClientAsync(person);
        var response = await api.GetAsync("/api/v1/export/fhir");
        var file = await response.Content.ReadAsByteArrayAsync();
        var expected = await TablesAsync(source, person.Id);

        await using var target = await TestApp.CreateAsync(provider);
        // An install with nothing in it yet: the newcomer has not even answered the screen.
        var newcomer = await target.CreatePersonAsync(zone: "Europe/London", screened: false);
        var outcome = await ImportAsync(target, newcomer, file);
        var actual = await TablesAsync(target, newcomer.Id);
        var again = await ImportAsync(target, newcomer, file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("sciatica-relief-2026-11-25.fhir.json", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        foreach (var (table, rows) in expected)
        {
            Assert.True(rows.Count > 0, $"the seed has no {table}");
            Assert.Equal(rows, actual[table]);
        }
        Assert.Equal(expected.Values.Sum(r => r.Count), (int)outcome["imported"]!);
        Assert.Contains(outcome["skipReasons"]!.AsArray(), r => (string?)r!["reason"] == FhirImportReader.ConsentSkipReason && (int)r["count"]! == 1);
        Assert.Equal(0, (int)again["imported"]!);
        Assert.Equal((int)outcome["imported"]!, (int)again["duplicates"]!);
    }

    [Fact]
    public async Task ExportFhir_Twice_GivesTheSameEntries()
    {
        await using var app = TestApp.Create();
        var person = await SeedAsync(app);
        using var api = await app.ApiClientAsync(person);

        var first = JsonNode.Parse(await api.GetByteArrayAsync("/api/v1/export/fhir"))!;
        var second = JsonNode.Parse(await api.GetByteArrayAsync("/api/v1/export/fhir"))!;

        Assert.Equal(first["entry"]!.ToJsonString(), second["entry"]!.ToJsonString());
        Assert.NotEqual((string?)first["id"], (string?)second["id"]);
    }

    [Fact]
    public async Task ExportFhir_AnotherPerson_GetsOnlyTheirOwnData()
    {
        await using var app = TestApp.Create();
        var owner = await SeedAsync(app);
        var other = await app.CreatePersonAsync(screened: false);
        using var api = await app.ApiClientAsync(other);

        var text = await api.GetStringAsync("/api/v1/export/fhir");
        var types = JsonNode.Parse(text)!["entry"]!.AsArray().Select(e => (string)e!["resource"]!["resourceType"]!).ToList();

        Assert.Equal(["Patient"], types);
        Assert.DoesNotContain(owner.Id.ToString("D"), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportArchive_Zip_HasEveryTableAsCsvAndJson_WithFormulaCellsNeutralised()
    {
        await using var app = TestApp.Create();
        var person = await SeedAsync(app);
        using var api = await app.ApiClientAsync(person);

        var response = await api.GetAsync("/api/v1/export/archive");
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        string Read(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("sciatica-relief-2026-11-25.zip", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal(
            ExportService.Tables.SelectMany(t => new[] { t + ".csv", t + ".json" }).Order(StringComparer.Ordinal),
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        var checkIns = Read("check-ins.csv");
        // The formula note: apostrophe first, then RFC 4180 quoting (quotes doubled, the line break kept inside quotes).
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\"), \"\"quoted\"\"\nsecond line\"", checkIns, StringComparison.Ordinal);
        Assert.Contains(",'-2 after a walk,", checkIns, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", checkIns, StringComparison.Ordinal);
        Assert.Contains(",'=Massage,", Read("plan-items.csv"), StringComparison.Ordinal);
        Assert.Contains(",'+Anna,", Read("treatments.csv"), StringComparison.Ordinal);
        // Times: ISO 8601 with the zone's offset, and the zone named (12:00 UTC on 25 November is GMT in London).
        Assert.Contains(",2026-11-25T12:00:00Z,", checkIns.Replace("+00:00", "Z", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Europe/London", checkIns, StringComparison.Ordinal);
        Assert.StartsWith("PersonId,Id,", checkIns, StringComparison.Ordinal);

        var json = JsonNode.Parse(Read("check-ins.json"))!.AsArray();
        Assert.Equal(2, json.Count);
        Assert.Equal(FormulaNote, (string?)json[0]!["Notes"]);
        Assert.Equal(6, (int)json[0]!["PainNow"]!);
        Assert.Single(JsonNode.Parse(Read("profile.json"))!.AsArray());
        Assert.Equal("Europe/London", (string?)JsonNode.Parse(Read("grants.json"))![0]!["TimeZoneId"]);
    }

    [Fact]
    public async Task ExportArchive_Treatments_CarryTheSafetyWarningsStoredWhenTheyWereRecorded()
    {
        // The warnings a treatment was saved with are part of the Person's data: the model-driven archive takes the column as it is.
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(conditions: Core.Profiles.HealthCondition.Osteoporosis);
        using var api = await app.ApiClientAsync(person);
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync("/api/v1/treatments", new { modalityId = "deep-tissue-massage", pressure = 4 })).StatusCode);

        var response = await api.GetAsync("/api/v1/export/archive");
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("treatments.json")!.Open(), Encoding.UTF8);
        var treatment = JsonNode.Parse(await reader.ReadToEndAsync())![0]!;

        var warning = Assert.Single(treatment["SafetyWarnings"]!.AsArray())!;
        Assert.Equal("CONTRA:deep-tissue-massage:osteoporosis", (string?)warning["ruleId"]);
        Assert.Equal("warning", (string?)warning["level"]);
        Assert.Contains("Batavia", (string?)warning["source"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportEndpoints_Anonymous_Get401()
    {
        await using var app = TestApp.Create();
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/export/fhir")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/export/archive")).StatusCode);
    }

    [Fact]
    public async Task ExportPage_SignedIn_LinksBothDownloads()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var html = await browser.GetPageAsync("/settings/export");

        Assert.Contains("href=\"/api/v1/export/fhir\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/v1/export/archive\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/data\"", html, StringComparison.Ordinal); // the nav's Your data, which links this page
    }
}

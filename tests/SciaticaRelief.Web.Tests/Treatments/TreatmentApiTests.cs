using System.Net;
using System.Text.Json.Nodes;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Treatments;

public sealed class TreatmentApiTests
{
    internal static object DeepTissue(string? notes = null, string bruising = "small", double hoursAgo = 2) => new
    {
        modalityId = "deep-tissue-massage",
        startedAt = TestApp.Start.AddHours(-hoursAgo),
        durationMinutes = 60,
        therapist = "Sam",
        pressure = 4,
        areas = new[] { new { region = "low-back", side = "both" } },
        painBefore = 7,
        painAfter = 4,
        bruising,
        bruiseAreas = new[] { new { region = "low-back", side = "left" } },
        soreness = 3,
        notes,
    };

    internal static object Medicine(double hoursAgo, string ingredient, string dose, string? product = null) => new
    {
        modalityId = "over-the-counter-medicine",
        startedAt = TestApp.Start.AddHours(-hoursAgo),
        doses = new[] { new { ingredient, product, dose } },
    };

    private static IEnumerable<string> RuleIds(JsonNode body) => body["warnings"]!.AsArray().Select(w => (string)w!["ruleId"]!);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_MassageSession_Returns201WithETagAndWarningsAndReadsBack(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.PostJsonAsync("/api/v1/treatments", DeepTissue(notes: "felt looser"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        var body = await response.ReadAsync();
        Assert.Equal("massage", (string)body["kind"]!);
        Assert.Equal("Deep tissue massage", (string)body["modalityName"]!);
        Assert.Equal(4, (int)body["pressure"]!);
        Assert.Contains("BRUISE-SMALL", RuleIds(body));
        Assert.Contains("SORENESS-NORMAL", RuleIds(body));
        Assert.Equal($"/api/v1/treatments/{body["id"]}", response.Headers.Location!.ToString());

        var read = await api.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        var again = await read.ReadAsync();
        Assert.Equal("felt looser", (string)again["notes"]!);
        Assert.Equal("low-back", (string)again["bruiseAreas"]![0]!["region"]!);
        Assert.Equal("2026-11-25T10:00:00+00:00", (string)again["startedAt"]!);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_BruisingOnAnticoagulants_WarnsAtOnce(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(conditions: HealthCondition.AnticoagulantsOrBleedingDisorder));

        var body = await (await api.PostJsonAsync("/api/v1/treatments", DeepTissue())).ReadAsync();

        var warning = body["warnings"]!.AsArray().First()!;
        Assert.Equal("BRUISE-ANTICOAGULANT", (string)warning["ruleId"]!);
        Assert.Equal("warning", (string)warning["level"]!);
        Assert.Contains("Batavia", (string)warning["source"]!, StringComparison.Ordinal); // the publication, never the team's internal file
        Assert.DoesNotContain("BRUISE-SMALL", RuleIds(body)); // not called normal on blood thinners
    }

    [Fact]
    public async Task Create_NewNumbness_LinksToTheSymptomCheck()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var body = await (await api.PostJsonAsync("/api/v1/treatments", new { modalityId = "percussion-massage-gun", intensity = 3, signs = new[] { "new-numbness", "dark-urine" } })).ReadAsync();

        var numbness = body["warnings"]!.AsArray().Single(w => (string)w!["ruleId"]! == "NEW-NUMBNESS-WEAKNESS")!;
        Assert.Equal("rerun-triage", (string)numbness["action"]!);
        Assert.Equal("/triage", (string)numbness["link"]!);
        Assert.Contains("DARK-URINE", RuleIds(body));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_SameIngredientInTwoProducts_WarnsAboveTheLabelMaximumNamingBoth(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(region: "GB"));
        foreach (var hours in new[] { 20, 14, 8 })
        {
            var earlier = await (await api.PostJsonAsync("/api/v1/treatments", Medicine(hours, "paracetamol", "1000 mg", "Paracetamol 500 mg tablets"))).ReadAsync();
            Assert.DoesNotContain("MEDICINE-OVER-LABEL-MAXIMUM", RuleIds(earlier));
        }

        var atMaximum = await (await api.PostJsonAsync("/api/v1/treatments", Medicine(3, "paracetamol", "1000", "Cold and flu capsules"))).ReadAsync();
        var over = await (await api.PostJsonAsync("/api/v1/treatments", Medicine(1, "acetaminophen", "500 mg", "Cold and flu capsules"))).ReadAsync();

        Assert.DoesNotContain("MEDICINE-OVER-LABEL-MAXIMUM", RuleIds(atMaximum)); // 4,000 mg: exactly the maximum
        var warning = over["warnings"]!.AsArray().Single(w => (string)w!["ruleId"]! == "MEDICINE-OVER-LABEL-MAXIMUM")!;
        var message = (string)warning["message"]!;
        Assert.Contains("4,500 mg", message, StringComparison.Ordinal);
        Assert.Contains("Cold and flu capsules", message, StringComparison.Ordinal);
        Assert.Contains("Paracetamol 500 mg tablets", message, StringComparison.Ordinal);
        Assert.Contains("UK OTC label", (string)warning["source"]!, StringComparison.Ordinal);
        Assert.Equal("paracetamol", (string)over["doses"]![0]!["ingredient"]!);
        Assert.Equal(500m, (decimal)over["doses"]![0]!["milligrams"]!);
    }

    [Theory]
    [InlineData("{\"modalityId\": \"deep-tissue-massage\", \"pressure\": 6}", "pressure", "pressure above 5")]
    [InlineData("{\"modalityId\": \"deep-tissue-massage\", \"pressure\": 0}", "pressure", "pressure below 1")]
    [InlineData("{\"modalityId\": \"deep-tissue-massage\", \"painAfter\": 11}", "painAfter", "pain above 10")]
    [InlineData("{\"modalityId\": \"deep-tissue-massage\", \"soreness\": -1}", "soreness", "soreness below 0")]
    [InlineData("{\"modalityId\": \"deep-tissue-massage\", \"durationMinutes\": 601}", "durationMinutes", "over 600 minutes")]
    [InlineData("{\"modalityId\": \"vibration-massager\", \"intensity\": 9}", "intensity", "intensity above 5")]
    [InlineData("{\"modalityId\": \"heat\", \"pressure\": 3}", "pressure", "a field that does not apply to the kind")]
    [InlineData("{\"modalityId\": \"reiki\"}", "modalityId", "a modality not in the catalogue")]
    [InlineData("{}", "modalityId", "no modality")]
    [InlineData("{\"modalityId\": \"over-the-counter-medicine\", \"doses\": [{\"ingredient\": \"paracetamol\", \"dose\": \"500 g\"}]}", "doses[0].dose", "a dose in grams")]
    [InlineData("{\"modalityId\": \"over-the-counter-medicine\", \"doses\": [{\"ingredient\": \"paracetamol\", \"dose\": \"5 ml\"}]}", "doses[0].dose", "a dose in millilitres")]
    [InlineData("{\"modalityId\": \"over-the-counter-medicine\", \"doses\": [{\"ingredient\": \"unobtainium\", \"dose\": \"5 mg\"}]}", "doses[0].ingredient", "an unknown ingredient")]
    [InlineData("{\"modalityId\": \"over-the-counter-medicine\"}", "doses", "a medicine without a dose")]
    [InlineData("{\"modalityId\": \"heat\", \"startedAt\": \"2027-01-01T10:00:00+00:00\"}", "startedAt", "a time in the future")]
    [InlineData("{\"modalityId\": \"heat\", \"notes\": \"a\\u0000b\"}", "notes", "NUL in notes")]
    [InlineData("{\"modalityId\": \"ear-seeds\", \"durationMinutes\": 2}", "earSeedApplicationId", "a press without its application")]
    [InlineData("{\"modalityId\": \"ear-seeds\", \"earSeedApplicationId\": \"0195a3c2-0000-7000-8000-000000000000\"}", "earSeedApplicationId", "a press of seeds that do not exist")]
    public async Task Create_Invalid_Returns400ProblemNamingTheFieldAndSavesNothing(string json, string field, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.PostAsync("/api/v1/treatments", Json.Raw(json));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadAsync();
        Assert.True(problem["errors"]?[field] is not null, $"{why}: {problem.ToJsonString()}");
        Assert.Equal(0, (int)(await (await api.GetAsync("/api/v1/treatments")).ReadAsync())["total"]!);
    }

    [Theory]
    [InlineData("{\"modalityId\": \"heat\", \"painBefore\": \"five\"}", "a number as text")]
    [InlineData("{\"modalityId\": \"heat\", \"signs\": [\"itchy\"]}", "an unknown sign")]
    [InlineData("{\"modalityId\": \"deep-tissue-massage\", \"bruising\": \"huge\"}", "an unknown bruise size")]
    [InlineData("{\"modalityId\": ", "truncated JSON")]
    public async Task Create_MalformedJson_Returns400Problem(string json, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.PostAsync("/api/v1/treatments", Json.Raw(json));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_SameIdempotencyKey_ReplaysAndADifferentBodyIs422(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var first = await api.PostJsonAsync("/api/v1/treatments", DeepTissue(notes: "once"), idempotencyKey: "key-1");
        var second = await api.PostJsonAsync("/api/v1/treatments", DeepTissue(notes: "once"), idempotencyKey: "key-1");
        var different = await api.PostJsonAsync("/api/v1/treatments", DeepTissue(notes: "twice"), idempotencyKey: "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((string)(await first.ReadAsync())["id"]!, (string)(await second.ReadAsync())["id"]!);
        Assert.Equal((HttpStatusCode)422, different.StatusCode);
        Assert.Equal(1, (int)(await (await api.GetAsync("/api/v1/treatments")).ReadAsync())["total"]!);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Update_NeedsIfMatch_RefusesAStaleOne_AndAppliesACurrentOne(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var created = await api.PostJsonAsync("/api/v1/treatments", DeepTissue(notes: "first"));
        var url = created.Headers.Location!.ToString();

        var without = await api.PutJsonAsync(url, DeepTissue(notes: "no precondition"), ifMatch: null);
        var current = await api.PutJsonAsync(url, DeepTissue(notes: "second", bruising: "large"), ifMatch: "\"1\"");
        var stale = await api.PutJsonAsync(url, DeepTissue(notes: "from an old tab"), ifMatch: "\"1\"");
        var invalid = await api.PutJsonAsync(url, new { modalityId = "deep-tissue-massage", pressure = 9 }, ifMatch: "\"2\"");

        Assert.Equal((HttpStatusCode)428, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("\"2\"", current.Headers.ETag!.Tag);
        Assert.Contains("BRUISE-LARGE", RuleIds(await current.ReadAsync()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var read = await (await api.GetAsync(url)).ReadAsync();
        Assert.Equal("second", (string)read["notes"]!);
        Assert.Equal(2, (int)read["version"]!);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Delete_RemovesTheTreatmentAndItsFollowUps_ThenItIs404(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var url = (await api.PostJsonAsync("/api/v1/treatments", DeepTissue(hoursAgo: 30))).Headers.Location!.ToString();
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync(url + "/follow-ups", new { hoursAfter = 24, pain = 3 })).StatusCode);

        var staleDelete = await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url) { Headers = { { "If-Match", "\"7\"" } } });
        var deleted = await api.DeleteAsync(url);
        var again = await api.DeleteAsync(url);
        var read = await api.GetAsync(url);

        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task List_PagesAndFiltersByModalityKindAndDate(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(zone: "Europe/London"));
        await api.PostJsonAsync("/api/v1/treatments", DeepTissue(hoursAgo: 50)); // 23 Nov
        await api.PostJsonAsync("/api/v1/treatments", DeepTissue(hoursAgo: 2)); // 25 Nov
        await api.PostJsonAsync("/api/v1/treatments", new { modalityId = "heat", startedAt = TestApp.Start.AddHours(-1), durationMinutes = 20 });
        await api.PostJsonAsync("/api/v1/treatments", new { modalityId = "massage-chair", startedAt = TestApp.Start.AddHours(-26), intensity = 2 });

        var all = await (await api.GetAsync("/api/v1/treatments?pageSize=2")).ReadAsync();
        var page2 = await (await api.GetAsync("/api/v1/treatments?pageSize=2&page=2")).ReadAsync();
        var deep = await (await api.GetAsync("/api/v1/treatments?modality=deep-tissue-massage")).ReadAsync();
        var machines = await (await api.GetAsync("/api/v1/treatments?kind=machine")).ReadAsync();
        var today = await (await api.GetAsync("/api/v1/treatments?from=2026-11-25&to=2026-11-25")).ReadAsync();
        var badKind = await api.GetAsync("/api/v1/treatments?kind=reiki");
        var badModality = await api.GetAsync("/api/v1/treatments?modality=reiki");
        var badPage = await api.GetAsync("/api/v1/treatments?pageSize=1000");

        Assert.Equal(4, (int)all["total"]!);
        Assert.Equal(2, all["items"]!.AsArray().Count);
        Assert.Equal("heat", (string)all["items"]![0]!["modalityId"]!); // newest first
        Assert.Equal("deep-tissue-massage", (string)page2["items"]![1]!["modalityId"]!);
        Assert.Equal(2, (int)deep["total"]!);
        Assert.Equal("massage-chair", (string)Assert.Single(machines["items"]!.AsArray())!["modalityId"]!);
        Assert.Equal(2, (int)today["total"]!);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badModality.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_HostileNotesAndNames_AreStoredAndReturnedAsText(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        const string hostile = "<script>alert('x')</script> '; DROP TABLE \"Treatments\"; -- \u202e";

        var created = await api.PostJsonAsync("/api/v1/treatments", new
        {
            modalityId = "over-the-counter-medicine", notes = hostile,
            doses = new[] { new { ingredient = "ibuprofen", product = "<b>bold</b>", dose = "200 mg" } },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var read = await (await api.GetAsync(created.Headers.Location)).ReadAsync();
        Assert.Equal(hostile, (string)read["notes"]!);
        Assert.Equal("<b>bold</b>", (string)read["doses"]![0]!["product"]!);
    }

    [Fact]
    public async Task Modalities_ListsTheCatalogueWithFieldsAndPoints()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var modalities = (await (await api.GetAsync("/api/v1/modalities")).ReadAsync()).AsArray();
        var ingredients = (await (await api.GetAsync("/api/v1/medicines/ingredients")).ReadAsync()).AsArray();

        var swedish = modalities.Single(m => (string)m!["id"]! == "swedish-massage")!;
        Assert.Equal("massage", (string)swedish["kind"]!);
        Assert.Equal("therapist", (string)swedish["setting"]!);
        Assert.Contains("pressure", swedish["fields"]!.AsArray().Select(f => (string)f!));
        var acupressure = modalities.Single(m => (string)m!["id"]! == "self-acupressure")!;
        Assert.Contains("gb30", acupressure["points"]!.AsArray().Select(p => (string)p!["id"]!));
        Assert.Equal(21, modalities.Count); // the 20 of issue 3 and the massage ball and foam roller of issue 4
        Assert.Contains("paracetamol", ingredients.Select(i => (string)i!["id"]!));
    }

    [Fact]
    public async Task OpenApi_DocumentsTheTreatmentEndpoints()
    {
        await using var app = TestApp.Create();
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/v1/treatments", "/api/v1/treatments/{id}/follow-ups", "/api/v1/treatments/follow-ups/due", "/api/v1/ear-seeds/{id}/take-off", "/api/v1/modalities" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
        Assert.Contains("\"ear-seeds\"", document, StringComparison.Ordinal); // kinds by their wire names
    }
}

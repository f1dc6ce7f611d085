using System.Net;
using System.Text.Json.Nodes;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Questionnaires;

public sealed class QuestionnaireApiTests
{
    private static object Index(int legPain = 3, int numbness = 2, int weakness = 0, int sitting = 1) => new
    {
        answers = new[]
        {
            new { linkId = "leg-pain", code = legPain.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new { linkId = "numbness", code = numbness.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new { linkId = "weakness", code = weakness.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new { linkId = "sitting", code = sitting.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        },
    };

    private static object Pain(int pain, string? authoredAt = null) => new { answers = new[] { new { linkId = "pain", integer = pain } }, authoredAt };

    [Fact]
    public async Task List_HasTheFreeInstrumentsAnswerable_AndTheLicensedOnesAsScoringOnly()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var list = (await (await api.GetAsync("/api/v1/questionnaires")).ReadAsync()).AsArray();

        var byId = list.ToDictionary(i => (string)i!["id"]!, i => i!);
        Assert.Equal(["nrs", "odi", "rmdq", "sciatica-index", "startback"], byId.Keys.Order(StringComparer.Ordinal));
        Assert.True((bool)byId["nrs"]["canAnswer"]!);
        Assert.True((bool)byId["sciatica-index"]["canAnswer"]!);
        Assert.False((bool)byId["odi"]["canAnswer"]!);
        Assert.True((bool)byId["odi"]["licensed"]!);
        Assert.Equal("oswestry-percentage", (string)byId["odi"]["rule"]!);
        Assert.Equal("97909-6", (string)byId["odi"]["loincTotal"]!);
        Assert.Equal(10m, (decimal)byId["odi"]["importantChange"]!["points"]!);
        Assert.Equal("distress", (string)byId["startback"]["subscores"]![0]!["id"]!);
        Assert.Equal("72514-3", (string)byId["nrs"]["loincTotal"]!);
    }

    [Fact]
    public async Task Get_AShippedInstrument_IsAFhirR4Questionnaire_ALicensedOneIsNotServed()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var index = await api.GetAsync("/api/v1/questionnaires/sciatica-index");
        var odi = await api.GetAsync("/api/v1/questionnaires/odi");
        var unknown = await api.GetAsync("/api/v1/questionnaires/no-such");

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("application/fhir+json", index.Content.Headers.ContentType!.MediaType);
        var q = await index.ReadAsync();
        Assert.Equal("Questionnaire", (string)q["resourceType"]!);
        Assert.Equal("sciatica-index", (string)q["id"]!);
        Assert.Equal(5, q["item"]!.AsArray().Count);
        Assert.Equal("choice", (string)q["item"]![1]!["type"]!);
        Assert.Equal(7, q["item"]![1]!["answerOption"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, odi.StatusCode);
        Assert.Contains("not loaded", await odi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_Read_List_Delete_AResponse(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(zone: "Europe/London"));

        var created = await api.PostJsonAsync("/api/v1/questionnaires/sciatica-index/responses", Index(3, 2, 1, 1), "index-1");
        var body = await created.ReadAsync();
        var read = await api.GetAsync(created.Headers.Location);
        await api.PostJsonAsync("/api/v1/questionnaires/sciatica-index/responses", Index(1, 1, 0, 1));
        var history = await (await api.GetAsync("/api/v1/questionnaires/sciatica-index/responses")).ReadAsync();
        var deleted = await api.DeleteAsync(created.Headers.Location);
        var again = await api.GetAsync(created.Headers.Location);
        var after = await (await api.GetAsync("/api/v1/questionnaires/sciatica-index/responses")).ReadAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/questionnaire-responses/{body["id"]}", created.Headers.Location!.ToString());
        Assert.Equal(7m, (decimal)body["score"]!);
        Assert.Equal("above-success-range", (string)body["band"]!["id"]!);
        Assert.Equal("2026-11-25", (string)body["localDate"]!);
        Assert.Equal(4, body["answers"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag!.ToString());
        Assert.Equal([7m, 3m], history["items"]!.AsArray().Select(i => (decimal)i!["score"]!));
        Assert.Equal(-4m, (decimal)history["change"]!["difference"]!);
        Assert.True((bool)history["change"]!["better"]!);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Single(after["items"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_PainRatingsOverTime_ReportTheImportantChange(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        await api.PostJsonAsync("/api/v1/questionnaires/nrs/responses", Pain(8, "2026-11-01T09:00:00Z"));
        await api.PostJsonAsync("/api/v1/questionnaires/nrs/responses", Pain(7, "2026-11-08T09:00:00Z"));
        await api.PostJsonAsync("/api/v1/questionnaires/nrs/responses", Pain(5, "2026-11-15T09:00:00Z"));
        var history = await (await api.GetAsync("/api/v1/questionnaires/nrs/responses")).ReadAsync();

        // 8 → 5 is 3 points and 37.5% of the baseline: past both 2 points and 30% (Farrar 2001).
        Assert.Equal([8m, 7m, 5m], history["items"]!.AsArray().Select(i => (decimal)i!["score"]!));
        Assert.True((bool)history["change"]!["important"]!);
        Assert.Equal(-37.5m, (decimal)history["change"]!["percent"]!);
    }

    [Theory]
    [InlineData("nrs", "{\"answers\": [{\"linkId\": \"pain\", \"integer\": 11}]}", "answers.pain", "a rating above 10")]
    [InlineData("nrs", "{\"answers\": [{\"linkId\": \"pain\", \"integer\": -1}]}", "answers.pain", "a rating below 0")]
    [InlineData("nrs", "{\"answers\": []}", "answers.pain", "the required rating missing")]
    [InlineData("nrs", "{\"answers\": [{\"linkId\": \"pain\", \"integer\": 4}, {\"linkId\": \"mood\", \"integer\": 4}]}", "answers", "an unknown linkId")]
    [InlineData("sciatica-index", "{\"answers\": [{\"linkId\": \"leg-pain\", \"code\": \"9\"}, {\"linkId\": \"numbness\", \"code\": \"1\"}, {\"linkId\": \"weakness\", \"code\": \"1\"}, {\"linkId\": \"sitting\", \"code\": \"1\"}]}", "answers.leg-pain", "an unknown option code")]
    [InlineData("nrs", "{\"answers\": [{\"linkId\": \"pain\", \"integer\": 4}], \"authoredAt\": \"2027-01-01T00:00:00Z\"}", "authoredAt", "a response from the future")]
    public async Task Create_BadAnswer_Returns400NamingTheItem_AndSavesNothing(string instrument, string json, string field, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.PostAsync($"/api/v1/questionnaires/{instrument}/responses", Json.Raw(json));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await response.ReadAsync())["errors"]![field]);
        var history = await (await api.GetAsync($"/api/v1/questionnaires/{instrument}/responses")).ReadAsync();
        Assert.Empty(history["items"]!.AsArray());
    }

    [Theory]
    [InlineData("odi", "a licensed instrument this server has not loaded")]
    [InlineData("no-such", "an unknown instrument")]
    public async Task Create_ForAnInstrumentThatCannotBeAnswered_Returns404(string instrument, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.PostJsonAsync($"/api/v1/questionnaires/{instrument}/responses", Pain(3));

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, why);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_SameIdempotencyKeyTwice_SavesOneResponse_AReusedKeyWithAnotherBodyGets422(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var first = await api.PostJsonAsync("/api/v1/questionnaires/nrs/responses", Pain(6), "same-key");
        var second = await api.PostJsonAsync("/api/v1/questionnaires/nrs/responses", Pain(6), "same-key");
        var reused = await api.PostJsonAsync("/api/v1/questionnaires/nrs/responses", Pain(2), "same-key");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Single((await (await api.GetAsync("/api/v1/questionnaires/nrs/responses")).ReadAsync())["items"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Schedules_CreateListDueStop(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(zone: "Europe/London"));

        var created = await api.PostJsonAsync("/api/v1/questionnaire-schedules", new { instrumentId = "sciatica-index", frequency = "weekly" });
        var duplicate = await api.PostJsonAsync("/api/v1/questionnaire-schedules", new { instrumentId = "sciatica-index", frequency = "monthly" });
        var licensed = await api.PostJsonAsync("/api/v1/questionnaire-schedules", new { instrumentId = "odi", frequency = "monthly" });
        var badFrequency = await api.PostJsonAsync("/api/v1/questionnaire-schedules", new { instrumentId = "nrs", frequency = "hourly" });
        var due = (await (await api.GetAsync("/api/v1/questionnaire-schedules")).ReadAsync()).AsArray();
        await api.PostJsonAsync("/api/v1/questionnaires/sciatica-index/responses", Index());
        var afterAnswer = (await (await api.GetAsync("/api/v1/questionnaire-schedules")).ReadAsync()).AsArray();
        var id = (string)(await created.ReadAsync())["id"]!;
        var stopped = await api.PostAsync($"/api/v1/questionnaire-schedules/{id}/stop", null);
        var restarted = await api.PostJsonAsync("/api/v1/questionnaire-schedules", new { instrumentId = "sciatica-index", frequency = "monthly" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, licensed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFrequency.StatusCode);
        Assert.True((bool)due.Single()!["due"]!);
        Assert.Equal("2026-11-25", (string)due.Single()!["nextDue"]!);
        Assert.False((bool)afterAnswer.Single()!["due"]!);
        Assert.Equal("2026-12-02", (string)afterAnswer.Single()!["nextDue"]!);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.False((bool)(await stopped.ReadAsync())["active"]!);
        Assert.Equal(HttpStatusCode.Created, restarted.StatusCode);
        var now = (await restarted.ReadAsync()).AsObject();
        Assert.Equal((id, "monthly", true), ((string)now["id"]!, (string)now["frequency"]!, (bool)now["active"]!));
    }

    [Fact]
    public async Task OpenApi_DocumentsTheQuestionnaireEndpoints()
    {
        await using var app = TestApp.Create();
        using var client = app.CreateClient();

        var doc = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        Assert.NotNull(doc["paths"]!["/api/v1/questionnaires/{instrumentId}/responses"]!["post"]);
        Assert.NotNull(doc["paths"]!["/api/v1/questionnaire-responses/{id}"]!["delete"]);
    }
}

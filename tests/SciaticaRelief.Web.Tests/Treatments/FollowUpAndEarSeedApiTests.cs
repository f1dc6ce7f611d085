using System.Net;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Treatments;

public sealed class FollowUpApiTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FollowUp_Given_ThenASecondForTheSameHoursIs409AndChangesNothing(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var url = (await api.PostJsonAsync("/api/v1/treatments", TreatmentApiTests.DeepTissue(hoursAgo: 30))).Headers.Location!.ToString();

        var first = await api.PostJsonAsync(url + "/follow-ups", new { hoursAfter = 24, pain = 3, notes = "better" });
        var second = await api.PostJsonAsync(url + "/follow-ups", new { hoursAfter = 24, pain = 8 });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        var list = (await (await api.GetAsync(url + "/follow-ups")).ReadAsync()).AsArray();
        Assert.Equal(3, (int)Assert.Single(list)!["pain"]!);

        // Delete it to give it again.
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync(url + "/follow-ups/24")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync(url + "/follow-ups", new { hoursAfter = 24, pain = 8 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync(url + "/follow-ups/48")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FollowUp_ForADeletedTreatment_Is404AndSavesNothing(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var url = (await api.PostJsonAsync("/api/v1/treatments", TreatmentApiTests.DeepTissue(hoursAgo: 30))).Headers.Location!.ToString();
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync(url)).StatusCode);

        var response = await api.PostJsonAsync(url + "/follow-ups", new { hoursAfter = 24, pain = 3 }, idempotencyKey: "f-1");
        var list = await api.GetAsync(url + "/follow-ups");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("deleted", (string)(await response.ReadAsync())["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
    }

    [Theory]
    [InlineData(30, "{\"hoursAfter\": 36, \"pain\": 3}", "hoursAfter", "only 24 or 48 hours")]
    [InlineData(30, "{\"hoursAfter\": 24, \"pain\": 11}", "pain", "pain above 10")]
    [InlineData(30, "{\"hoursAfter\": 24}", "pain", "no pain given")]
    [InlineData(2, "{\"hoursAfter\": 24, \"pain\": 3}", "hoursAfter", "2 hours after the session is too early for the 24-hour follow-up")]
    public async Task FollowUp_Invalid_Is400(int hoursAgo, string json, string field, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var url = (await api.PostJsonAsync("/api/v1/treatments", TreatmentApiTests.DeepTissue(hoursAgo: hoursAgo))).Headers.Location!.ToString();

        var response = await api.PostAsync(url + "/follow-ups", Json.Raw(json));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.NotNull((await response.ReadAsync())["errors"]![field]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Due_ListsMassageSessionsWithoutTheirFollowUp(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var recent = await (await api.PostJsonAsync("/api/v1/treatments", TreatmentApiTests.DeepTissue(hoursAgo: 30))).ReadAsync();
        await api.PostJsonAsync("/api/v1/treatments", TreatmentApiTests.DeepTissue(hoursAgo: 2)); // too early for either
        await api.PostJsonAsync("/api/v1/treatments", new { modalityId = "heat", startedAt = TestApp.Start.AddHours(-30) }); // heat does not prompt

        var due = (await (await api.GetAsync("/api/v1/treatments/follow-ups/due")).ReadAsync()).AsArray();
        var item = Assert.Single(due)!;
        Assert.Equal((string)recent["id"]!, (string)item["treatmentId"]!);
        Assert.Equal(24, (int)item["hoursAfter"]!);
        Assert.Equal($"/treatments/{recent["id"]}/follow-up?hours=24", (string)item["link"]!);

        await api.PostJsonAsync($"/api/v1/treatments/{recent["id"]}/follow-ups", new { hoursAfter = 24, pain = 2 });
        Assert.Empty((await (await api.GetAsync("/api/v1/treatments/follow-ups/due")).ReadAsync()).AsArray());
    }
}

public sealed class EarSeedApiTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EarSeeds_ApplyPressTakeOff(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var applied = await api.PostJsonAsync("/api/v1/ear-seeds", new { ear = "right", points = new[] { "shen-men", "sciatic-nerve" } }, idempotencyKey: "seeds-1");
        var replay = await api.PostJsonAsync("/api/v1/ear-seeds", new { ear = "right", points = new[] { "shen-men", "sciatic-nerve" } }, idempotencyKey: "seeds-1");
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var body = await applied.ReadAsync();
        var id = (string)body["id"]!;
        Assert.Equal(id, (string)(await replay.ReadAsync())["id"]!);
        Assert.Equal("2026-11-30T12:00:00+00:00", (string)body["removeBy"]!); // 5 days by default

        var press = await api.PostJsonAsync("/api/v1/treatments", new { modalityId = "ear-seeds", earSeedApplicationId = id, durationMinutes = 2, painBefore = 5, painAfter = 4 });
        Assert.Equal(HttpStatusCode.Created, press.StatusCode);
        Assert.Equal("ear-seeds", (string)(await press.ReadAsync())["kind"]!);
        var current = await (await api.GetAsync("/api/v1/ear-seeds?current=true")).ReadAsync();
        Assert.Equal(1, (int)Assert.Single(current["items"]!.AsArray())!["presses"]!);

        var off = await api.PostJsonAsync($"/api/v1/ear-seeds/{id}/take-off", new { });
        var twice = await api.PostJsonAsync($"/api/v1/ear-seeds/{id}/take-off", new { });
        var lateTreatment = await api.PostJsonAsync("/api/v1/treatments", new { modalityId = "ear-seeds", earSeedApplicationId = id, startedAt = TestApp.Start.AddMinutes(5), durationMinutes = 2 });

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.NotNull((await off.ReadAsync())["removedAt"]);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, lateTreatment.StatusCode); // pressed after they came off
        Assert.Equal(0, (int)(await (await api.GetAsync("/api/v1/ear-seeds?current=true")).ReadAsync())["total"]!);
        Assert.Equal(1, (int)(await (await api.GetAsync("/api/v1/ear-seeds")).ReadAsync())["total"]!);
    }

    [Fact]
    public async Task EarSeeds_RedSkinAndPregnancy_WarnAtOnce()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(conditions: HealthCondition.Pregnancy));

        var body = await (await api.PostJsonAsync("/api/v1/ear-seeds", new { ear = "left", points = new[] { "shen-men" }, skinRedOrBroken = true })).ReadAsync();
        var id = (string)body["id"]!;
        var press = await (await api.PostJsonAsync("/api/v1/treatments", new { modalityId = "ear-seeds", earSeedApplicationId = id, skinRedOrBroken = true })).ReadAsync();

        var rules = body["warnings"]!.AsArray().Select(w => (string)w!["ruleId"]!).ToList();
        Assert.Equal(["EAR-SKIN-RED-OR-BROKEN", "EAR-PREGNANCY"], rules);
        Assert.Equal("/ear-seeds", (string)body["warnings"]![0]!["link"]!);
        Assert.Contains(press["warnings"]!.AsArray(), w => (string)w!["ruleId"]! == "EAR-SKIN-RED-OR-BROKEN");
    }

    [Fact]
    public async Task EarSeeds_Overdue_WarnsToTakeThemOff()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var id = (string)(await (await api.PostJsonAsync("/api/v1/ear-seeds", new { ear = "left", points = new[] { "subcortex" } })).ReadAsync())["id"]!;

        app.Clock.Advance(TimeSpan.FromDays(6));
        var read = await api.GetAsync($"/api/v1/ear-seeds/{id}");

        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        Assert.Equal("EAR-OVERDUE", (string)(await read.ReadAsync())["warnings"]![0]!["ruleId"]!);
    }

    [Theory]
    [InlineData("{\"points\": [\"shen-men\"]}", "ear", "no ear")]
    [InlineData("{\"ear\": \"left\", \"points\": []}", "points", "no point")]
    [InlineData("{\"ear\": \"left\", \"points\": [\"li4\"]}", "points", "not an ear point")]
    [InlineData("{\"ear\": \"left\", \"points\": [\"shen-men\"], \"removeBy\": \"2026-12-10T12:00:00+00:00\"}", "removeBy", "15 days of wear")]
    [InlineData("{\"ear\": \"left\", \"points\": [\"shen-men\"], \"appliedAt\": \"2027-01-01T12:00:00+00:00\"}", "appliedAt", "in the future")]
    public async Task EarSeeds_Invalid_Is400(string json, string field, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.PostAsync("/api/v1/ear-seeds", Json.Raw(json));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.NotNull((await response.ReadAsync())["errors"]![field]);
        Assert.Equal(0, (int)(await (await api.GetAsync("/api/v1/ear-seeds")).ReadAsync())["total"]!);
    }
}

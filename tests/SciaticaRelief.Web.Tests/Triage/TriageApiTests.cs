using System.Net;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Triage;

public sealed class TriageApiTests
{
    [Fact]
    public async Task Questions_ListEveryStableId()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var questions = (await (await api.GetAsync("/api/v1/triage/questions")).ReadAsync()).AsArray();

        Assert.Equal(RedFlagQuestions.All.Select(q => q.Id), questions.Select(q => (string)q!["id"]!));
    }

    [Fact]
    public async Task OpenApiDocument_DocumentsEveryRedFlagIdAndTheJournal()
    {
        await using var app = TestApp.Create();
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        foreach (var q in RedFlagQuestions.All)
        {
            Assert.Contains($"\"{q.Id}\"", document, StringComparison.Ordinal);
        }
        Assert.Contains("/api/v1/journal", document, StringComparison.Ordinal);
        Assert.Contains("\"unsure\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithTheProfilesContext_IsStoredAndGivesTheRegionsNumber()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(region: "US"));

        var response = await api.PostJsonAsync("/api/v1/triage", new { answers = new Dictionary<string, string> { ["bowel-control"] = "yes" } });

        var body = await response.ReadAsync();
        Assert.Equal("emergency", (string)body["level"]!);
        Assert.Equal("911", (string)body["emergencyNumber"]!);
        Assert.Contains("911", (string)body["headline"]!, StringComparison.Ordinal);
        Assert.NotNull(body["assessmentId"]);
        Assert.Contains("not a diagnosis", (string)body["caveat"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_WithGivenContext_EvaluatesWithoutStoring()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(screened: false));

        var body = await (await api.PostJsonAsync("/api/v1/triage/what-if", new
        {
            answers = new Dictionary<string, string> { ["minor-fall"] = "yes" },
            conditions = new[] { "osteoporosis" },
            age = 70,
        })).ReadAsync();

        Assert.Equal("urgent", (string)body["level"]!);
        Assert.Null(body["assessmentId"]);
        Assert.False((bool)body["stored"]!);
        var standing = await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync();
        Assert.Null(standing["latest"]);
    }

    [Theory]
    [InlineData("{\"answers\": {\"made-up\": \"yes\"}}", "unknown question id")]
    [InlineData("{\"answers\": {\"saddle-numbness\": \"maybe\"}}", "unknown answer")]
    [InlineData("{\"answers\": {}, \"age\": 30}", "an age belongs to a what-if, not a stored check")]
    public async Task Run_BadInput_Returns400Problem(string json, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.PostAsync("/api/v1/triage", Json.Raw(json));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EmergencyAlarm_StaysUntilACleanCheckInAndAClinicianReview()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(redFlags: new() { ["both-legs"] = "yes" }));
        app.Clock.Advance(TimeSpan.FromHours(2));

        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(occurredAt: "2026-11-25T13:30:00Z"));
        var afterClean = await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync();
        app.Clock.Advance(TimeSpan.FromHours(1));
        var review = await api.PostJsonAsync("/api/v1/triage/clinician-reviews", new { seenAt = "2026-11-25T14:30:00Z", note = "A&E: MRI normal" });
        var afterReview = await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync();

        Assert.Equal("emergency", (string)afterClean["activeAlarm"]!);
        Assert.False((bool)afterClean["needsCleanCheckIn"]!);
        Assert.True((bool)afterClean["needsClinicianReview"]!);
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        Assert.Null(afterReview["activeAlarm"]);
        Assert.False((bool)afterReview["selfCarePaused"]!);
    }

    [Fact]
    public async Task UrgentResult_PausesSelfCareLikeAnEmergency()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(redFlags: new() { ["leg-weakness"] = "yes", ["weakness-worsening-fast"] = "yes" }));
        var standing = await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync();

        Assert.Equal("urgent", (string)standing["activeAlarm"]!);
        Assert.True((bool)standing["selfCarePaused"]!);
        Assert.True((bool)standing["latest"]!["seeDoctorToday"]!);
    }

    [Fact]
    public async Task FourWeeksWithoutImprovement_SuggestsARoutineAppointment()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        for (var day = 30; day >= 0; day--)
        {
            var at = TestApp.Start.AddDays(-day).AddHours(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: 6, occurredAt: at));
        }

        var dashboard = await (await api.GetAsync("/api/v1/dashboard")).ReadAsync();

        Assert.Equal("routine", (string)dashboard["standing"]!["effective"]!);
        Assert.True((bool)dashboard["suggestRoutineAppointment"]!);
        Assert.Contains(dashboard["standing"]!["latest"]!["firedRules"]!.AsArray(), r => (string)r!["id"]! == "R-NO-PROGRESS-28D");
    }

    [Fact]
    public async Task FourWeeksWithA30PercentFall_SuggestsNothing()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        for (var day = 30; day >= 0; day--)
        {
            var at = TestApp.Start.AddDays(-day).AddHours(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(painNow: day > 15 ? 8 : 5, occurredAt: at));
        }

        var dashboard = await (await api.GetAsync("/api/v1/dashboard")).ReadAsync();

        Assert.False((bool)dashboard["suggestRoutineAppointment"]!);
        Assert.Equal("self-care", (string)dashboard["standing"]!["effective"]!);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;
using SciaticaRelief.Web.Tests.Safety;

namespace SciaticaRelief.Web.Tests.Treatments;

/// <summary>
/// The treatment log never refuses: care not advised for the Person's conditions is saved, warned
/// about with the reason and its source, and the warnings that applied when it was recorded are
/// stored with it; the Person's own home routines are checked like a Therapist's assignment.
/// </summary>
public sealed class TreatmentSafetyTests
{
    private static async Task SetConditionsAsync(TestApp app, Guid personId, HealthCondition conditions) =>
        await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Profiles.IgnoreQueryFilters().Where(p => p.PersonId == personId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Conditions, conditions)));

    [Fact]
    public async Task Log_NotAdvised_IsKept_WithTheWarningShownStoredAndOnThePage()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(conditions: HealthCondition.AnticoagulantsOrBleedingDisorder);
        using var api = await app.ApiClientAsync(person);
        using var browser = await app.SignedInBrowserAsync(person);

        var response = await api.PostJsonAsync("/api/v1/treatments", new { modalityId = "percussion-massage-gun", intensity = 2 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadAsync();
        var warning = Assert.Single(body["safetyWarnings"]!.AsArray())!;
        Assert.Equal("CONTRA:percussion-massage-gun:anticoagulants-or-bleeding-disorder", (string)warning["ruleId"]!);
        Assert.Equal("warning", (string)warning["level"]!);
        Assert.Contains("not advised for you", (string)warning["message"]!, StringComparison.Ordinal);
        Assert.Contains("Batavia", (string)warning["source"]!, StringComparison.Ordinal);
        Assert.Contains(body["warnings"]!.AsArray(), w => (string)w!["ruleId"]! == (string)warning["ruleId"]!);
        var id = Guid.Parse((string)body["id"]!);
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Treatments.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal((string)warning["message"]!, Assert.Single(stored.SafetyWarnings).Message);
        var shown = Assert.Single(Html.With(await browser.GetPageAsync($"/treatments/{id}"), "data-rule"), e => e["data-rule"] == (string)warning["ruleId"]!);
        Assert.Equal("warning", shown["data-level"]);
        Assert.Contains("bleeding into the muscle", shown.Text, StringComparison.Ordinal);
        Assert.Contains("Batavia", shown["data-source"], StringComparison.Ordinal);
        var list = await (await api.GetAsync("/api/v1/treatments")).ReadAsync();
        Assert.Contains(list["items"]![0]!["warnings"]!.AsArray(), w => (string)w!["ruleId"]! == (string)warning["ruleId"]!);
    }

    [Fact]
    public async Task StoredWarnings_StayAsRecorded_WhenTheProfileChanges_AndAnEditRecordsThemAgain()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(conditions: HealthCondition.Osteoporosis);
        using var api = await app.ApiClientAsync(person);
        var id = (string)(await (await api.PostJsonAsync("/api/v1/treatments", new { modalityId = "deep-tissue-massage", pressure = 4 })).ReadAsync())["id"]!;
        await SetConditionsAsync(app, person.Id, HealthCondition.Pregnancy);

        var read = await (await api.GetAsync($"/api/v1/treatments/{id}")).ReadAsync();
        var edited = await (await api.PutJsonAsync($"/api/v1/treatments/{id}", new { modalityId = "deep-tissue-massage", pressure = 3 }, "\"1\"")).ReadAsync();

        // Read: what applied when it was logged (weak bones), nothing made up from the profile now.
        Assert.Equal(["CONTRA:deep-tissue-massage:osteoporosis"], read["safetyWarnings"]!.AsArray().Select(w => (string)w!["ruleId"]!));
        Assert.DoesNotContain(read["warnings"]!.AsArray(), w => ((string)w!["ruleId"]!).EndsWith(":pregnancy", StringComparison.Ordinal));
        // An edit records it again, against the conditions the Person has then.
        Assert.Equal(["CONTRA:deep-tissue-massage:pregnancy"], edited["safetyWarnings"]!.AsArray().Select(w => (string)w!["ruleId"]!));
    }

    [Fact]
    public async Task Log_BL60InPregnancy_IsWarnedByThePointsVerdict_NotTheOldSideEffectRule()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(conditions: HealthCondition.Pregnancy);
        using var api = await app.ApiClientAsync(person);

        var body = await (await api.PostJsonAsync("/api/v1/treatments", new
        {
            modalityId = "self-acupressure", points = new[] { new { point = "gb30", feeling = "dull-ache", seconds = 60 }, new { point = "bl60", feeling = "relief", seconds = 60 } },
        })).ReadAsync();

        var rules = body["warnings"]!.AsArray().Select(w => ((string)w!["ruleId"]!, (string)w["level"]!)).ToList();
        Assert.Contains(("CONTRA:bl60:pregnancy", "warning"), rules);
        Assert.Contains(("CONTRA:self-acupressure:pregnancy", "caution"), rules);
        Assert.DoesNotContain(rules, r => r.Item1 == "ACUPRESSURE-PREGNANCY-POINT" || r.Item1.StartsWith("CONTRA:gb30:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OwnHomeRoutine_NotAdvised_Is400NamingTheField_WithAPrecautionItIsSavedWithIt()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(conditions: HealthCondition.ReducedSensation);
        using var api = await app.ApiClientAsync(person);
        object Routine(string modality) => new { kind = "home-routine", modalityId = modality, startDate = "2026-11-26", timeOfDay = "08:00", durationMinutes = 15, recurrence = "daily" };

        var cushion = await api.PostJsonAsync("/api/v1/plan/items", Routine("heated-massage-cushion"));
        var heat = await api.PostJsonAsync("/api/v1/plan/items", Routine("heat"));

        Assert.Equal(HttpStatusCode.BadRequest, cushion.StatusCode);
        var error = (string)Assert.Single((await cushion.ReadAsync())["errors"]!["modalityId"]!.AsArray())!;
        Assert.Contains("burn", error, StringComparison.Ordinal);
        Assert.Contains("Heat precaution from professional sources", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, heat.StatusCode);
        Assert.Contains((await heat.ReadAsync())["precautions"]!.AsArray(), p => ((string)p!["text"]!).StartsWith("Not on areas where feeling is reduced", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OwnPlanForm_LeavesOutTheRoutinesNotAdvised_SayingWhyAndTheSource()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(conditions: HealthCondition.ReducedSensation);
        using var browser = await app.SignedInBrowserAsync(person);

        var page = await browser.GetPageAsync("/plan/new?kind=home-routine");

        Assert.DoesNotContain("value=\"heated-massage-cushion\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"heat\"", page, StringComparison.Ordinal);
        var cushion = Assert.Single(Html.With(page, "data-refused"), e => e["data-refused"] == "heated-massage-cushion");
        Assert.Contains("burn", cushion.Text, StringComparison.Ordinal);
        Assert.Contains("Heat precaution from professional sources", cushion["data-source"], StringComparison.Ordinal);
        Assert.DoesNotContain(Html.With(page, "data-refused"), e => e["data-refused"] == "heat");
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;
using SciaticaRelief.Web.Tests.Plans;
using SciaticaRelief.Web.Tests.Safety;

namespace SciaticaRelief.Web.Tests.Clinical;

/// <summary>
/// The Therapist's side of care safety (the issue): the pre-visit brief shows the client's health
/// conditions and the warnings that stand first; the client list marks Urgent and Emergency; a note
/// recording a conflicting technique is kept with its warning (SessionNoteApiTests); assigning home
/// care that conflicts is refused for an absolute contraindication and warns otherwise; nothing is
/// assigned while the client should see a doctor; a revoked grant writes no amendment, form included.
/// </summary>
public sealed class TherapistSafetyTests
{
    private static async Task<(TestApp App, SciaticaRelief.Data.Accounts.ReliefUser Client, SciaticaRelief.Data.Accounts.ReliefUser Therapist)> SetUpAsync(HealthCondition conditions, GrantScope scopes = GrantScope.All)
    {
        var app = TestApp.Create();
        var client = await app.CreatePersonAsync(conditions: conditions);
        var therapist = await app.CreateTherapistAsync();
        await ClinicalTestData.GrantAsync(app, client.Id, therapist.Id, scopes);
        return (app, client, therapist);
    }

    [Fact]
    public async Task Brief_ShowsTheHealthConditionsAndWhatTheyMeanForTechniques_BeforeAnythingElse()
    {
        var (app, client, therapist) = await SetUpAsync(HealthCondition.Osteoporosis | HealthCondition.Pregnancy, GrantScope.None);
        await using var _ = app;
        using var api = await app.ApiClientAsync(therapist);
        using var browser = await app.SignedInBrowserAsync(therapist);

        var brief = await (await api.GetAsync($"/api/v1/clients/{client.Id}/brief")).ReadAsync();
        var page = await browser.GetPageAsync($"/clients/{client.Id}");

        // Health conditions are in every brief, whatever the scopes (none here), like the red flags.
        Assert.Equal(["pregnancy", "osteoporosis"], brief["health"]!["conditions"]!.AsArray().Select(c => (string)c!["id"]!));
        var techniques = brief["health"]!["techniques"]!.AsArray();
        var deep = techniques.Single(t => (string)t!["modalityId"]! == "deep-tissue-massage")!;
        Assert.Equal("refused", (string)deep["level"]!);
        Assert.Contains(deep["reasons"]!.AsArray(), r => ((string)r!["text"]!).Contains("fracture", StringComparison.Ordinal) && ((string)r["source"]!).Contains("Batavia", StringComparison.Ordinal));
        Assert.Contains(techniques, t => (string)t!["modalityId"]! == "swedish-massage" && (string)t["level"]! == "caution");
        var levels = techniques.Select(t => (string)t!["level"]!).ToList();
        Assert.Equal(levels.OrderBy(l => l == "refused" ? 0 : 1), levels); // not advised first
        var health = page.IndexOf("data-health", StringComparison.Ordinal);
        Assert.True(health > 0 && health < page.IndexOf("data-red-flags", StringComparison.Ordinal), "the health section comes first");
        Assert.True(health < page.IndexOf("pain-heading", StringComparison.Ordinal));
        Assert.Contains("data-condition=\"osteoporosis\"", page, StringComparison.Ordinal);
        Assert.Contains("data-technique=\"deep-tissue-massage\" data-level=\"refused\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Brief_OfAClientWithAPossibleClot_SaysTheUrgentWarningInTheHealthSection()
    {
        var (app, client, therapist) = await SetUpAsync(HealthCondition.SuspectedClot);
        await using var _ = app;
        using var browser = await app.SignedInBrowserAsync(therapist);

        var page = await browser.GetPageAsync($"/clients/{client.Id}");

        var alarm = Assert.Single(Html.With(page, "data-active-alarm"));
        Assert.Equal("urgent", alarm["data-active-alarm"]);
        Assert.Contains("Refer them to a doctor first", alarm.Text, StringComparison.Ordinal);
        Assert.True(page.IndexOf("data-active-alarm", StringComparison.Ordinal) < page.IndexOf("data-red-flags", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClientList_MarksAClientWhoseStandingIsUrgentOrEmergency_AndNoOther()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync();
        var clot = await app.CreatePersonAsync(email: $"a-clot{Guid.NewGuid():N}@example.org", conditions: HealthCondition.SuspectedClot);
        var well = await app.CreatePersonAsync(email: $"b-well{Guid.NewGuid():N}@example.org", conditions: HealthCondition.Pregnancy);
        await ClinicalTestData.GrantAsync(app, clot.Id, therapist.Id);
        await ClinicalTestData.GrantAsync(app, well.Id, therapist.Id);
        using var api = await app.ApiClientAsync(therapist);
        using var browser = await app.SignedInBrowserAsync(therapist);

        var list = (await (await api.GetAsync("/api/v1/clients")).ReadAsync())["clients"]!.AsArray();
        var page = await browser.GetPageAsync("/clients");

        Assert.Equal("urgent", (string)list.Single(c => (string)c!["clientId"]! == clot.Id.ToString())!["alarm"]!);
        Assert.Null(list.Single(c => (string)c!["clientId"]! == well.Id.ToString())!["alarm"]);
        var marked = Assert.Single(Html.With(page, "data-alarm"));
        Assert.Equal("urgent", marked["data-alarm"]);
        Assert.True(page.IndexOf(clot.Email!, StringComparison.Ordinal) < page.IndexOf("data-alarm", StringComparison.Ordinal)
            && page.IndexOf("data-alarm", StringComparison.Ordinal) < page.IndexOf(well.Email!, StringComparison.Ordinal), "the mark is on the clot client's row");
    }

    [Fact]
    public async Task Assign_AbsoluteContraindication_Is400NamingTheFieldWithTheReasonAndSource_AndNothingIsSaved()
    {
        var (app, client, therapist) = await SetUpAsync(HealthCondition.AnticoagulantsOrBleedingDisorder);
        await using var _ = app;
        using var api = await app.ApiClientAsync(therapist);

        var response = await api.PostJsonAsync($"/api/v1/clients/{client.Id}/plan/items",
            new { kind = "home-routine", modalityId = "percussion-massage-gun", recurrence = "daily", timeOfDay = "09:00" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (string)Assert.Single((await response.ReadAsync())["errors"]!["modalityId"]!.AsArray())!;
        Assert.Contains("Percussion massage gun is not advised", error, StringComparison.Ordinal);
        Assert.Contains("bleeding into the muscle", error, StringComparison.Ordinal);
        Assert.Contains("Batavia", error, StringComparison.Ordinal);
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().PlanItems.IgnoreQueryFilters().CountAsync(i => i.PersonId == client.Id)));
    }

    [Fact]
    public async Task Assign_WithACaution_IsSavedWithItsPrecautionsStored_AndTheClientSeesThemInTheirPlan()
    {
        var (app, client, therapist) = await SetUpAsync(HealthCondition.AnticoagulantsOrBleedingDisorder);
        await using var _ = app;
        using var api = await app.ApiClientAsync(therapist);

        var response = await api.PostJsonAsync($"/api/v1/clients/{client.Id}/plan/items",
            new { kind = "home-routine", modalityId = "vibration-massager", recurrence = "daily", timeOfDay = "09:00" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = await response.ReadAsync();
        var precaution = Assert.Single(item["precautions"]!.AsArray(), p => ((string)p!["text"]!).Contains("blood clots slowly", StringComparison.Ordinal))!;
        Assert.Contains("Batavia", (string)precaution["source"]!, StringComparison.Ordinal);
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().PlanItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.PersonId == client.Id));
        Assert.Contains(stored.Precautions, p => p.Text == (string)precaution["text"]! && p.Source == (string)precaution["source"]!);
        using var person = await app.SignedInBrowserAsync(client);
        var plan = await person.GetPageAsync("/plan");
        Assert.Contains(Html.With(plan, "data-precaution-of"), e => e["data-precaution-of"] == "vibration-massager" && e.Text.Contains("blood clots slowly", StringComparison.Ordinal)
            && e["data-source"].Contains("Batavia", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HomeCarePage_LeavesOutWhatIsNotAdvised_WithTheReason_AndRefusesItWhenPostedAnyway()
    {
        var (app, client, therapist) = await SetUpAsync(HealthCondition.Pregnancy);
        await using var _ = app;
        using var browser = await app.SignedInBrowserAsync(therapist);
        var url = $"/clients/{client.Id}/home-care";

        var page = await browser.GetPageAsync(url);
        var posted = await browser.SubmitFormAsync(url, "assign", new() { ["kind"] = "home-routine", ["modalityId"] = "self-acupressure", ["recurrence"] = "Daily", ["timeOfDay"] = "09:00" },
            [new("bodyPoint", "bl60")]);
        var answer = System.Net.WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());

        Assert.DoesNotContain(Html.With(page, "data-offered"), e => e["data-offered"] == "bl60");
        var refused = Assert.Single(Html.With(page, "data-refused"));
        Assert.Equal("bl60", refused["data-refused"]);
        Assert.Contains("traditionally avoided while pregnant", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Carr DJ", refused["data-source"], StringComparison.Ordinal);
        Assert.Contains("BL60 Kunlun is not advised with the health conditions in the profile", answer, StringComparison.Ordinal);
        Assert.Contains("Carr DJ", answer, StringComparison.Ordinal);
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().PlanItems.IgnoreQueryFilters().CountAsync(i => i.PersonId == client.Id)));
    }

    [Fact]
    public async Task Assign_WhileTheClientShouldSeeADoctor_Is409SeekCareOnly_AndThePageOffersNoForm()
    {
        var (app, client, therapist) = await SetUpAsync(HealthCondition.SuspectedClot);
        await using var _ = app;
        using var api = await app.ApiClientAsync(therapist);
        using var browser = await app.SignedInBrowserAsync(therapist);

        var response = await api.PostJsonAsync($"/api/v1/clients/{client.Id}/plan/items", ClientPlanTests.AcupressureRoutine("bl23"));
        var page = await browser.GetPageAsync($"/clients/{client.Id}/home-care");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.ReadAsync();
        Assert.True((bool)body["seekCareOnly"]!);
        Assert.Equal("urgent", (string)body["level"]!);
        Assert.Contains("data-seek-care-only", page, StringComparison.Ordinal);
        Assert.DoesNotContain("formname=\"assign\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"assign\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmendForm_AfterRevocation_PostIs404_AndNothingIsSaved()
    {
        var (app, client, therapist) = await SetUpAsync(HealthCondition.None, GrantScope.None);
        await using var _ = app;
        using var api = await app.ApiClientAsync(therapist);
        using var browser = await app.SignedInBrowserAsync(therapist);
        var id = (string)(await (await api.PostJsonAsync($"/api/v1/clients/{client.Id}/notes", ClinicalTestData.Note())).ReadAsync())["id"]!;
        var form = await browser.GetPageAsync($"/notes/{id}/amend");
        var token = BrowserClient.TokenOf(form);
        await ClinicalTestData.RevokeAsync(app, client.Id, therapist.Id);

        var post = await browser.Http.PostAsync(new Uri($"/notes/{id}/amend", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("_handler", "amend-note"), new("reason", "Typo"), new("subjective", "after revocation"), new("sessionDate", "2026-11-24")]));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(1, await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().SessionNotes.IgnoreQueryFilters().CountAsync()));
    }
}

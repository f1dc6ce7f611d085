using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Clinical;

public sealed class ClinicalPageTests
{
    private static Dictionary<string, string> NoteFields(string subjective = "Pain down the left leg.", string date = "2026-11-24") => new()
    {
        ["sessionDate"] = date,
        ["subjective"] = subjective,
        ["objective"] = "Tender piriformis.",
        ["assessment"] = "",
        ["plan"] = "Weekly.",
        ["pressure"] = "3",
        ["painBefore"] = "6",
        ["painAfter"] = "3",
        ["clientResponse"] = "better",
    };

    private static readonly KeyValuePair<string, string>[] AreasAndTechniques =
        [new("area", "buttock"), new("area", "calf"), new("technique", "swedish-massage")];

    private static async Task<(TestApp App, SciaticaRelief.Data.Accounts.ReliefUser Client, SciaticaRelief.Data.Accounts.ReliefUser Therapist, BrowserClient Browser)> SetUpAsync()
    {
        var app = TestApp.Create();
        var client = await app.CreatePersonAsync(email: $"client{Guid.NewGuid():N}@example.org", conditions: HealthCondition.Pregnancy);
        var therapist = await app.CreateTherapistAsync(name: "Sam Therapist");
        await ClinicalTestData.GrantAsync(app, client.Id, therapist.Id, Core.Sharing.GrantScope.None);
        return (app, client, therapist, await app.SignedInBrowserAsync(therapist));
    }

    private static Guid IdFrom(HttpResponseMessage redirect, string prefix)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal);
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        return Guid.Parse(location.AsSpan(prefix.Length, 36));
    }

    [Fact]
    public async Task IntakeJourney_TherapistWrites_ClientSeesNoticeAndConfirms_ProfileGainsTheConditions()
    {
        var (app, client, _, therapist) = await SetUpAsync();
        await using var _app = app;
        using var _b = therapist;
        using var person = await app.SignedInBrowserAsync(client);

        var form = await therapist.GetPageAsync($"/clients/{client.Id}/intake");
        var saved = await therapist.SubmitFormAsync($"/clients/{client.Id}/intake", "intake",
            new() { ["history"] = "Back pain <b>since</b> March", ["contraindications"] = "Avoid deep pressure", ["medications"] = "", ["consent"] = "yes" },
            [new("condition", "osteoporosis"), new("condition", "recent-surgery")]);
        var dashboard = await person.GetPageAsync("/");
        var list = await person.GetPageAsync("/intakes");
        var id = await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Intakes.IgnoreQueryFilters().Select(i => i.Id).SingleAsync());
        var review = await person.GetPageAsync($"/intakes/{id}");
        var confirmed = await person.SubmitFormAsync($"/intakes/{id}", "confirm-intake", []);
        var confirmedPage = await confirmed.Content.ReadAsStringAsync();
        var profile = await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Profiles.IgnoreQueryFilters().SingleAsync(p => p.PersonId == client.Id));

        Assert.Contains("Does the client consent to treatment?", form, StringComparison.Ordinal);
        Assert.Contains($"/clients/{client.Id}/intake?saved=true", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("href=\"/intakes\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("Waiting for you to check it", list, StringComparison.Ordinal);
        Assert.Contains("Back pain &lt;b&gt;since&lt;/b&gt; March", review, StringComparison.Ordinal);
        Assert.Contains(">Confirm</button>", review, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Confirmed. The health conditions", confirmedPage, StringComparison.Ordinal);
        Assert.DoesNotContain(">Confirm</button>", confirmedPage, StringComparison.Ordinal);
        Assert.Equal(HealthCondition.Pregnancy | HealthCondition.Osteoporosis | HealthCondition.RecentSurgery, profile.Conditions);
        Assert.DoesNotContain("href=\"/intakes\"", await person.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntakeReview_DecidedInAnotherTab_Answers409AndChangesNothing()
    {
        var (app, client, _, therapist) = await SetUpAsync();
        await using var _app = app;
        using var _b = therapist;
        using var person = await app.SignedInBrowserAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await therapist.SubmitFormAsync($"/clients/{client.Id}/intake", "intake",
            new() { ["consent"] = "no" }, [new("condition", "osteoporosis")])).StatusCode);
        var id = await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Intakes.IgnoreQueryFilters().Select(i => i.Id).SingleAsync());
        var page = await person.GetPageAsync($"/intakes/{id}");
        var token = BrowserClient.TokenOf(page);
        Task<HttpResponseMessage> Post(string handler) => person.Http.PostAsync($"/intakes/{id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("_handler", handler)]));

        var declined = await Post("decline-intake");
        var again = await Post("confirm-intake");

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Nothing was changed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var conditions = await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Profiles.IgnoreQueryFilters().Where(p => p.PersonId == client.Id).Select(p => p.Conditions).SingleAsync());
        Assert.Equal(HealthCondition.Pregnancy, conditions);
    }

    [Fact]
    public async Task IntakeForm_WithoutConsentAnswered_ShowsTheMessageAndSavesNothing()
    {
        var (app, client, _, therapist) = await SetUpAsync();
        await using var _app = app;
        using var _b = therapist;

        var response = await therapist.SubmitFormAsync($"/clients/{client.Id}/intake", "intake", new() { ["history"] = "kept as typed" });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Record whether the client consents to treatment", page, StringComparison.Ordinal);
        Assert.Contains(">kept as typed</textarea>", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Intakes.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task NoteJourney_WriteAmendAndRead_OriginalStaysVisibleAndTextIsEscaped()
    {
        var (app, client, _, therapist) = await SetUpAsync();
        await using var _app = app;
        using var _b = therapist;

        var form = await therapist.GetPageAsync($"/clients/{client.Id}/notes/new");
        var saved = await therapist.SubmitFormAsync($"/clients/{client.Id}/notes/new", "session-note",
            NoteFields("<script>alert('x')</script> left leg"), AreasAndTechniques);
        var id = IdFrom(saved, "/notes/");
        var view = await therapist.GetPageAsync($"/notes/{id}?saved=true");
        var amendForm = await therapist.GetPageAsync($"/notes/{id}/amend");
        var amended = await therapist.SubmitFormAsync($"/notes/{id}/amend", "amend-note",
            new(NoteFields("Right leg, not left.")) { ["reason"] = "Wrong leg" }, AreasAndTechniques);
        var after = await therapist.GetPageAsync($"/notes/{id}");

        Assert.Contains(">Save note</button>", form, StringComparison.Ordinal);
        Assert.Contains("value=\"swedish-massage\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"heat\"", form, StringComparison.Ordinal);
        Assert.Contains("Note saved and signed.", view, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; left leg", view, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", view, StringComparison.Ordinal);
        Assert.Contains("Sam Therapist", view, StringComparison.Ordinal);
        Assert.Contains("checked", amendForm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, amended.StatusCode);
        Assert.Contains("Original note", after, StringComparison.Ordinal);
        Assert.Contains("Amendment 1", after, StringComparison.Ordinal);
        Assert.Contains("Wrong leg", after, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; left leg", after, StringComparison.Ordinal);
        Assert.Contains("Right leg, not left.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoteForm_FutureDate_ShowsTheMessageAndSavesNothing()
    {
        var (app, client, _, therapist) = await SetUpAsync();
        await using var _app = app;
        using var _b = therapist;

        var response = await therapist.SubmitFormAsync($"/clients/{client.Id}/notes/new", "session-note", NoteFields(date: "2026-11-27"), AreasAndTechniques);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The session date cannot be in the future.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-11-27\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().SessionNotes.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task NotesList_GroupsByClientWithAChart_AndKeepsAFormerClientsNotes_ReadableNotAmendable()
    {
        var (app, client, therapistUser, therapist) = await SetUpAsync();
        await using var _app = app;
        using var _b = therapist;
        IdFrom(await therapist.SubmitFormAsync($"/clients/{client.Id}/notes/new", "session-note", NoteFields(date: "2026-11-20"), AreasAndTechniques), "/notes/");
        var id = IdFrom(await therapist.SubmitFormAsync($"/clients/{client.Id}/notes/new", "session-note", NoteFields(date: "2026-11-24"), AreasAndTechniques), "/notes/");

        var live = await therapist.GetPageAsync("/notes");
        await ClinicalTestData.RevokeAsync(app, client.Id, therapistUser.Id);
        var former = await therapist.GetPageAsync("/notes");
        var stillReadable = await therapist.GetAsync($"/notes/{id}");
        var newNote = await therapist.GetAsync($"/clients/{client.Id}/notes/new");
        var intake = await therapist.GetAsync($"/clients/{client.Id}/intake");
        var amendForm = await therapist.GetAsync($"/notes/{id}/amend");

        Assert.Contains(client.Email!, live, StringComparison.Ordinal);
        Assert.Contains("<svg", live, StringComparison.Ordinal);
        Assert.Contains("20 Nov 2026: 6 before, 3 after", live, StringComparison.Ordinal);
        Assert.Contains($"/clients/{client.Id}/notes/new", live, StringComparison.Ordinal);
        Assert.Contains("former client", former, StringComparison.Ordinal);
        Assert.DoesNotContain($"/clients/{client.Id}/notes/new", former, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillReadable.StatusCode);
        var readable = await stillReadable.Content.ReadAsStringAsync();
        Assert.Contains("data-no-live-grant", readable, StringComparison.Ordinal);
        Assert.DoesNotContain($"/notes/{id}/amend", readable, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, newNote.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, intake.StatusCode);
        // An amendment writes to the client's record: no form without a live grant.
        Assert.Equal(HttpStatusCode.NotFound, amendForm.StatusCode);
        Assert.DoesNotContain("amend-note", await amendForm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTherapist_GetsNotFoundPages_AndCannotAmend()
    {
        var (app, client, _, therapist) = await SetUpAsync();
        await using var _app = app;
        using var _b = therapist;
        var id = IdFrom(await therapist.SubmitFormAsync($"/clients/{client.Id}/notes/new", "session-note", NoteFields(), AreasAndTechniques), "/notes/");
        using var other = await app.SignedInBrowserAsync(await app.CreateTherapistAsync(name: "Other"));
        var token = BrowserClient.TokenOf(await other.GetPageAsync("/notes"));

        var view = await other.GetAsync($"/notes/{id}");
        var amend = await other.GetAsync($"/notes/{id}/amend");
        var post = await other.Http.PostAsync($"/notes/{id}/amend", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("_handler", "amend-note"), new("reason", "mine"), new("subjective", "overwritten"), new("sessionDate", "2026-11-24")]));
        var newNote = await other.GetAsync($"/clients/{client.Id}/notes/new");

        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.DoesNotContain("left leg", await view.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, amend.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, newNote.StatusCode);
        Assert.Equal(1, await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().SessionNotes.IgnoreQueryFilters().CountAsync()));
    }
}

using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Security;

/// <summary>Who may reach an endpoint, and how a refusal looks.</summary>
public enum Access
{
    /// <summary>Anyone: the landing, sign-in, setup and error pages, the OpenAPI document.</summary>
    Public,

    /// <summary>An API endpoint for a signed-in Person: anonymous gets 401.</summary>
    Api,

    /// <summary>An API endpoint on one record: also, another Person's record answers 404.</summary>
    ApiOwned,

    /// <summary>A page for a signed-in Person: anonymous is sent to sign in.</summary>
    Page,

    /// <summary>A page on one record: also, another Person's record is a 404 page.</summary>
    PageOwned,

    /// <summary>A page for administrators only.</summary>
    AdminPage,

    /// <summary>A form endpoint with no page (sign-out): refused without the antiforgery token.</summary>
    FormOnly,

    /// <summary>
    /// A page for any signed-in account, Person or Therapist (settings, two-factor enrolment): anonymous
    /// is sent to sign in.
    /// </summary>
    AccountPage,

    /// <summary>An API endpoint for a signed-in Therapist (not on one client): anonymous 401, a Person 403.</summary>
    TherapistApi,

    /// <summary>A page for a signed-in Therapist (not on one client).</summary>
    TherapistPage,

    /// <summary>
    /// A Therapist's API endpoint on one client ({clientId}): it answers only through a live Grant that
    /// includes the scope in <see cref="AccessMatrixTests.ClientScopes"/>; otherwise 404.
    /// </summary>
    ClientApi,

    /// <summary>A Therapist's page on one client ({ClientId}); otherwise as <see cref="ClientApi"/>.</summary>
    ClientPage,
}

/// <summary>
/// The access matrix: every endpoint the app maps has a row, and each row is checked for an
/// anonymous caller, another Person, and a write without the antiforgery token.
/// </summary>
public sealed class AccessMatrixTests
{
    public static readonly IReadOnlyDictionary<string, Access> Matrix = new Dictionary<string, Access>
    {
        ["GET /api/v1/me"] = Access.Api,
        ["DELETE /api/v1/account"] = Access.Api,
        ["PAGE /settings/delete-account"] = Access.Page,
        ["PAGE /account/deleted"] = Access.Public,
        ["GET /api/v1/dashboard"] = Access.Api,
        ["GET /api/v1/insights"] = Access.Api,
        ["GET /api/v1/profile/"] = Access.Api,
        ["PUT /api/v1/profile/"] = Access.Api,
        ["GET /api/v1/triage/questions"] = Access.Api,
        ["GET /api/v1/triage/rules"] = Access.Api,
        ["POST /api/v1/triage/"] = Access.Api,
        ["POST /api/v1/triage/what-if"] = Access.Api,
        ["GET /api/v1/triage/standing"] = Access.Api,
        ["POST /api/v1/triage/clinician-reviews"] = Access.Api,
        ["POST /api/v1/journal/"] = Access.Api,
        ["GET /api/v1/journal/"] = Access.Api,
        ["GET /api/v1/journal/{id:guid}"] = Access.ApiOwned,
        ["PUT /api/v1/journal/{id:guid}"] = Access.ApiOwned,
        ["DELETE /api/v1/journal/{id:guid}"] = Access.ApiOwned,
        ["GET /api/v1/questionnaires/"] = Access.Api,
        ["GET /api/v1/questionnaires/{instrumentId}"] = Access.Api,
        ["POST /api/v1/questionnaires/{instrumentId}/responses"] = Access.Api,
        ["GET /api/v1/questionnaires/{instrumentId}/responses"] = Access.Api,
        ["GET /api/v1/questionnaire-responses/{id:guid}"] = Access.ApiOwned,
        ["DELETE /api/v1/questionnaire-responses/{id:guid}"] = Access.ApiOwned,
        ["GET /api/v1/questionnaire-schedules/"] = Access.Api,
        ["POST /api/v1/questionnaire-schedules/"] = Access.Api,
        ["POST /api/v1/questionnaire-schedules/{id:guid}/stop"] = Access.ApiOwned,
        ["POST /api/v1/treatments/"] = Access.Api,
        ["GET /api/v1/treatments/"] = Access.Api,
        ["GET /api/v1/treatments/follow-ups/due"] = Access.Api,
        ["GET /api/v1/treatments/{id:guid}"] = Access.ApiOwned,
        ["PUT /api/v1/treatments/{id:guid}"] = Access.ApiOwned,
        ["DELETE /api/v1/treatments/{id:guid}"] = Access.ApiOwned,
        ["GET /api/v1/treatments/{id:guid}/follow-ups"] = Access.ApiOwned,
        ["POST /api/v1/treatments/{id:guid}/follow-ups"] = Access.ApiOwned,
        ["DELETE /api/v1/treatments/{id:guid}/follow-ups/{hours:int}"] = Access.ApiOwned,
        ["POST /api/v1/ear-seeds/"] = Access.Api,
        ["GET /api/v1/ear-seeds/"] = Access.Api,
        ["GET /api/v1/ear-seeds/{id:guid}"] = Access.ApiOwned,
        ["POST /api/v1/ear-seeds/{id:guid}/take-off"] = Access.ApiOwned,
        ["GET /api/v1/modalities"] = Access.Api,
        ["GET /api/v1/knowledge/"] = Access.Api,
        ["GET /api/v1/knowledge/{knowledgeId}"] = Access.Api,
        ["GET /api/v1/medicines/ingredients"] = Access.Api,
        ["GET /api/v1/routines/acupressure"] = Access.Api,
        ["GET /api/v1/points"] = Access.Api,
        ["GET /api/v1/routines/ear-seeds"] = Access.Api,
        ["GET /api/v1/recommendations"] = Access.Api,
        ["GET /api/v1/machine-chooser"] = Access.Api,
        ["GET /openapi/{documentName}.json"] = Access.Public,
        ["POST /account/signout"] = Access.FormOnly,
        ["GET /_framework/opaque-redirect"] = Access.Public,
        ["PAGE /"] = Access.Public,
        ["PAGE /error"] = Access.Public,
        ["PAGE /not-found"] = Access.Public,
        ["PAGE /account/denied"] = Access.Public,
        ["PAGE /account/signin"] = Access.Public,
        ["PAGE /account/signup"] = Access.Public,
        ["PAGE /setup/{Secret}"] = Access.Public,
        ["PAGE /admin"] = Access.AdminPage,
        ["PAGE /checkin"] = Access.Page,
        ["PAGE /journal"] = Access.Page,
        ["PAGE /insights"] = Access.Page,
        ["PAGE /journal/{Id:guid}/edit"] = Access.PageOwned,
        ["PAGE /journal/{Id:guid}/delete"] = Access.PageOwned,
        ["PAGE /triage/result/{Id:guid}"] = Access.PageOwned,
        ["PAGE /triage"] = Access.Page,
        ["PAGE /triage/review"] = Access.Page,
        ["PAGE /profile"] = Access.Page,
        ["PAGE /onboarding"] = Access.Page,
        ["PAGE /settings/tokens"] = Access.AccountPage,
        ["PAGE /treatments"] = Access.Page,
        ["PAGE /treatments/new"] = Access.Page,
        ["PAGE /treatments/{Id:guid}"] = Access.PageOwned,
        ["PAGE /treatments/{Id:guid}/edit"] = Access.PageOwned,
        ["PAGE /treatments/{Id:guid}/delete"] = Access.PageOwned,
        ["PAGE /treatments/{Id:guid}/follow-up"] = Access.PageOwned,
        ["PAGE /ear-seeds"] = Access.Page,
        ["PAGE /learn"] = Access.Page,
        ["PAGE /learn/{KnowledgeId}"] = Access.Page,
        ["PAGE /home-care/acupressure"] = Access.Page,
        ["PAGE /home-care/ear-seeds"] = Access.Page,
        ["PAGE /home-care/points"] = Access.Page,
        ["PAGE /questionnaires"] = Access.Page,
        ["PAGE /questionnaires/{InstrumentId}/answer"] = Access.Page,
        ["PAGE /questionnaires/{InstrumentId}/history"] = Access.Page,
        ["PAGE /questionnaires/responses/{Id:guid}/delete"] = Access.PageOwned,
        ["PAGE /recommendations"] = Access.Page,
        ["PAGE /home-care/machines"] = Access.Page,
        ["PAGE /account/signin/two-factor"] = Access.Public,
        ["PAGE /account/two-factor"] = Access.AccountPage,
        ["PAGE /therapist"] = Access.TherapistPage,
        ["POST /api/v1/sharing/invites"] = Access.Api,
        ["GET /api/v1/sharing/invites"] = Access.Api,
        ["DELETE /api/v1/sharing/invites/{id:guid}"] = Access.ApiOwned,
        ["GET /api/v1/sharing/grants"] = Access.Api,
        ["POST /api/v1/sharing/grants/{id:guid}/revoke"] = Access.ApiOwned,
        ["GET /api/v1/sharing/audit"] = Access.Api,
        ["PAGE /sharing"] = Access.Page,
        ["PAGE /sharing/audit"] = Access.Page,
        ["POST /api/v1/clients/join"] = Access.TherapistApi,
        ["GET /api/v1/clients/"] = Access.TherapistApi,
        ["GET /api/v1/clients/{clientId:guid}/brief"] = Access.ClientApi,
        ["GET /api/v1/clients/{clientId:guid}/journal"] = Access.ClientApi,
        ["GET /api/v1/clients/{clientId:guid}/treatments"] = Access.ClientApi,
        ["GET /api/v1/clients/{clientId:guid}/questionnaire-responses"] = Access.ClientApi,
        ["PAGE /clients"] = Access.TherapistPage,
        ["PAGE /clients/join"] = Access.TherapistPage,
        ["PAGE /clients/{ClientId:guid}"] = Access.ClientPage,
        // Clinical records: intakes (written by a Therapist, decided by the Person) and session notes.
        ["GET /api/v1/intakes/"] = Access.Api,
        ["GET /api/v1/intakes/{id:guid}"] = Access.ApiOwned,
        ["POST /api/v1/intakes/{id:guid}/confirm"] = Access.ApiOwned,
        ["POST /api/v1/intakes/{id:guid}/decline"] = Access.ApiOwned,
        ["POST /api/v1/clients/{clientId:guid}/intakes"] = Access.ClientApi,
        ["GET /api/v1/clients/{clientId:guid}/intakes"] = Access.ClientApi,
        ["POST /api/v1/clients/{clientId:guid}/notes"] = Access.ClientApi,
        ["GET /api/v1/notes/"] = Access.TherapistApi,
        ["GET /api/v1/notes/{id:guid}"] = Access.TherapistApi,
        ["POST /api/v1/notes/{id:guid}/amendments"] = Access.TherapistApi,
        ["PAGE /intakes"] = Access.Page,
        ["PAGE /intakes/{Id:guid}"] = Access.PageOwned,
        ["PAGE /clients/{ClientId:guid}/intake"] = Access.ClientPage,
        ["PAGE /clients/{ClientId:guid}/notes/new"] = Access.ClientPage,
        ["PAGE /notes"] = Access.TherapistPage,
        ["PAGE /notes/{Id:guid}"] = Access.TherapistPage,
        ["PAGE /notes/{Id:guid}/amend"] = Access.TherapistPage,
        ["GET /api/v1/plan/items"] = Access.Api,
        ["POST /api/v1/plan/items"] = Access.Api,
        ["GET /api/v1/plan/items/{id:guid}"] = Access.ApiOwned,
        ["PUT /api/v1/plan/items/{id:guid}"] = Access.ApiOwned,
        ["DELETE /api/v1/plan/items/{id:guid}"] = Access.ApiOwned,
        ["POST /api/v1/plan/items/{id:guid}/done"] = Access.ApiOwned,
        ["GET /api/v1/plan/occurrences"] = Access.Api,
        ["GET /api/v1/plan/next"] = Access.Api,
        ["GET /api/v1/plan/adherence"] = Access.Api,
        ["GET /api/v1/plan/calendar.ics"] = Access.Api,
        ["GET /api/v1/export/fhir"] = Access.Api,
        ["GET /api/v1/export/archive"] = Access.Api,
        ["POST /api/v1/plan/feed-token"] = Access.Api,
        ["DELETE /api/v1/plan/feed-token"] = Access.Api,
        ["GET /feeds/{token}.ics"] = Access.Public,
        // The doctor's report: the Person's own rows only (ReportApiTests: another Person's report has none of them).
        ["GET /api/v1/reports/doctor"] = Access.Api,
        ["GET /api/v1/reports/doctor.pdf"] = Access.Api,
        ["PAGE /reports"] = Access.Page,
        ["PAGE /reports/print"] = Access.Page,
        ["GET /api/v1/clients/{clientId:guid}/plan/items"] = Access.ClientApi,
        ["POST /api/v1/clients/{clientId:guid}/plan/items"] = Access.ClientApi,
        ["DELETE /api/v1/clients/{clientId:guid}/plan/items/{id:guid}"] = Access.ClientApi,
        ["GET /api/v1/clients/{clientId:guid}/plan/adherence"] = Access.ClientApi,
        ["PAGE /plan"] = Access.Page,
        ["PAGE /plan/new"] = Access.Page,
        ["PAGE /plan/{Id:guid}/edit"] = Access.PageOwned,
        ["PAGE /plan/{Id:guid}/delete"] = Access.PageOwned,
        ["PAGE /settings/calendar"] = Access.Page,
        ["PAGE /settings/export"] = Access.Page,
        ["PAGE /clients/{ClientId:guid}/home-care"] = Access.ClientPage,
        ["POST /api/v1/imports/"] = Access.Api,
        ["GET /api/v1/imports/{id:guid}"] = Access.ApiOwned,
        ["PAGE /import"] = Access.Page,
        ["PAGE /data"] = Access.Page,
        ["PAGE /import/{Id:guid}"] = Access.PageOwned,
    };

    /// <summary>
    /// The Grant scope each client endpoint needs (<see cref="Core.Sharing.GrantScope.None"/>: any live
    /// Grant, as for the pre-visit brief and its red flags). Every ClientApi/ClientPage row has one.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Core.Sharing.GrantScope> ClientScopes = new Dictionary<string, Core.Sharing.GrantScope>
    {
        ["GET /api/v1/clients/{clientId:guid}/brief"] = Core.Sharing.GrantScope.None,
        ["GET /api/v1/clients/{clientId:guid}/journal"] = Core.Sharing.GrantScope.Journal,
        ["GET /api/v1/clients/{clientId:guid}/treatments"] = Core.Sharing.GrantScope.Treatments,
        ["GET /api/v1/clients/{clientId:guid}/questionnaire-responses"] = Core.Sharing.GrantScope.Questionnaires,
        ["PAGE /clients/{ClientId:guid}"] = Core.Sharing.GrantScope.None,
        // Clinical records need any live grant: a Therapist writes them whatever the client shares.
        ["POST /api/v1/clients/{clientId:guid}/intakes"] = Core.Sharing.GrantScope.None,
        ["GET /api/v1/clients/{clientId:guid}/intakes"] = Core.Sharing.GrantScope.None,
        ["POST /api/v1/clients/{clientId:guid}/notes"] = Core.Sharing.GrantScope.None,
        ["PAGE /clients/{ClientId:guid}/intake"] = Core.Sharing.GrantScope.None,
        ["PAGE /clients/{ClientId:guid}/notes/new"] = Core.Sharing.GrantScope.None,
        ["GET /api/v1/clients/{clientId:guid}/plan/items"] = Core.Sharing.GrantScope.Plan,
        ["POST /api/v1/clients/{clientId:guid}/plan/items"] = Core.Sharing.GrantScope.Plan,
        ["DELETE /api/v1/clients/{clientId:guid}/plan/items/{id:guid}"] = Core.Sharing.GrantScope.Plan,
        ["GET /api/v1/clients/{clientId:guid}/plan/adherence"] = Core.Sharing.GrantScope.Plan,
        ["PAGE /clients/{ClientId:guid}/home-care"] = Core.Sharing.GrantScope.Plan,
    };

    /// <summary>The app's own endpoints as matrix keys: "METHOD pattern" for endpoints, "PAGE pattern" for pages.</summary>
    public static IReadOnlyList<string> EndpointsOf(TestApp app)
    {
        _ = app.Server;
        var keys = new List<string>();
        foreach (var e in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = e.RoutePattern.RawText ?? "";
            var isStaticFile = pattern.Contains("{**path:file}", StringComparison.Ordinal)
                || e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))
                || System.Text.RegularExpressions.Regex.IsMatch(pattern, @"\.[a-z0-9]+(\.gz|\.br)?$") && !pattern.StartsWith("/openapi", StringComparison.Ordinal)
                    && !pattern.StartsWith("/api/", StringComparison.Ordinal) && !pattern.StartsWith("/feeds/", StringComparison.Ordinal);
            if (isStaticFile)
            {
                continue;
            }
            var isPage = e.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata");
            if (isPage)
            {
                keys.Add("PAGE " + pattern);
                continue;
            }
            foreach (var method in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
            {
                keys.Add($"{method} {pattern}");
            }
        }
        return keys;
    }

    [Fact]
    public async Task EveryEndpoint_HasARowInTheMatrix()
    {
        await using var app = TestApp.Create();

        var endpoints = EndpointsOf(app);

        var missing = endpoints.Except(Matrix.Keys).ToList();
        var stale = Matrix.Keys.Except(endpoints).ToList();
        Assert.True(missing.Count == 0, "Endpoints with no row in the access matrix (add one and its tests): " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows for endpoints the app no longer has: " + string.Join(", ", stale));
    }

    internal static string Fill(string pattern, Guid id) => pattern
        .Replace("{id:guid}", id.ToString(), StringComparison.Ordinal)
        .Replace("{Id:guid}", id.ToString(), StringComparison.Ordinal)
        .Replace("{Secret}", "setup_not-a-real-secret", StringComparison.Ordinal)
        .Replace("{documentName}", "v1", StringComparison.Ordinal)
        .Replace("{token}", "not-a-real-feed-token", StringComparison.Ordinal)
        .Replace("{hours:int}", "24", StringComparison.Ordinal)
        .Replace("{clientId:guid}", id.ToString(), StringComparison.Ordinal)
        .Replace("{ClientId:guid}", id.ToString(), StringComparison.Ordinal)
        .Replace("{instrumentId}", "nrs", StringComparison.Ordinal)
        .Replace("{InstrumentId}", "nrs", StringComparison.Ordinal)
        .Replace("{knowledgeId}", "heat", StringComparison.Ordinal)
        .Replace("{KnowledgeId}", "heat", StringComparison.Ordinal);

    [Fact]
    public async Task Anonymous_GetsSignInOr401_OnEveryProtectedEndpoint()
    {
        await using var app = TestApp.Create();
        using var client = app.Browser();
        var failures = new List<string>();

        foreach (var (key, access) in Matrix)
        {
            var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
            var url = Fill(key[(method.Length + 1)..], Guid.NewGuid());
            var request = new HttpRequestMessage(method == "PAGE" ? HttpMethod.Get : new HttpMethod(method), url);
            if (method is "POST" or "PUT")
            {
                request.Content = Json.Raw("{}");
            }
            var response = await client.Http.SendAsync(request);
            var location = response.Headers.Location?.OriginalString ?? "";
            var ok = access switch
            {
                Access.Api or Access.ApiOwned or Access.TherapistApi or Access.ClientApi => response.StatusCode == HttpStatusCode.Unauthorized
                    && response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                Access.Page or Access.PageOwned or Access.AdminPage or Access.AccountPage or Access.TherapistPage or Access.ClientPage => response.StatusCode == HttpStatusCode.Redirect
                    && location.Contains("/account/signin?returnUrl=", StringComparison.OrdinalIgnoreCase),
                Access.FormOnly => response.StatusCode == HttpStatusCode.BadRequest,
                Access.Public => (int)response.StatusCode < 500,
                _ => false,
            };
            if (!ok)
            {
                failures.Add($"{key}: {(int)response.StatusCode} {location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task BadOrRevokedToken_Gets401()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        using var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "srpat_forged");
        await app.InScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<SciaticaRelief.Data.Accounts.AccountService>();
            foreach (var token in await accounts.ListTokensAsync(person.Id))
            {
                await accounts.RevokeTokenAsync(person.Id, token.Id);
            }
            return 0;
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task LockedOutAccount_ItsTokensAreRefusedToo()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);

        await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SciaticaRelief.Data.Accounts.ReliefUser>>();
            var user = await users.FindByIdAsync(person.Id.ToString());
            return await users.SetLockoutEndDateAsync(user!, TimeProvider.System.GetUtcNow().AddMinutes(15));
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task AnotherPerson_Gets404_OnEveryOwnedEndpoint_AndTheRecordSurvives()
    {
        await using var app = TestApp.Create();
        var owner = await app.CreatePersonAsync();
        var other = await app.CreatePersonAsync();
        using var ownerApi = await app.ApiClientAsync(owner);
        using var otherApi = await app.ApiClientAsync(other);
        using var otherBrowser = await app.SignedInBrowserAsync(other);
        var created = await ownerApi.PostJsonAsync("/api/v1/journal", Json.CheckIn(notes: "owner's private note", redFlags: new() { ["night-pain"] = "yes" }));
        var body = await created.ReadAsync();
        var checkInId = Guid.Parse((string)body["id"]!);
        var assessmentId = Guid.Parse((string)body["triage"]!["assessmentId"]!);
        var answered = await (await ownerApi.PostJsonAsync("/api/v1/questionnaires/nrs/responses", new { answers = new[] { new { linkId = "pain", integer = 7 } } })).ReadAsync();
        var responseId = Guid.Parse((string)answered["id"]!);
        var scheduled = await (await ownerApi.PostJsonAsync("/api/v1/questionnaire-schedules", new { instrumentId = "nrs", frequency = "weekly" })).ReadAsync();
        var scheduleId = Guid.Parse((string)scheduled["id"]!);
        // A massage session 30 hours ago with its 24-hour follow-up, and ear seeds on now.
        var session = await (await ownerApi.PostJsonAsync("/api/v1/treatments", new
        {
            modalityId = "deep-tissue-massage", startedAt = TestApp.Start.AddHours(-30), painBefore = 7, painAfter = 4, notes = "owner's private note",
        })).ReadAsync();
        var treatmentId = Guid.Parse((string)session["id"]!);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await ownerApi.PostJsonAsync($"/api/v1/treatments/{treatmentId}/follow-ups", new { hoursAfter = 24, pain = 3 })).StatusCode);
        var seeds = await (await ownerApi.PostJsonAsync("/api/v1/ear-seeds", new { ear = "left", points = new[] { "shen-men" }, notes = "owner's private note" })).ReadAsync();
        var applicationId = Guid.Parse((string)seeds["id"]!);
        var (inviteId, _) = await Sharing.SharingSeed.InviteAsync(ownerApi, Core.Sharing.GrantScope.Journal);
        var grantId = await Sharing.SharingSeed.GrantAsync(app, owner, await app.CreateTherapistAsync(), Core.Sharing.GrantScope.Journal);
        // An intake a Therapist wrote for the owner, through a grant made straight in the database.
        var therapist = await app.CreateTherapistAsync();
        await Clinical.ClinicalTestData.GrantAsync(app, owner.Id, therapist.Id);
        using var therapistApi = await app.ApiClientAsync(therapist);
        var intake = await (await therapistApi.PostJsonAsync($"/api/v1/clients/{owner.Id}/intakes", Clinical.ClinicalTestData.Intake(history: "owner's private note"))).ReadAsync();
        var intakeId = Guid.Parse((string)intake["id"]!);
        var planned = await (await ownerApi.PostJsonAsync("/api/v1/plan/items", new
        {
            kind = "daily-check-in", title = "owner's private note", startDate = "2026-11-20", timeOfDay = "09:00", durationMinutes = 5, recurrence = "daily",
        })).ReadAsync();
        var planItemId = Guid.Parse((string)planned["id"]!);
        var imported = await ownerApi.PostAsync("/api/v1/imports?format=generic-csv&map.date=Date&map.pain=Pain&map.notes=Notes",
            Imports.ImportTestData.Upload(System.Text.Encoding.UTF8.GetBytes("Date,Pain,Notes\n2026-11-01,4,owner's private note\n"), "diary.csv"));
        var batchId = Guid.Parse((string)(await imported.ReadAsync())["batchId"]!);
        var failures = new List<string>();

        foreach (var (key, access) in Matrix.Where(kv => kv.Value is Access.ApiOwned or Access.PageOwned))
        {
            var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
            var id = key.Contains("/triage/result/", StringComparison.Ordinal) ? assessmentId
                : key.Contains("questionnaire-responses", StringComparison.Ordinal) || key.Contains("/questionnaires/responses/", StringComparison.Ordinal) ? responseId
                : key.Contains("questionnaire-schedules", StringComparison.Ordinal) ? scheduleId
                : key.Contains("/treatments/", StringComparison.Ordinal) ? treatmentId
                : key.Contains("/ear-seeds/", StringComparison.Ordinal) ? applicationId
                : key.Contains("/sharing/invites/", StringComparison.Ordinal) ? inviteId
                : key.Contains("/sharing/grants/", StringComparison.Ordinal) ? grantId
                : key.Contains("/intakes/", StringComparison.Ordinal) ? intakeId
                : key.Contains("/plan/", StringComparison.Ordinal) ? planItemId
                : key.Contains("/import", StringComparison.Ordinal) ? batchId
                : checkInId;
            var url = Fill(key[(method.Length + 1)..], id);
            HttpResponseMessage response;
            if (access == Access.ApiOwned)
            {
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method == "PUT")
                {
                    request.Content = key.Contains("/treatments/", StringComparison.Ordinal)
                        ? Json.Body(new { modalityId = "swedish-massage", notes = "overwritten" })
                        : key.Contains("/plan/", StringComparison.Ordinal)
                        ? Json.Body(new { kind = "daily-check-in", title = "overwritten", startDate = "2026-11-20", timeOfDay = "10:00", durationMinutes = 5, recurrence = "daily" })
                        : Json.Body(Json.CheckIn(painNow: 0, notes: "overwritten"));
                    request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                }
                else if (method == "POST" && key.EndsWith("/follow-ups", StringComparison.Ordinal))
                {
                    request.Content = Json.Body(new { hoursAfter = 48, pain = 0 });
                }
                else if (method == "POST" && key.EndsWith("/done", StringComparison.Ordinal))
                {
                    request.Content = Json.Body(new { date = "2026-11-25" });
                }
                response = await otherApi.SendAsync(request);
            }
            else
            {
                response = await otherBrowser.GetAsync(url);
            }
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound || text.Contains("owner's private note", StringComparison.Ordinal))
            {
                failures.Add($"{key}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var still = await (await ownerApi.GetAsync($"/api/v1/journal/{checkInId}")).ReadAsync();
        Assert.Equal("owner's private note", (string)still["notes"]!);
        var otherList = await (await otherApi.GetAsync("/api/v1/journal")).ReadAsync();
        Assert.Equal(0, (int)otherList["total"]!);
        var otherStanding = await (await otherApi.GetAsync("/api/v1/triage/standing")).ReadAsync();
        Assert.Null(otherStanding["activeAlarm"]);
        var stillTreated = await (await ownerApi.GetAsync($"/api/v1/treatments/{treatmentId}")).ReadAsync();
        Assert.Equal("owner's private note", (string)stillTreated["notes"]!);
        Assert.Equal(24, (int)Assert.Single(stillTreated["followUps"]!.AsArray())!["hoursAfter"]!);
        Assert.Null((await (await ownerApi.GetAsync($"/api/v1/ear-seeds/{applicationId}")).ReadAsync())["removedAt"]);
        Assert.Equal(0, (int)(await (await otherApi.GetAsync("/api/v1/treatments")).ReadAsync())["total"]!);
        Assert.Equal(0, (int)(await (await otherApi.GetAsync("/api/v1/ear-seeds")).ReadAsync())["total"]!);
        Assert.Equal(7m, (decimal)(await (await ownerApi.GetAsync($"/api/v1/questionnaire-responses/{responseId}")).ReadAsync())["score"]!);
        Assert.Empty((await (await otherApi.GetAsync("/api/v1/questionnaires/nrs/responses")).ReadAsync())["items"]!.AsArray());
        Assert.Empty((await (await otherApi.GetAsync("/api/v1/questionnaire-schedules")).ReadAsync()).AsArray());
        Assert.True((bool)(await (await ownerApi.GetAsync("/api/v1/questionnaire-schedules")).ReadAsync())[0]!["active"]!);
        var invites = (await (await ownerApi.GetAsync("/api/v1/sharing/invites")).ReadAsync()).AsArray();
        Assert.Equal("pending", (string)invites.Single(i => Guid.Parse((string)i!["id"]!) == inviteId)!["status"]!);
        Assert.True((bool)(await (await ownerApi.GetAsync("/api/v1/sharing/grants")).ReadAsync())[0]!["live"]!);
        Assert.Equal("pending", (string)(await (await ownerApi.GetAsync($"/api/v1/intakes/{intakeId}")).ReadAsync())["status"]!);
        Assert.Empty((await (await otherApi.GetAsync("/api/v1/intakes")).ReadAsync()).AsArray());
        var stillPlanned = await (await ownerApi.GetAsync($"/api/v1/plan/items/{planItemId}")).ReadAsync();
        Assert.Equal("owner's private note", (string)stillPlanned["title"]!);
        Assert.Equal(1, (int)stillPlanned["version"]!);
        Assert.Empty((await (await otherApi.GetAsync("/api/v1/plan/items")).ReadAsync()).AsArray());
        Assert.Equal(0, (int)(await (await ownerApi.GetAsync("/api/v1/plan/adherence?days=1")).ReadAsync())["items"]![0]!["done"]!);
    }

    [Fact]
    public async Task AdminPage_RefusesAPersonWhoIsNotAnAdministrator()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var response = await browser.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Therapist_IsRefused_OnEveryPersonPageAndApi()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync();
        using var browser = await app.SignedInBrowserAsync(therapist);
        using var api = await app.ApiClientAsync(therapist);
        var failures = new List<string>();

        foreach (var (key, access) in Matrix.Where(kv => kv.Value is Access.Api or Access.ApiOwned or Access.Page or Access.PageOwned or Access.AdminPage))
        {
            var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
            var url = Fill(key[(method.Length + 1)..], Guid.NewGuid());
            bool ok;
            if (method == "PAGE")
            {
                var response = await browser.GetAsync(url);
                ok = response.StatusCode == HttpStatusCode.Redirect && TestApp.PathOf(response).StartsWith("/account/denied", StringComparison.Ordinal);
                failures.AddRange(ok ? [] : [$"{key}: {(int)response.StatusCode} {response.Headers.Location}"]);
            }
            else
            {
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT")
                {
                    request.Content = Json.Raw("{}");
                }
                var response = await api.SendAsync(request);
                ok = response.StatusCode == HttpStatusCode.Forbidden;
                failures.AddRange(ok ? [] : [$"{key}: {(int)response.StatusCode}"]);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task TherapistEndpoints_RefuseAPerson_AndATherapistWithoutTwoFactor()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(administrator: true);
        var notEnrolled = await app.CreateTherapistAsync(enrolled: false);
        using var personBrowser = await app.SignedInBrowserAsync(person);
        using var personApi = await app.ApiClientAsync(person);
        using var passwordOnly = await app.SignedInBrowserAsync(notEnrolled);
        var failures = new List<string>();

        foreach (var (key, access) in Matrix.Where(kv => kv.Value is Access.TherapistPage or Access.TherapistApi or Access.ClientPage or Access.ClientApi))
        {
            var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
            var url = Fill(key[(method.Length + 1)..], Guid.NewGuid());
            if (method == "PAGE")
            {
                var denied = await personBrowser.GetAsync(url);
                var enrol = await passwordOnly.GetAsync(url);
                if (denied.StatusCode != HttpStatusCode.Redirect || !TestApp.PathOf(denied).StartsWith("/account/denied", StringComparison.Ordinal))
                {
                    failures.Add($"{key} (Person): {(int)denied.StatusCode} {denied.Headers.Location}");
                }
                if (enrol.StatusCode != HttpStatusCode.Redirect || TestApp.PathOf(enrol) != "/account/two-factor")
                {
                    failures.Add($"{key} (Therapist without two-factor): {(int)enrol.StatusCode} {enrol.Headers.Location}");
                }
            }
            else
            {
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT")
                {
                    request.Content = Json.Raw("{}");
                }
                var response = await personApi.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{key} (Person): {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryPageForm_WithoutAntiforgeryToken_IsRefused()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(administrator: true);
        using var browser = await app.SignedInBrowserAsync(person);
        // Therapist pages refuse a Person before any form is read: post to them as a Therapist.
        using var therapist = await app.SignedInBrowserAsync(await app.CreateTherapistAsync());
        var failures = new List<string>();

        foreach (var key in Matrix.Keys.Where(k => k.StartsWith("PAGE ", StringComparison.Ordinal) || k.StartsWith("POST /account", StringComparison.Ordinal)))
        {
            var url = Fill(key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..], Guid.NewGuid());
            var poster = Matrix[key] is Access.TherapistPage or Access.ClientPage ? therapist : browser;
            var response = await poster.Http.PostAsync(url, new FormUrlEncodedContent([new("_handler", "checkin"), new("painNow", "5")]));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{key}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var list = await browser.GetPageAsync("/journal");
        Assert.Contains("No check-ins match", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CookieJsonWrite_NeedsTheAntiforgeryHeader_TokenWritesDoNot()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);

        var without = await browser.Http.PostAsync("/api/v1/journal", Json.Body(Json.CheckIn()));
        var page = await browser.GetPageAsync("/checkin");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/journal") { Content = Json.Body(Json.CheckIn()) };
        request.Headers.Add("X-CSRF-TOKEN", BrowserClient.TokenOf(page));
        var with = await browser.Http.SendAsync(request);
        using var api = await app.ApiClientAsync(person);
        var bearer = await api.PostJsonAsync("/api/v1/journal", Json.CheckIn());

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bearer.StatusCode);
    }
}

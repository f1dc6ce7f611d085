using System.Net;
using SciaticaRelief.Cli;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Web.Tests.Cli;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Triage;

/// <summary>
/// No silent "no": a check without every answer is stored as not screened and lifts nothing; the
/// screen is required before anything is suggested; what-ifs are never stored; bad answers are refused
/// whole; a possible clot is a warning sign from every place it can be told.
/// </summary>
public sealed class TriageScreeningTests
{
    [Fact]
    public async Task ApiCheckIn_WithoutAnswers_IsStoredNotScreened_SaysSo_AndDoesNotLiftAnAlarm()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(redFlags: new() { ["both-legs"] = "yes" }));
        await api.PostJsonAsync("/api/v1/triage/clinician-reviews", new { note = "seen" });
        app.Clock.Advance(TimeSpan.FromHours(1));

        var bare = Json.CheckIn();
        bare["redFlags"] = null;
        var response = await api.PostJsonAsync("/api/v1/journal", bare);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var triage = (await response.ReadAsync())["triage"]!;
        Assert.False((bool)triage["screened"]!);
        Assert.Contains("Not screened", (string)triage["notice"]!, StringComparison.Ordinal);
        var standing = await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync();
        Assert.Equal("emergency", (string)standing["activeAlarm"]!);
        Assert.True((bool)standing["needsCleanCheckIn"]!);

        // The same check-in with every answer does lift it.
        app.Clock.Advance(TimeSpan.FromHours(1));
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn());
        Assert.Null((await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync())["activeAlarm"]);
    }

    [Fact]
    public async Task NeverScreened_EverySurfaceThatSuggestsCare_AnswersWithTheScreen()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(screened: false);
        using var api = await app.ApiClientAsync(person);
        using var browser = await app.SignedInBrowserAsync(person);

        foreach (var path in new[] { "/api/v1/recommendations", "/api/v1/routines/acupressure", "/api/v1/machine-chooser" })
        {
            var body = await (await api.GetAsync(path)).ReadAsync();
            Assert.True((bool)body["screenRequired"]!, path);
            Assert.True((bool)body["seekCareOnly"]!, path);
            Assert.Equal("/api/v1/triage", (string)body["screen"]!);
        }
        foreach (var path in new[] { "/recommendations", "/home-care/acupressure", "/home-care/machines", "/home-care/ear-seeds" })
        {
            var page = await browser.GetPageAsync(path);
            Assert.Contains("data-screen-required", page, StringComparison.Ordinal);
        }
        Assert.Contains("data-screen-required", await browser.GetPageAsync("/"), StringComparison.Ordinal);

        // Answering it once, by "None of these", opens them.
        await api.PostJsonAsync("/api/v1/triage", new { noneOfThese = true });
        var after = await (await api.GetAsync("/api/v1/recommendations")).ReadAsync();
        Assert.Null(after["screenRequired"]);
        Assert.DoesNotContain("data-screen-required", await browser.GetPageAsync("/recommendations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SymptomCheck_WithConditionsOrAge_IsRefused_TheWhatIfIsNeverStored()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var before = await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync();

        var refused = await api.PostJsonAsync("/api/v1/triage", new { answers = new Dictionary<string, string> { ["minor-fall"] = "yes" }, conditions = new[] { "osteoporosis" }, age = 70 });
        var whatIf = await api.PostJsonAsync("/api/v1/triage/what-if", new { answers = new Dictionary<string, string> { ["minor-fall"] = "yes" }, conditions = new[] { "osteoporosis" }, age = 70 });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ReadAsync())["errors"]!;
        Assert.NotNull(errors["conditions"]);
        Assert.NotNull(errors["age"]);
        var body = await whatIf.ReadAsync();
        Assert.Equal("urgent", (string)body["level"]!);
        Assert.False((bool)body["stored"]!);
        Assert.Null(body["assessmentId"]);
        Assert.Contains("not stored", (string)body["notice"]!, StringComparison.Ordinal);
        var after = await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync();
        Assert.Equal((string)before["latest"]!["assessmentId"]!, (string)after["latest"]!["assessmentId"]!);
    }

    [Theory]
    [InlineData("/api/v1/journal", "{\"painNow\": 5, \"noneOfThese\": true, \"redFlags\": {\"saddle-numbness\": \"yes\"}}", "noneOfThese", "None of these beside a yes")]
    [InlineData("/api/v1/journal", "{\"painNow\": 5, \"redFlags\": {\"leg-weakness\": \"no\", \"weakness-worsening-fast\": \"yes\"}}", "redFlags.weakness-worsening-fast", "weakness getting worse, but no weakness")]
    [InlineData("/api/v1/triage", "{\"noneOfThese\": true, \"answers\": {\"night-pain\": \"unsure\"}}", "noneOfThese", "not sure counts as yes")]
    [InlineData("/api/v1/triage", "{\"answers\": {\"swollen-leg\": \"no\", \"clot-breathless\": \"yes\"}}", "redFlags.clot-breathless", "breathless with a swollen leg, but no swollen leg")]
    public async Task ContradictoryAnswers_Are400NamingTheField_AndNothingIsStored(string path, string json, string field, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var before = (string)(await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync())["latest"]!["assessmentId"]!;

        var response = await api.PostAsync(path, Json.Raw(json));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.NotNull((await response.ReadAsync())["errors"]![field]);
        var journal = await (await api.GetAsync("/api/v1/journal")).ReadAsync();
        Assert.Equal(0, (int)journal["total"]!);
        var after = (string)(await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync())["latest"]!["assessmentId"]!;
        Assert.Equal(before, after); // no assessment stored either
    }

    [Fact]
    public async Task WebCheckIn_NoneOfTheseWithAYes_IsAFormMessage_AndAloneSavesEveryNo()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);
        using var api = await app.ApiClientAsync(person);

        var refused = await browser.SubmitFormAsync("/checkin", "checkin", new() { ["painNow"] = "4", ["none-of-these"] = "on", ["rf-night-pain"] = "unsure" });
        Assert.Equal(0, (int)(await (await api.GetAsync("/api/v1/journal")).ReadAsync())["total"]!);
        var saved = await browser.SubmitFormAsync("/checkin", "checkin", new() { ["painNow"] = "4", ["none-of-these"] = "on" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("cannot go with a yes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var triage = (await (await api.GetAsync("/api/v1/journal")).ReadAsync())["items"]![0]!["triage"]!;
        Assert.True((bool)triage["screened"]!);
        Assert.Equal("self-care", (string)triage["level"]!);
        Assert.Equal(RedFlagQuestions.ForCheckIn.Count(q => q.DependsOn is null), triage["answers"]!.AsObject().Count);
        Assert.All(triage["answers"]!.AsObject(), kv => Assert.Equal("no", (string)kv.Value!));
    }

    [Fact]
    public async Task WebCheckIn_NothingAnswered_AsksEachQuestionOrNoneOfThese()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var response = await browser.SubmitFormAsync("/checkin", "checkin", new() { ["painNow"] = "4" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("or tick &quot;None of these&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"none-of-these\" name=\"none-of-these\" value=\"on\" checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInForm_RoutineQuestions_AskedAfter28DaysWithoutThem()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var first = await app.SignedInBrowserAsync(person);

        // Onboarding (a day ago) answered them: not asked.
        Assert.DoesNotContain("rf-first-episode", await first.GetPageAsync("/checkin"), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(28));
        using var browser = await app.SignedInBrowserAsync(person); // a month on: signed in again
        var page = await browser.GetPageAsync("/checkin");
        Assert.Contains("data-routine-due", page, StringComparison.Ordinal);
        Assert.Contains("rf-not-improving", page, StringComparison.Ordinal);
        var fields = new Dictionary<string, string> { ["painNow"] = "4", ["none-of-these"] = "on", ["rf-not-improving"] = "yes" };
        var refused = await browser.SubmitFormAsync("/checkin", "checkin", fields);
        Assert.Contains("cannot go with a yes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        fields = RedFlagQuestions.ForCheckIn.Where(q => q.DependsOn is null).ToDictionary(q => "rf-" + q.Id, _ => "no");
        fields["painNow"] = "4";
        fields["rf-first-episode"] = "no";
        fields["rf-not-improving"] = "yes";
        fields["rf-over-six-weeks"] = "no";
        var saved = await browser.SubmitFormAsync("/checkin", "checkin", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Book a routine appointment", await browser.GetPageAsync(saved.Headers.Location!.PathAndQuery), StringComparison.Ordinal);
        Assert.DoesNotContain("rf-first-episode", await browser.GetPageAsync("/checkin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuspectedClot_TickedInTheProfile_IsUrgentTodayAtOnce_AndLiftsOnlyWhenClearedAndReviewed()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var profile = await api.GetAsync("/api/v1/profile");
        var etag = profile.Headers.ETag!.Tag;

        var ticked = await api.PutJsonAsync("/api/v1/profile", new { regionCode = "GB", timeZoneId = "Europe/London", birthYear = 1980, conditions = new[] { "suspected-clot" } }, etag);
        Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);
        var standing = await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync();
        Assert.Equal("urgent", (string)standing["activeAlarm"]!);
        Assert.True((bool)standing["latest"]!["seeDoctorToday"]!);
        Assert.Contains("today", (string)standing["advice"]!["headline"]!, StringComparison.Ordinal);
        Assert.True((bool)(await (await api.GetAsync("/api/v1/recommendations")).ReadAsync())["seekCareOnly"]!);

        // A clinician ruled it out, but the box is still ticked: every check still fires it.
        app.Clock.Advance(TimeSpan.FromHours(3));
        await api.PostJsonAsync("/api/v1/triage/clinician-reviews", new { note = "scan: no clot" });
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn());
        Assert.Equal("urgent", (string)(await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync())["activeAlarm"]!);

        // Box cleared, a review after the last alarm and a clean check-in: lifted.
        etag = (await api.GetAsync("/api/v1/profile")).Headers.ETag!.Tag;
        await api.PutJsonAsync("/api/v1/profile", new { regionCode = "GB", timeZoneId = "Europe/London", birthYear = 1980, conditions = Array.Empty<string>() }, etag);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await api.PostJsonAsync("/api/v1/triage/clinician-reviews", new { note = "no clot" });
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn());
        Assert.Null((await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync())["activeAlarm"]);
    }

    [Fact]
    public async Task SuspectedClot_LoggedAfterAMassage_IsUrgentToday()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var saved = await api.PostJsonAsync("/api/v1/treatments", new
        {
            modalityId = "swedish-massage", durationMinutes = 45, painBefore = 6, painAfter = 4,
            signs = new[] { "calf-swelling" },
        });

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var standing = await (await api.GetAsync("/api/v1/triage/standing")).ReadAsync();
        Assert.Equal("urgent", (string)standing["activeAlarm"]!);
        Assert.True((bool)standing["latest"]!["seeDoctorToday"]!);
        Assert.Contains("U-CLOT", standing["latest"]!["firedRules"]!.AsArray().Select(r => (string)r!["id"]!));
    }

    [Theory]
    [InlineData("NZ", "111", "emergency department")]
    [InlineData("AU", "000", "emergency department")]
    [InlineData("ES", "112", "urgencias")]
    [InlineData("US", "911", "emergency room (ER)")]
    [InlineData("GB", "999", "A&E")]
    public async Task CliLog_Emergency_PrintsTheNumberAndPlaceOfThePersonsCountry(string region, string number, string place)
    {
        await using var cli = await CliServer.StartAsync();
        using (var api = await cli.App.ApiClientAsync(cli.Person))
        {
            api.BaseAddress = new Uri(cli.BaseUrl); // the factory's client points at its in-memory address, not Kestrel's
            var etag = (await api.GetAsync("/api/v1/profile")).Headers.ETag!.Tag;
            var zone = region switch { "NZ" => "Pacific/Auckland", "AU" => "Australia/Sydney", "ES" => "Europe/Madrid", "US" => "America/New_York", _ => "Europe/London" };
            Assert.Equal(HttpStatusCode.OK, (await api.PutJsonAsync("/api/v1/profile", new { regionCode = region, timeZoneId = zone, birthYear = 1980 }, etag)).StatusCode);
        }
        await cli.LoginAsync();

        var run = await cli.RunAsync("log", "6", "--red-flag", "saddle-numbness=yes", "--red-flag", "bladder-control=no", "--red-flag", "bowel-control=no",
            "--red-flag", "both-legs=no", "--red-flag", "sexual-dysfunction=no", "--red-flag", "major-trauma=no", "--red-flag", "fever-unwell=no",
            "--red-flag", "leg-weakness=no", "--red-flag", "infection-risk=no", "--red-flag", "new-or-changed-pain=no", "--red-flag", "minor-fall=no",
            "--red-flag", "sudden-severe-pain=no", "--red-flag", "weight-loss=no", "--red-flag", "night-pain=no", "--red-flag", "swollen-leg=no");

        Assert.Equal(ReliefCli.Emergency, run.ExitCode);
        var text = string.Join(' ', run.Stdout.Split((char[])['\n', '│', '║', '═', '─'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains(place, text, StringComparison.Ordinal);
        foreach (var other in new[] { "999", "911", "000", "111" }.Where(n => n != number))
        {
            Assert.DoesNotContain(other, text, StringComparison.Ordinal);
        }
    }
}

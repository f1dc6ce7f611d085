using System.Net;
using System.Text.Json.Nodes;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Plans;

/// <summary>The Person's plan through /api/v1/plan. The clock starts Wed 25 Nov 2026 12:00 UTC; the zone is Europe/London (UTC+0 then).</summary>
public sealed class PlanApiTests
{
    /// <summary>A weekly massage appointment on Thursdays at 18:00 from 26 Nov 2026.</summary>
    internal static object WeeklyMassage(string time = "18:00", string? title = "Massage with Sam", string[]? days = null, string start = "2026-11-26") => new
    {
        kind = "massage-appointment",
        title,
        place = "Clinic, 1 High St",
        therapistName = "Sam",
        startDate = start,
        timeOfDay = time,
        durationMinutes = 60,
        recurrence = "weekly",
        days = days ?? ["thursday"],
        reminderMinutesBefore = 60,
    };

    internal static object DailyHeat(string time = "08:00", string start = "2026-11-20") => new
    {
        kind = "home-routine",
        modalityId = "heat",
        startDate = start,
        timeOfDay = time,
        durationMinutes = 20,
        recurrence = "daily",
    };

    internal static object DailyCheckIn(string time = "21:00") => new
    {
        kind = "daily-check-in",
        startDate = "2026-11-20",
        timeOfDay = time,
        durationMinutes = 5,
        recurrence = "daily",
    };

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Crud_WeeklyAppointment_CreatesReadsUpdatesWithIfMatchAndDeletes(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var created = await api.PostJsonAsync("/api/v1/plan/items", WeeklyMassage());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        var body = await created.ReadAsync();
        var id = (string)body["id"]!;
        Assert.Equal($"/api/v1/plan/items/{id}", created.Headers.Location!.ToString());
        Assert.Equal("massage-appointment", (string)body["kind"]!);
        Assert.Equal("18:00", (string)body["timeOfDay"]!);
        Assert.Equal("thursday", (string)body["days"]![0]!);
        Assert.Equal("Europe/London", (string)body["timeZone"]!);
        Assert.Equal(0, (int)body["sequence"]!);

        var read = await api.GetAsync(created.Headers.Location);
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        Assert.Equal("Clinic, 1 High St", (string)(await read.ReadAsync())["place"]!);

        Assert.Equal((HttpStatusCode)428, (await api.PutJsonAsync($"/api/v1/plan/items/{id}", WeeklyMassage("19:00"), ifMatch: null)).StatusCode);
        var updated = await api.PutJsonAsync($"/api/v1/plan/items/{id}", WeeklyMassage("19:00"), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await updated.ReadAsync();
        Assert.Equal("19:00", (string)after["timeOfDay"]!);
        Assert.Equal(2, (int)after["version"]!);
        Assert.Equal(1, (int)after["sequence"]!);
        var stale = await api.PutJsonAsync($"/api/v1/plan/items/{id}", WeeklyMassage("20:00"), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("19:00", (string)(await (await api.GetAsync($"/api/v1/plan/items/{id}")).ReadAsync())["timeOfDay"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/plan/items/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/plan/items/{id}")).StatusCode);
        Assert.Empty((await (await api.GetAsync("/api/v1/plan/items")).ReadAsync()).AsArray());
    }

    public static TheoryData<string, string, string> BadItems { get; } = new()
    {
        { """{"startDate":"2026-12-01","timeOfDay":"09:00","durationMinutes":10}""", "kind", "no kind" },
        { """{"kind":"home-routine","modalityId":"swedish-massage","startDate":"2026-12-01","timeOfDay":"09:00","durationMinutes":10}""", "modalityId", "a therapist's massage is not a home routine" },
        { """{"kind":"home-routine","modalityId":"over-the-counter-medicine","startDate":"2026-12-01","timeOfDay":"09:00","durationMinutes":10}""", "modalityId", "the app never schedules medicine" },
        { """{"kind":"daily-check-in","startDate":"2026-12-01","durationMinutes":10}""", "timeOfDay", "no time" },
        { """{"kind":"daily-check-in","startDate":"2026-12-01","timeOfDay":"09:00","durationMinutes":0}""", "durationMinutes", "zero minutes" },
        { """{"kind":"massage-appointment","startDate":"2026-12-01","timeOfDay":"09:00","durationMinutes":60,"recurrence":"weekly","days":["funday"]}""", "days", "not a day" },
        { """{"kind":"massage-appointment","startDate":"2026-12-01","timeOfDay":"09:00","durationMinutes":60,"recurrence":"daily","endDate":"2026-11-01"}""", "endDate", "ends before it starts" },
        { """{"kind":"massage-appointment","title":"two\nlines","startDate":"2026-12-01","timeOfDay":"09:00","durationMinutes":60}""", "title", "a title is one calendar line" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task Create_BadItem_Returns400NamingTheField_AndSavesNothing(string json, string field, string why)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.PostAsync("/api/v1/plan/items", Json.Raw(json));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        var problem = await response.ReadAsync();
        Assert.True(problem["errors"]![field] is not null, $"{why}: {problem.ToJsonString()}");
        Assert.Empty((await (await api.GetAsync("/api/v1/plan/items")).ReadAsync()).AsArray());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_OverlappingAppointment_IsRefusedNamingTheOther_AndNothingIsLost(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var first = await (await api.PostJsonAsync("/api/v1/plan/items", WeeklyMassage(title: "Massage with Sam"))).ReadAsync();

        // Thursdays at 18:30 clash with the weekly 18:00-19:00, first on 26 Nov.
        var clash = await api.PostJsonAsync("/api/v1/plan/items", WeeklyMassage("18:30", title: "Shiatsu with Kim"));
        var moved = await api.PutJsonAsync($"/api/v1/plan/items/{first["id"]}", WeeklyMassage("18:00", title: "Massage with Sam", days: ["thursday", "friday"]), "\"1\"");

        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        var message = (string)(await clash.ReadAsync())["errors"]!["timeOfDay"]![0]!;
        Assert.Contains("\"Massage with Sam\"", message, StringComparison.Ordinal);
        Assert.Contains("Thu 26 Nov 2026", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode); // an item never clashes with itself
        var items = (await (await api.GetAsync("/api/v1/plan/items")).ReadAsync()).AsArray();
        Assert.Equal("Massage with Sam", (string)Assert.Single(items)!["title"]!);
    }

    [Fact]
    public async Task Create_SameIdempotencyKeyTwice_OneItem_DifferentBodyIs422()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var one = await api.PostJsonAsync("/api/v1/plan/items", DailyCheckIn(), idempotencyKey: "k-1");
        var two = await api.PostJsonAsync("/api/v1/plan/items", DailyCheckIn(), idempotencyKey: "k-1");
        var other = await api.PostJsonAsync("/api/v1/plan/items", DailyCheckIn("22:00"), idempotencyKey: "k-1");

        Assert.Equal(HttpStatusCode.Created, one.StatusCode);
        Assert.Equal((string)(await one.ReadAsync())["id"]!, (string)(await two.ReadAsync())["id"]!);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Single((await (await api.GetAsync("/api/v1/plan/items")).ReadAsync()).AsArray());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Done_Twice_SecondAddsNothing_AndAdherenceCountsOnce(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        var id = (string)(await (await api.PostJsonAsync("/api/v1/plan/items", DailyHeat())).ReadAsync())["id"]!;

        var first = await api.PostJsonAsync($"/api/v1/plan/items/{id}/done", new { date = "2026-11-25" });
        var second = await api.PostJsonAsync($"/api/v1/plan/items/{id}/done", new { date = "2026-11-25" });
        var notPlanned = await api.PostJsonAsync($"/api/v1/plan/items/{id}/done", new { date = "2026-11-01" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var done = await first.ReadAsync();
        Assert.True((bool)done["created"]!);
        Assert.Equal("/treatments/new?modality=heat", (string)done["link"]!);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False((bool)(await second.ReadAsync())["created"]!);
        Assert.Equal(HttpStatusCode.BadRequest, notPlanned.StatusCode);
        var adherence = (await (await api.GetAsync("/api/v1/plan/adherence?days=7")).ReadAsync())["items"]![0]!;
        Assert.Equal(6, (int)adherence["planned"]!); // 20 Nov (start) to 25 Nov (today)
        Assert.Equal(1, (int)adherence["done"]!);
        var today = (await (await api.GetAsync("/api/v1/plan/occurrences?from=2026-11-25&to=2026-11-25")).ReadAsync())["items"]!.AsArray();
        Assert.True((bool)Assert.Single(today)!["done"]!);
    }

    [Fact]
    public async Task Occurrences_UnderAnEmergencyCheckIn_MassageAndHomeCarePaused_CheckInGoesOn_AndNextUpLeavesThemOut()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        await api.PostJsonAsync("/api/v1/plan/items", WeeklyMassage());
        await api.PostJsonAsync("/api/v1/plan/items", DailyHeat());
        await api.PostJsonAsync("/api/v1/plan/items", DailyCheckIn());
        var alarm = await (await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(redFlags: new() { ["saddle-numbness"] = "yes" }))).ReadAsync();

        var body = await (await api.GetAsync("/api/v1/plan/occurrences")).ReadAsync();
        var next = (await (await api.GetAsync("/api/v1/plan/next")).ReadAsync()).AsArray();

        Assert.True((bool)body["pause"]!["paused"]!);
        Assert.Equal("emergency", (string)body["pause"]!["level"]!);
        Assert.Equal($"/triage/result/{alarm["triage"]!["assessmentId"]}", (string)body["pause"]!["triageResult"]!);
        var items = body["items"]!.AsArray();
        Assert.All(items.Where(o => (string)o!["kind"]! != "daily-check-in"), o => Assert.True((bool)o!["paused"]!));
        Assert.All(items.Where(o => (string)o!["kind"]! == "daily-check-in"), o => Assert.False((bool)o!["paused"]!));
        Assert.Equal(3, next.Count);
        Assert.All(next, o => Assert.Equal("daily-check-in", (string)o!["kind"]!));
    }

    [Fact]
    public async Task Next_ReturnsTheSoonestThreeInOrder_WithTheirLinks()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        await api.PostJsonAsync("/api/v1/plan/items", WeeklyMassage());
        await api.PostJsonAsync("/api/v1/plan/items", DailyCheckIn());

        var next = (await (await api.GetAsync("/api/v1/plan/next")).ReadAsync()).AsArray();

        // Now is Wed 12:00: the check-in at 21:00 today, Thursday's check-in 21:00 after the 18:00 massage.
        Assert.Equal(["2026-11-25T21:00:00+00:00", "2026-11-26T18:00:00+00:00", "2026-11-26T21:00:00+00:00"], next.Select(o => (string)o!["start"]!));
        Assert.Equal("/checkin", (string)next[0]!["link"]!);
        Assert.Equal("/treatments/new", (string)next[1]!["link"]!);
    }

    [Fact]
    public async Task Occurrences_AcrossTheSpringChange_NoteTheShiftedTime()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        await api.PostJsonAsync("/api/v1/plan/items", new { kind = "daily-check-in", startDate = "2027-03-26", timeOfDay = "01:30", durationMinutes = 5, recurrence = "daily" });

        var items = (await (await api.GetAsync("/api/v1/plan/occurrences?from=2027-03-27&to=2027-03-29")).ReadAsync())["items"]!.AsArray();

        Assert.Equal(["2027-03-27T01:30:00+00:00", "2027-03-28T02:30:00+01:00", "2027-03-29T01:30:00+01:00"], items.Select(o => (string)o!["start"]!));
        Assert.True((bool)items[1]!["shiftedForward"]!);
        Assert.Contains("does not exist", (string)items[1]!["timeNote"]!, StringComparison.Ordinal);
        Assert.Null(items[0]!["timeNote"]);
    }

    [Theory]
    [InlineData("/api/v1/plan/occurrences?from=2026-12-01&to=2026-11-01", "to")]
    [InlineData("/api/v1/plan/occurrences?from=2026-01-01&to=2026-12-31", "to")]
    [InlineData("/api/v1/plan/adherence?days=0", "days")]
    [InlineData("/api/v1/plan/adherence?days=400", "days")]
    public async Task Windows_OutOfBounds_Return400(string url, string field)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadAsync())["errors"]![field]);
    }

    [Fact]
    public async Task CalendarDownload_IsTextCalendar_PrivateNoStore_AndAttachment()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        await api.PostJsonAsync("/api/v1/plan/items", WeeklyMassage());

        var response = await api.GetAsync("/api/v1/plan/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true });
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("SUMMARY:Massage with Sam with Sam", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_ListsThePlanEndpoints_WithKindsByTheirWireNames()
    {
        await using var app = TestApp.Create();
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/v1/plan/items", "/api/v1/plan/items/{id}/done", "/api/v1/plan/occurrences", "/api/v1/plan/feed-token",
                     "/api/v1/clients/{clientId}/plan/items", "/feeds/{token}.ics" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
        Assert.Contains("\"massage-appointment\"", document, StringComparison.Ordinal);
        Assert.Contains("\"every-n-weeks\"", document, StringComparison.Ordinal);
    }

    internal static JsonArray Items(JsonNode body) => body["items"]!.AsArray();
}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Web.Tests.Infrastructure;
using SciaticaRelief.Web.Tests.Treatments;

namespace SciaticaRelief.Web.Tests.PointCharts;

public sealed partial class PointChartTests
{
    private static string Num(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>Every point: a labelled, titled group with a circle at its coordinates, and a list item in words.</summary>
    private static void AssertDrawn(string page, AcuPoint p)
    {
        var group = Regex.Match(page, $"<g class=\"point[^\"]*\"[^>]*aria-label=\"([^\"]*)\"[^>]*data-point=\"{p.Id}\"[^>]*>\\s*<title>([^<]*)</title>\\s*<circle cx=\"([^\"]+)\" cy=\"([^\"]+)\"");
        Assert.True(group.Success, $"{p.Id} is not drawn");
        Assert.StartsWith(Html(p.Label) + ": ", group.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains(Html(p.Where), group.Groups[1].Value, StringComparison.Ordinal);
        Assert.Equal(group.Groups[1].Value, group.Groups[2].Value);
        Assert.Equal((Num(p.Position.X), Num(p.Position.Y)), (group.Groups[3].Value, group.Groups[4].Value));
        Assert.Matches($"<li data-point-item=\"{p.Id}\"[^>]*>\\s*<strong>{Regex.Escape(Html(p.Label))}</strong>", page);
    }

    [Fact]
    public async Task EarSeedGuide_DrawsEveryEarPointOfTheData_WithItsLabel_AndSaysWhichEarNext()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(conditions: HealthCondition.Pregnancy);
        using var api = await app.ApiClientAsync(person);
        var put = await api.PostJsonAsync("/api/v1/ear-seeds", new { ear = "left", points = new[] { "shen-men", "sciatic-nerve" } });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using var browser = await app.SignedInBrowserAsync(person);

        var page = await browser.GetPageAsync("/home-care/ear-seeds");

        var catalog = app.Services.GetRequiredService<PointCatalog>();
        Assert.Equal(6, catalog.Ear.Count());
        foreach (var p in catalog.Ear)
        {
            AssertDrawn(page, p);
        }
        Assert.Equal(catalog.Ear.Count(), Regex.Count(page, "<g class=\"point[^\"]*\" tabindex=\"0\""));
        Assert.Contains("GB/T 13734-2008", page, StringComparison.Ordinal);
        Assert.Contains("needs clinical review", page, StringComparison.Ordinal);
        Assert.Contains("data-suggested-ear=\"right\"", page, StringComparison.Ordinal); // the other ear from the seeds now on
        Assert.Contains("data-rule=\"EAR-PREGNANCY\"", page, StringComparison.Ordinal);
        Assert.Contains("Shen Men (TF4), Sciatic nerve (AH6)", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/ear-seeds\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/home-care/ear-seeds\"", await browser.GetPageAsync("/ear-seeds"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutinePage_DrawsEveryStepPointLitOnItsChart_AsAnOrderedList()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var page = await browser.GetPageAsync("/home-care/acupressure");

        var catalog = app.Services.GetRequiredService<PointCatalog>();
        foreach (var p in catalog.Body)
        {
            AssertDrawn(page, p);
            Assert.Contains($"data-point=\"{p.Id}\" aria-current=\"step\"", page, StringComparison.Ordinal); // lit in its own step
        }
        var order = Regex.Matches(page, "<li id=\"step-\\d+\" class=\"routine-step\" data-step=\"\\d+\" data-point=\"([a-z0-9-]+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(catalog.Body.Select(p => p.Id), order);
        Assert.Contains("<ol class=\"routine-steps\"", page, StringComparison.Ordinal);
        Assert.Contains("shooting pain, new numbness", page, StringComparison.Ordinal);
        Assert.Contains("js/acupressure-routine", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInBodyMap_OffersTheNerveRootOverlay_AsEducationalOnly_WithoutScript()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var page = await browser.GetPageAsync("/checkin");

        // A details element: it opens without JavaScript; closed by default.
        Assert.Matches("<details class=\"dermatome-overlay\" data-dermatome-overlay>\\s*<summary>", page);
        Assert.Contains("Educational only, not a diagnosis, needs clinical review.", page, StringComparison.Ordinal);
        foreach (var root in new[] { "L4", "L5", "S1" })
        {
            Assert.Contains($"data-dermatome-item=\"{root}\"", page, StringComparison.Ordinal);
            Assert.Contains($"data-dermatome=\"{root}\"", page, StringComparison.Ordinal);
        }
        Assert.Contains("Outer side of the lower leg, top of the foot and the big toe.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutineApi_ForAPregnantProfile_HidesBl60AndSaysWhy()
    {
        await using var app = TestApp.Create();
        using var pregnant = await app.ApiClientAsync(await app.CreatePersonAsync(conditions: HealthCondition.Pregnancy));
        using var other = await app.ApiClientAsync(await app.CreatePersonAsync(conditions: HealthCondition.AnticoagulantsOrBleedingDisorder));

        var routine = await (await pregnant.GetAsync(new Uri("/api/v1/routines/acupressure", UriKind.Relative))).ReadAsync();
        var thinners = await (await other.GetAsync(new Uri("/api/v1/routines/acupressure", UriKind.Relative))).ReadAsync();

        var ids = routine["steps"]!.AsArray().Select(s => (string)s!["point"]!["id"]!).ToList();
        Assert.Equal(["bl23", "bl25", "gb30", "bl36", "gb31", "bl40", "gb34", "bl57"], ids);
        Assert.Equal("bl60", (string)routine["hidden"]![0]!["id"]!);
        Assert.Contains("pregnancy", (string)routine["hidden"]![0]!["reason"]!, StringComparison.Ordinal);
        Assert.Equal("self-acupressure", (string)routine["modalityId"]!);
        Assert.Contains("bl60", thinners["steps"]!.AsArray().Select(s => (string)s!["point"]!["id"]!));
        Assert.All(thinners["steps"]!.AsArray(), s => Assert.Equal("light", (string)s!["pressure"]!));
    }

    [Fact]
    public async Task PointsApi_GivesEveryPointWithItsChartCoordinates_ThePregnancyListAndTheNerveRootAreas()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var body = await (await api.GetAsync(new Uri("/api/v1/points", UriKind.Relative))).ReadAsync();

        var catalog = app.Services.GetRequiredService<PointCatalog>();
        var points = body["points"]!.AsArray();
        Assert.Equal(catalog.All.Select(p => p.Id), points.Select(p => (string)p!["id"]!));
        var bl60 = points.Single(p => (string)p!["id"]! == "bl60")!;
        Assert.True((bool)bl60["hiddenInPregnancy"]!);
        Assert.Equal(("back", 66m, 456m), ((string)bl60["chart"]!, (decimal)bl60["x"]!, (decimal)bl60["y"]!));
        Assert.True((bool)points.Single(p => (string)p!["id"]! == "sciatic-nerve")!["needsClinicalReview"]!);
        Assert.Contains("li4", body["avoidedInPregnancy"]!["ids"]!.AsArray().Select(x => (string)x!));
        Assert.Equal(["calf", "foot"], body["dermatomes"]![1]!["regions"]!.AsArray().Select(x => (string)x!));
    }

    [Fact]
    public async Task RoutineApiAndPages_WhileTriagePausesSelfCare_GiveOnlyTheAdviceToSeekCare()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        await TreatmentPageTests.RaiseEmergencyAsync(app, person);
        using var api = await app.ApiClientAsync(person);
        using var browser = await app.SignedInBrowserAsync(person);

        var routine = await (await api.GetAsync(new Uri("/api/v1/routines/acupressure", UriKind.Relative))).ReadAsync();
        var points = await (await api.GetAsync(new Uri("/api/v1/points", UriKind.Relative))).ReadAsync();
        var routinePage = await browser.GetPageAsync("/home-care/acupressure");
        var guide = await browser.GetPageAsync("/home-care/ear-seeds");

        // The suggests-care gate answers for both endpoints and both pages (SuggestsCareGate).
        foreach (var json in new[] { routine, points })
        {
            Assert.True((bool)json["seekCareOnly"]!);
            Assert.Equal("emergency", ((string)json["level"]!).ToLowerInvariant());
            Assert.Null(json["steps"]);
            Assert.Null(json["points"]);
        }
        foreach (var page in new[] { routinePage, guide })
        {
            Assert.Contains("data-seek-care-only", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-point=", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RoutineForm_SavesOneSelfAcupressureTreatment_EvenWhenSubmittedTwice()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);
        var fields = new Dictionary<string, string>
        {
            ["formKey"] = "routine-once",
            ["painBefore"] = "6",
            ["painAfter"] = "4",
            ["feeling-bl23"] = "Relief",
            ["seconds-bl23"] = "120",
            ["feeling-bl40"] = "DullAche",
            ["seconds-bl40"] = "120",
        };

        var first = await browser.SubmitFormAsync("/home-care/acupressure", "acupressure", fields);
        var second = await browser.SubmitFormAsync("/home-care/acupressure", "acupressure", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        using var api = await app.ApiClientAsync(person);
        var list = await (await api.GetAsync(new Uri("/api/v1/treatments?modality=self-acupressure", UriKind.Relative))).ReadAsync();
        var item = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal((6, 4, 4), ((int)item["painBefore"]!, (int)item["painAfter"]!, (int)item["durationMinutes"]!));
        Assert.Equal(["bl23", "bl40"], item["points"]!.AsArray().Select(p => (string)p!["point"]!));
    }

    [Fact]
    public async Task TreatmentApi_UnknownPointId_IsAProblemAndNothingIsSaved()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        var response = await api.PostJsonAsync("/api/v1/treatments", new
        {
            modalityId = "self-acupressure",
            points = new[] { new { point = "li99", feeling = "relief", seconds = 60 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.ReadAsync()).ToJsonString();
        Assert.Contains("Unknown point", problem, StringComparison.Ordinal);
        Assert.Contains("li99", problem, StringComparison.Ordinal);
        var list = await (await api.GetAsync(new Uri("/api/v1/treatments", UriKind.Relative))).ReadAsync();
        Assert.Empty(list["items"]!.AsArray());
    }
}

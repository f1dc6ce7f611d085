using System.Net;
using UglyToad.PdfPig;
using SciaticaRelief.Web.Tests.Infrastructure;
using SciaticaRelief.Web.Tests.Insights;

namespace SciaticaRelief.Web.Tests.Reports;

public sealed class ReportApiTests
{
    private const string November = "from=2026-11-01&to=2026-11-25";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GetJson_SeededNovember_FiguresOfEverySection(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        var person = await app.CreatePersonAsync(zone: InsightsSeed.Zone);
        await InsightsSeed.AddAsync(app, ReportSeed.November(person.Id));
        using var api = await app.ApiClientAsync(person);

        var response = await api.GetAsync("/api/v1/reports/doctor?" + November);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var body = await response.ReadAsync();
        Assert.Equal("2026-11-01", (string)body["from"]!);
        Assert.Equal("2026-11-25", (string)body["to"]!);
        Assert.Equal(InsightsSeed.Zone, (string)body["timeZoneId"]!);
        Assert.True((bool)body["hasData"]!);
        var pain = body["pain"]!;
        Assert.Equal(25, pain["days"]!.AsArray().Count);
        Assert.Equal(25, (int)pain["checkIns"]!);
        Assert.Equal(4.64, (double)pain["meanPain"]!); // (4 × 7 + 4 × 5 + 17 × 4) / 25
        Assert.Equal("2026-11-12", (string)pain["worst"]!["date"]!);
        Assert.Equal(4.0, (double)pain["firstWeekMean"]!); // 1–7 Nov
        Assert.Equal(4.14, (double)pain["lastWeekMean"]!); // 19–25 Nov: 29 / 7
        Assert.False((bool)pain["importantImprovement"]!);
        Assert.Equal("thigh", (string)body["radiation"]!["furthest"]!);
        var flag = Assert.Single(body["redFlags"]!.AsArray())!;
        Assert.Equal("2026-11-20", (string)flag["date"]!);
        Assert.Equal("urgent", (string)flag["level"]!);
        Assert.Equal("SymptomCheck", (string)flag["source"]!);
        Assert.Equal("New or worsening weakness in one leg", (string)flag["reasons"]![0]!);
        var score = Assert.Single(body["scores"]!.AsArray())!;
        Assert.Equal("Oswestry Disability Index", (string)score["title"]!);
        Assert.Equal("32%", (string)score["score"]!);
        Assert.Equal("Moderate disability", (string)score["band"]!);
        Assert.Equal("46%", (string)score["earlier"]!);
        Assert.Equal(2, (int)score["responses"]!);
        var treatments = body["treatments"]!.AsArray();
        var swedish = treatments.Single(t => (string)t!["modalityId"]! == InsightsSeed.Swedish)!;
        Assert.Equal(5, (int)swedish["count"]!);
        Assert.Equal("Swedish massage", (string)swedish["name"]!);
        // The insights' own figures (InsightsSeed.FiveSwedishSessions).
        Assert.Equal(-2.88, (double)swedish["effect"]!["immediate"]!["low"]!);
        Assert.Equal(-1.8, (double)swedish["effect"]!["nextDay"]!["mean"]!);
        var medicine = Assert.Single(body["medicines"]!.AsArray())!;
        Assert.Equal("ibuprofen", (string)medicine["ingredient"]!);
        Assert.Equal(1000m, (decimal)medicine["totalMilligrams"]!);
        Assert.Equal(2, (int)medicine["daysTaken"]!);
        Assert.Equal(800m, (decimal)medicine["mostInADay"]!);
        Assert.Equal("Massage with Alex", (string)Assert.Single(body["plan"]!.AsArray())!["title"]!);
    }

    [Fact]
    public async Task GetPdf_SeededNovember_PdfPigReadsTheFiguresBack()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(zone: InsightsSeed.Zone);
        await InsightsSeed.AddAsync(app, ReportSeed.November(person.Id));
        using var api = await app.ApiClientAsync(person);

        var response = await api.GetAsync("/api/v1/reports/doctor.pdf?" + November);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("sciatica-report-2026-11-25.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl?.NoStore);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        if (Environment.GetEnvironmentVariable("RELIEF_REPORT_PDF") is { Length: > 0 } keep)
        {
            await File.WriteAllBytesAsync(keep, bytes); // to look at the layout (pdftoppm)
        }

        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages >= 2);
        var first = Words(pdf, 1);
        var all = string.Join(" ", Enumerable.Range(1, pdf.NumberOfPages).Select(n => Words(pdf, n)));
        // Page 1: period, pain figures, the red flag's date, the score and its band.
        Assert.Contains("Period: 1 Nov 2026 to 25 Nov 2026", first, StringComparison.Ordinal);
        Assert.Contains("averaged 4.6 over 25 days with check-ins", first, StringComparison.Ordinal);
        Assert.Contains("Worst day: 12 Nov 2026 (7.0", first, StringComparison.Ordinal);
        Assert.Contains("20 Nov 2026: See a doctor soon. New or worsening weakness in one leg.", first, StringComparison.Ordinal);
        Assert.Contains("Oswestry Disability Index: 32% (Moderate disability) on 21 Nov 2026.", first, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 of " + pdf.NumberOfPages.ToString(System.Globalization.CultureInfo.InvariantCulture), first, StringComparison.Ordinal);
        // Later pages: the treatment in the insights' words, the medicine and the plan.
        Assert.Contains("Swedish massage: 5 times, 10 Nov 2026 to 18 Nov 2026.", all, StringComparison.Ordinal);
        Assert.Contains("Right after Swedish massage, your pain was on average 2.0 points lower than just before (95% interval: 1.1 to 2.9 points lower; 5 times).", all, StringComparison.Ordinal);
        Assert.Contains("Ibuprofen: taken on 2 days (3 doses", all, StringComparison.Ordinal);
        Assert.Contains("Massage with Alex: every week on Mon at 18:00", all, StringComparison.Ordinal);
        Assert.DoesNotContain("caused a", all.Replace("not proof that a treatment caused a change", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cured", all, StringComparison.OrdinalIgnoreCase);
        // The charts are on page 1 as images.
        Assert.True(pdf.GetPage(1).GetImages().Count() >= 2);
    }

    [Fact]
    public async Task GetPdf_EmptyJournal_ValidReportSayingThereIsNoData()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(screened: false); // not even the onboarding screen
        using var api = await app.ApiClientAsync(person);

        var json = await (await api.GetAsync("/api/v1/reports/doctor")).ReadAsync();
        var response = await api.GetAsync("/api/v1/reports/doctor.pdf");

        Assert.False((bool)json["hasData"]!);
        Assert.Equal("2026-08-28", (string)json["from"]!); // 90 days to today (25 Nov 2026)
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var first = Words(pdf, 1);
        Assert.Contains("There is no data in this period", first, StringComparison.Ordinal);
        Assert.Contains("Period: 28 Aug 2026 to 25 Nov 2026", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-11-10&to=2026-11-01", "from")] // starts after it ends
    [InlineData("from=2024-01-01&to=2026-11-25", "from")] // over two years
    [InlineData("from=2026-02-31", "from")] // no such day
    [InlineData("from=yesterday", "from")]
    [InlineData("to=25%2F11%2F2026", "to")]
    public async Task Get_BadPeriod_400NamingTheParameter(string query, string field)
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);

        foreach (var path in new[] { "/api/v1/reports/doctor?", "/api/v1/reports/doctor.pdf?" })
        {
            var response = await api.GetAsync(path + query);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.ReadAsync();
            Assert.NotNull(problem["errors"]![field]);
        }
    }

    [Theory]
    [InlineData("NZ", "Pacific/Auckland", "call 111 or go to the emergency department")]
    [InlineData("US", "America/Chicago", "call 911 or go to the emergency room (ER)")]
    [InlineData("GB", "Europe/London", "call 999 (or 112) or go to A&E")]
    public async Task Pdf_GivesTheEmergencyNumberOfThePersonsCountry(string region, string zone, string line)
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync(region: region, zone: zone));

        using var pdf = PdfDocument.Open(await (await api.GetAsync("/api/v1/reports/doctor.pdf")).Content.ReadAsByteArrayAsync());

        Assert.Contains(line, string.Join(" ", Enumerable.Range(1, pdf.NumberOfPages).Select(n => Words(pdf, n))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AnotherPersonsRows_NeverInTheReport()
    {
        await using var app = TestApp.Create();
        var owner = await app.CreatePersonAsync(zone: InsightsSeed.Zone);
        var other = await app.CreatePersonAsync(zone: InsightsSeed.Zone, screened: false);
        await InsightsSeed.AddAsync(app, ReportSeed.November(owner.Id));
        using var api = await app.ApiClientAsync(other);

        var body = await (await api.GetAsync("/api/v1/reports/doctor?" + November)).ReadAsync();
        using var pdf = PdfDocument.Open(await (await api.GetAsync("/api/v1/reports/doctor.pdf?" + November)).Content.ReadAsByteArrayAsync());

        Assert.False((bool)body["hasData"]!);
        Assert.Empty(body["redFlags"]!.AsArray());
        Assert.Empty(body["plan"]!.AsArray());
        var text = string.Join(" ", Enumerable.Range(1, pdf.NumberOfPages).Select(n => Words(pdf, n)));
        Assert.DoesNotContain("Swedish", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_SignedIn_PeriodFormAndPrintableReport()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(zone: InsightsSeed.Zone);
        await InsightsSeed.AddAsync(app, ReportSeed.November(person.Id));
        using var browser = await app.SignedInBrowserAsync(person);

        var form = WebUtility.HtmlDecode(await browser.GetPageAsync("/reports"));
        var print = WebUtility.HtmlDecode(await browser.GetPageAsync("/reports/print?" + November));
        var bad = WebUtility.HtmlDecode(await browser.GetPageAsync("/reports/print?from=2026-11-10&to=2026-11-01"));
        var pdf = await browser.GetAsync("/api/v1/reports/doctor.pdf?" + November); // the form's Download button, with the cookie

        Assert.Contains("formaction=\"/api/v1/reports/doctor.pdf\"", form, StringComparison.Ordinal);
        Assert.Contains("formaction=\"/reports/print\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-08-28\"", form, StringComparison.Ordinal);
        Assert.Contains("href=\"/data\"", form, StringComparison.Ordinal); // the nav's "Your data", which links the reports
        Assert.Contains("Period: 1 Nov 2026 to 25 Nov 2026", print, StringComparison.Ordinal);
        Assert.Contains("20 Nov 2026: See a doctor soon. New or worsening weakness in one leg.", print, StringComparison.Ordinal);
        Assert.Contains("Oswestry Disability Index: 32% (Moderate disability) on 21 Nov 2026.", print, StringComparison.Ordinal);
        Assert.Contains("Right after Swedish massage, your pain was on average 2.0 points lower", print, StringComparison.Ordinal);
        Assert.Contains("<svg", print, StringComparison.Ordinal);
        Assert.Contains("The start date must not be after the end date.", bad, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_DescribesBothReportRoutes()
    {
        await using var app = TestApp.Create();
        using var client = app.CreateClient();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("\"/api/v1/reports/doctor\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/reports/doctor.pdf\"", document, StringComparison.Ordinal);
        Assert.Contains("\"redFlags\"", document, StringComparison.Ordinal);
        Assert.Contains("application/pdf", document, StringComparison.Ordinal);
    }

    private static string Words(PdfDocument pdf, int page) => string.Join(" ", pdf.GetPage(page).GetWords().Select(w => w.Text));
}

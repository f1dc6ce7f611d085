using System.Text;
using Microsoft.Playwright;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests;

/// <summary>Importing another diary in a real browser: upload, preview, import with the progress page, report, journal.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportJourneys(BrowserFixture browser)
{
    [BrowserFact]
    public async Task CrisisCoreCsv_PreviewThenImport_ReportAndEntriesInTheJournal()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);
        // CrisisCore's rows are joined by a literal \n; one note has a real newline inside its quotes.
        var file = string.Join("\\n",
            "Date,Time,Pain Level,Locations,Symptoms,Limited Activities,Sleep Quality,Mood Impact,Missed Work Days,Notes",
            "2025-10-01,07:15,6,\"Lower back; Hip (L); outer left leg\",\"shooting\",\"\",3,,,\"Woke with it \"\"again\"\"\"",
            "2025-10-01,21:40,4,\"left calf\",\"burning\",\"\",,,,\"Late walk\nthen stretching\"");

        await page.ClickAsync("nav >> text=Your data");
        await Journeys.WaitForPathAsync(page, "/data");
        await page.ClickAsync("main >> text=Import from another pain diary");
        await Journeys.WaitForPathAsync(page, "/import");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "pain-tracker.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file) });
        await page.ClickAsync("main button[type=submit]");

        await page.WaitForSelectorAsync("table.import-rows");
        Assert.Contains("CrisisCore PainTracker (CSV)", await page.InnerTextAsync("h2#preview-title"), StringComparison.Ordinal);
        Assert.Contains("Lower back; Hip (L); outer left leg", await page.InnerTextAsync("table.import-rows"), StringComparison.Ordinal);
        Assert.Contains("left calf", await page.InnerTextAsync("table.import-rows"), StringComparison.Ordinal);
        var problems = await AxeScan.ProblemsAsync(page);

        await page.ClickAsync("main button[value=import]");
        await page.WaitForSelectorAsync("text=Import finished", new() { Timeout = 30_000 });
        Assert.Equal("2", await page.InnerTextAsync("#imported"));
        problems.AddRange(await AxeScan.ProblemsAsync(page));

        await page.ClickAsync("main >> text=See your journal");
        await Journeys.WaitForPathAsync(page, "/journal");
        Assert.Contains("Woke with it", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

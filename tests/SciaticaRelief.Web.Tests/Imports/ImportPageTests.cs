using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Web.Imports;
using SciaticaRelief.Web.Tests.Infrastructure;
using static SciaticaRelief.Web.Tests.Imports.ImportTestData;

namespace SciaticaRelief.Web.Tests.Imports;

public sealed partial class ImportPageTests
{
    [Fact]
    public async Task ImportPage_UploadPreviewConfirm_ReportAndEntries()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);

        var page = await browser.GetPageAsync("/import");
        var upload = Upload("crisiscore-full.csv");
        upload.Add(new StringContent(BrowserClient.TokenOf(page)), "__RequestVerificationToken");
        upload.Add(new StringContent("upload"), "_handler");
        upload.Add(new StringContent(""), "format");
        upload.Add(new StringContent("Europe/London"), "timeZone");
        var previewed = await browser.Http.PostAsync("/import", upload);
        var preview = await previewed.Content.ReadAsStringAsync();

        Assert.True(previewed.StatusCode == HttpStatusCode.OK, $"{(int)previewed.StatusCode}: {preview}");
        Assert.Contains("CrisisCore PainTracker (CSV)", preview, StringComparison.Ordinal);
        Assert.Contains("Lower back; Hip (L); outer left leg", preview, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await CountAsync(app, person.Id));

        var confirm = new List<KeyValuePair<string, string>>(BrowserClient.HiddenFields(preview, "confirm"))
        {
            new("action", "import"), new("timeZone", "Europe/London"), new("format", "crisiscore-csv"),
        };
        var started = await browser.Http.PostAsync("/import", new FormUrlEncodedContent(confirm));

        Assert.True(started.StatusCode == HttpStatusCode.Redirect, $"{(int)started.StatusCode}: {string.Join("&", confirm.Select(kv => kv.Key + "=" + kv.Value))} {await started.Content.ReadAsStringAsync()}");
        var progressUrl = TestApp.PathOf(started);
        var jobId = Guid.Parse(JobId().Match(progressUrl).Groups[1].Value);
        var job = app.Services.GetRequiredService<ImportJobs>().Find(person.Id, jobId)!;
        await job.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        var report = await browser.GetPageAsync(progressUrl);
        Assert.Contains("Import finished", report, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"imported\">4</dd>", report, StringComparison.Ordinal);
        Assert.Equal((4, 0, 4, 1), await CountAsync(app, person.Id));
        Assert.Contains("Woke with it", await browser.GetPageAsync("/journal"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_ManyUploads_AreRateLimited_ReadingThePageIsNot()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);
        var token = BrowserClient.TokenOf(await browser.GetPageAsync("/import"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= ImportRegistration.ImportsPerTenMinutes; i++)
        {
            var upload = Upload("crisiscore-full.csv");
            upload.Add(new StringContent(token), "__RequestVerificationToken");
            upload.Add(new StringContent("upload"), "_handler");
            upload.Add(new StringContent("Europe/London"), "timeZone");
            statuses.Add((await browser.Http.PostAsync("/import", upload)).StatusCode);
        }

        Assert.All(statuses.Take(ImportRegistration.ImportsPerTenMinutes), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal((HttpStatusCode)429, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/import")).StatusCode);
        Assert.Equal((0, 0, 0, 0), await CountAsync(app, person.Id));
    }

    [Fact]
    public async Task ImportPage_BadFile_ErrorsShownAndNoImportButton()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);
        var page = await browser.GetPageAsync("/import");
        var upload = Upload("crisiscore-bad-values.csv");
        upload.Add(new StringContent(BrowserClient.TokenOf(page)), "__RequestVerificationToken");
        upload.Add(new StringContent("upload"), "_handler");

        var response = await browser.Http.PostAsync("/import", upload);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("row 2, column &quot;Pain Level&quot;: &quot;7,5&quot; is not a whole number from 0 to 10.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"import\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/import/([0-9a-f-]{36})")]
    private static partial Regex JobId();
}

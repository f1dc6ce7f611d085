using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests;

/// <summary>Issue 6's journey: export, delete the account, the sign-in no longer works and the data is gone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountJourneys(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Person_DownloadsTheArchive_DeletesTheAccount_IsSignedOut_AndCannotSignInAgain()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        // On Kestrel the factory's in-memory client does not apply: a real one, with a token.
        var token = await app.InScopeAsync(async sp => (await sp.GetRequiredService<SciaticaRelief.Data.Accounts.AccountService>().CreateTokenAsync(person.Id, "seed")).Secret);
        using (var api = new HttpClient { BaseAddress = new Uri(url) })
        {
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var saved = await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(notes: "my own words"));
            Assert.Equal(System.Net.HttpStatusCode.Created, saved.StatusCode);
        }
        var page = await browser.NewPageAsync(url);
        await Journeys.SignInAsync(page, person.Email!);

        // The way there: Settings, then the export offered first.
        await page.ClickAsync("nav >> text=Settings");
        await page.ClickAsync("main >> text=Delete my account");
        await Journeys.WaitForPathAsync(page, "/settings/delete-account");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-archive"));
        var archive = await download.PathAsync();
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(archive!))[..2]));

        // Deleting: password and the phrase; then the goodbye page, signed out.
        await page.FillAsync("#password", TestApp.Password);
        await page.FillAsync("#confirm", "delete my account");
        await page.ClickAsync("button:has-text('Delete my account and all my data')");
        await Journeys.WaitForPathAsync(page, "/account/deleted");
        Assert.Contains("Your account is deleted", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await page.GotoAsync("/journal");
        await page.WaitForURLAsync(u => u.Contains("/account/signin", StringComparison.Ordinal));

        // The old password no longer signs in, and the data is gone.
        await page.FillAsync("#email", person.Email!);
        await page.FillAsync("#password", TestApp.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("[role=alert]");
        Assert.Contains("/account/signin", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().CheckIns.IgnoreQueryFilters().CountAsync()));
    }
}

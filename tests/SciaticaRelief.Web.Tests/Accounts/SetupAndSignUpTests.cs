using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Startup;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Accounts;

public sealed class SetupAndSignUpTests
{
    private static Dictionary<string, string> Owner(string email = "owner@example.org", string birthYear = "1970") => new()
    {
        ["email"] = email, ["password"] = TestApp.Password, ["regionCode"] = "GB", ["timeZoneId"] = "Europe/London", ["birthYear"] = birthYear,
    };

    [Fact]
    public async Task SetupLink_CreatesTheOwnerAsAdministrator_AndWorksOnce()
    {
        await using var app = TestApp.Create();
        var secret = app.Services.GetRequiredService<SetupLink>().Secret;
        Assert.NotNull(secret);
        using var browser = app.Browser();

        var created = await browser.SubmitFormAsync($"/setup/{secret}", "setup", Owner());

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.EndsWith("/onboarding", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var me = await app.InScopeAsync(async sp => await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ReliefUser>>().FindByEmailAsync("owner@example.org"));
        Assert.True(me!.IsAdministrator);
        Assert.Equal(AccountKind.Person, me.Kind);
        using var second = app.Browser();
        var again = await second.GetPageAsync($"/setup/{secret}");
        Assert.Contains("has been used", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB,en;q=0.9", "GB", "Europe/London", "a UK browser: the UK and its one zone")]
    [InlineData("fr;q=0.5, en-NZ", "NZ", "Pacific/Auckland", "the preferred language's country wins, not the first listed")]
    [InlineData("en-US,en;q=0.9", "US", null, "several zones in the US: the form asks instead of guessing")]
    [InlineData("en", null, null, "a language alone says nothing about where someone lives")]
    [InlineData("", null, null, "no header: ask")]
    public async Task SetupPage_WithoutScript_StartsFromTheBrowsersCountry_NeverSilentlyUtc(string acceptLanguage, string? region, string? zone, string why)
    {
        await using var app = TestApp.Create();
        var secret = app.Services.GetRequiredService<SetupLink>().Secret!;
        using var browser = app.Browser();
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage.Length == 0 ? "*" : acceptLanguage);

        var page = await browser.GetPageAsync($"/setup/{secret}");

        Assert.True(SelectedOption(page, "regionCode") == (region ?? ""), why);
        Assert.True(SelectedOption(page, "timeZoneId") == (zone ?? ""), why);
        Assert.DoesNotContain("<option value=\"UTC\" selected", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_WithoutAZone_AsksForOne_AndMakesNoAccount()
    {
        await using var app = TestApp.Create();
        var secret = app.Services.GetRequiredService<SetupLink>().Secret!;
        using var browser = app.Browser();
        var fields = Owner();
        fields["timeZoneId"] = "";

        var response = await browser.SubmitFormAsync($"/setup/{secret}", "setup", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a time zone", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<AccountService>().AnyAccountAsync()));
    }

    [Fact]
    public async Task LandingPage_OnAnEmptyInstall_SaysSetupIsPendingAndWhereTheLinkIs_ThenOnlySignIn()
    {
        await using var app = TestApp.Create();
        using var browser = app.Browser();

        var empty = await browser.GetPageAsync("/");
        Assert.Contains("data-setup-pending", empty, StringComparison.Ordinal);
        Assert.Contains("terminal window where it was started", empty, StringComparison.Ordinal);

        await app.CreatePersonAsync();
        var after = await browser.GetPageAsync("/");
        Assert.DoesNotContain("data-setup-pending", after, StringComparison.Ordinal);
        Assert.Contains("/account/signin", after, StringComparison.Ordinal);
    }

    /// <summary>The value of the selected option of a select (or the first option, as a browser picks).</summary>
    private static string SelectedOption(string page, string selectId)
    {
        var select = System.Text.RegularExpressions.Regex.Match(page, $"<select id=\"{selectId}\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        // Blazor writes an empty value as a bare attribute: <option value selected>.
        var options = System.Text.RegularExpressions.Regex.Matches(select, "<option value(?:=\"([^\"]*)\")?( selected)?");
        return (options.FirstOrDefault(o => o.Groups[2].Success) ?? options.First()).Groups[1].Value;
    }

    [Fact]
    public async Task SetupLink_WrongSecret_ShowsNoForm()
    {
        await using var app = TestApp.Create();
        using var browser = app.Browser();

        var page = await browser.GetPageAsync("/setup/setup_guessed");

        Assert.DoesNotContain("name=\"_handler\" value=\"setup\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_Under16_IsToldTheProductIsNotForThem_AndNoAccountIsMade()
    {
        await using var app = TestApp.Create();
        var secret = app.Services.GetRequiredService<SetupLink>().Secret!;
        using var browser = app.Browser();

        var response = await browser.SubmitFormAsync($"/setup/{secret}", "setup", Owner(birthYear: "2012"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("aged 16 and over", html, StringComparison.Ordinal);
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<AccountService>().AnyAccountAsync()));
    }

    [Fact]
    public async Task Setup_CommonPassword_IsRefusedWithTheReason()
    {
        await using var app = TestApp.Create();
        var secret = app.Services.GetRequiredService<SetupLink>().Secret!;
        using var browser = app.Browser();
        var fields = Owner();
        fields["password"] = "password1";

        var response = await browser.SubmitFormAsync($"/setup/{secret}", "setup", fields);

        Assert.Contains("most common", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_IsClosedByDefault_AndOpensWhenTheAdministratorSaysSo()
    {
        await using var app = TestApp.Create();
        var admin = await app.CreatePersonAsync(administrator: true);
        using var visitor = app.Browser();

        var closed = await visitor.GetPageAsync("/account/signup");
        var token = BrowserClient.TokenOf(await visitor.GetPageAsync("/account/signin"));
        var refused = await visitor.Http.PostAsync("/account/signup", new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("_handler", "signup"),
            new("email", "sneaky@example.org"), new("password", TestApp.Password), new("birthYear", "1980"), new("regionCode", "GB"), new("timeZoneId", "UTC")]));
        using var adminBrowser = await app.SignedInBrowserAsync(admin);
        await adminBrowser.SubmitFormAsync("/admin", "signups", []);
        var open = await visitor.SubmitFormAsync("/account/signup", "signup", Owner(email: "new@example.org"));

        Assert.Contains("does not take new accounts", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("sneaky", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var emails = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<SciaticaRelief.Data.ReliefDbContext>().Users.Select(u => u.Email).ToList()));
        Assert.Contains("new@example.org", emails);
        Assert.DoesNotContain("sneaky@example.org", emails);
    }
}

using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Security;

public sealed class SecurityTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/signin")]
    [InlineData("/api/v1/me")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        await using var app = TestApp.Create();
        using var client = app.CreateClient();

        var response = await client.GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Production_HashesPasswordsWithAtLeast210000Pbkdf2Iterations()
    {
        await using var app = new TestApp(TestDatabase.InMemorySqlite(), new() { ["Accounts:PasswordHashIterations"] = null }) { Environment = "Production" };

        var options = app.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;

        Assert.True(options.IterationCount >= AccountOptions.ProductionIterations, $"PBKDF2 iterations are {options.IterationCount}");
        Assert.Equal(PasswordHasherCompatibilityMode.IdentityV3, options.CompatibilityMode);
    }

    [Fact]
    public async Task SignIn_OverHttps_SetsAHostPrefixedHttpOnlyCookieWithA30MinuteSlidingExpiry()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = new BrowserClient(app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }));
        var page = await browser.GetPageAsync("/account/signin");

        var response = await browser.Http.PostAsync("/account/signin", new FormUrlEncodedContent([
            new("__RequestVerificationToken", BrowserClient.TokenOf(page)), new("_handler", "signin"),
            new("email", person.Email!), new("password", TestApp.Password)]));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-relief.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        var options = app.Services.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = app.Browser();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await browser.SubmitFormAsync("/account/signin", "signin", new() { ["email"] = person.Email!, ["password"] = "not the password " + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await browser.SubmitFormAsync("/account/signin", "signin", new() { ["email"] = person.Email!, ["password"] = TestApp.Password });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Identity times lockouts by the real clock, not the injected one.
        var lockedUntil = await app.InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<ReliefUser>>().FindByIdAsync(person.Id.ToString()))!.LockoutEnd);
        Assert.InRange(lockedUntil!.Value - TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        // An operator's reset (relief admin user reset-password) lifts the lockout.
        await app.InScopeAsync(sp => sp.GetRequiredService<AccountService>().ResetPasswordAsync(person.Email!, TestApp.Password));
        var later = await browser.SubmitFormAsync("/account/signin", "signin", new() { ["email"] = person.Email!, ["password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysNothingAboutWhetherTheEmailExists()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = app.Browser();

        var known = await (await browser.SubmitFormAsync("/account/signin", "signin", new() { ["email"] = person.Email!, ["password"] = "wrong password" })).Content.ReadAsStringAsync();
        var unknown = await (await browser.SubmitFormAsync("/account/signin", "signin", new() { ["email"] = "nobody@example.org", ["password"] = "wrong password" })).Content.ReadAsStringAsync();

        Assert.Contains("The email or password is not right.", known, StringComparison.Ordinal);
        Assert.Contains("The email or password is not right.", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ManyAttemptsFromOneAddress_AreRateLimited()
    {
        await using var app = new TestApp(TestDatabase.InMemorySqlite(), new() { ["RateLimits:SignInPerMinute"] = "3" });
        using var browser = app.Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await browser.GetAsync("/account/signin")).StatusCode);
        }

        Assert.Contains((HttpStatusCode)429, statuses);
    }

    [Theory]
    [InlineData("short", "fewer than 8 characters")]
    [InlineData("password123", "one of the most common passwords")]
    [InlineData("Password123", "common passwords are compared without case")]
    [InlineData("aaaaaaaaaa", "one repeated character")]
    [InlineData("abcdefghij", "a sequence")]
    [InlineData("98765432", "a descending sequence")]
    [InlineData("someone@example.org", "the email itself")]
    public void PasswordRules_RefuseWeakPasswords(string password, string why)
    {
        Assert.True(PasswordRules.Check(password, "someone@example.org") is not null, why);
    }

    [Theory]
    [InlineData("correct horse battery staple", "four words: long beats complex (NIST 800-63B)")]
    [InlineData("zqjx8wkp", "eight characters with no composition rule")]
    [InlineData("über-straße 2026", "non-ASCII characters are allowed")]
    public void PasswordRules_AcceptLongOrUnusualPasswordsWithoutCompositionRules(string password, string why)
    {
        Assert.True(PasswordRules.Check(password, "someone@example.org") is null, why);
    }

    [Fact]
    public async Task AccessTokens_AreStoredOnlyAsTheirSha256()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();

        var (token, secret) = await app.InScopeAsync(sp => sp.GetRequiredService<AccountService>().CreateTokenAsync(person.Id, "cli"));

        Assert.StartsWith(AccountService.TokenPrefix, secret, StringComparison.Ordinal);
        Assert.Equal(Secrets.Hash(secret), token.TokenHash);
        Assert.Equal(64, token.TokenHash.Length);
        Assert.DoesNotContain(secret, token.Prefix + token.Name + token.TokenHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokensPage_CreatesATokenShownOnce_AndRevokesIt()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);

        var created = await browser.SubmitFormAsync("/settings/tokens", "create-token", new() { ["name"] = "laptop" });
        var html = await created.Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(html, "id=\"new-token\">([^<]+)<").Groups[1].Value;
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var list = await browser.GetPageAsync("/settings/tokens");
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        var handler = System.Text.RegularExpressions.Regex.Match(list, "name=\"_handler\" value=\"(revoke-[^\"]+)\"").Groups[1].Value;
        await browser.SubmitFormAsync("/settings/tokens", handler, []);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Accounts;

/// <summary>Therapist sign-up (open sign-ups or an administrator's invite) and what a Therapist can reach.</summary>
public sealed partial class TherapistAccountTests
{
    private static Dictionary<string, string> Therapist(string email = "ada@example.org", string name = "Ada Hands") => new()
    {
        ["email"] = email, ["password"] = TestApp.Password, ["displayName"] = name,
    };

    private static async Task<string> InviteAsync(TestApp app, string email = "ada@example.org")
    {
        var admin = await app.CreatePersonAsync(administrator: true);
        using var browser = await app.SignedInBrowserAsync(admin);
        var response = await browser.SubmitFormAsync("/admin", "invite-therapist", new() { ["email"] = email });
        var html = await response.Content.ReadAsStringAsync();
        var link = LinkRegex().Match(html);
        Assert.True(link.Success, html);
        return new Uri(WebUtility.HtmlDecode(link.Groups[1].Value)).PathAndQuery;
    }

    private static Task<ReliefUser?> FindAsync(TestApp app, string email) =>
        app.InScopeAsync(sp => sp.GetRequiredService<UserManager<ReliefUser>>().FindByEmailAsync(email));

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SignUp_WithAnInvite_WhileSignUpsAreClosed_CreatesATherapistWhoMustEnrol(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        var path = await InviteAsync(app);
        using var visitor = app.Browser();

        var created = await visitor.SubmitFormAsync(path, "signup-therapist", Therapist());
        var home = await visitor.GetAsync("/therapist");
        var again = await app.Browser().GetPageAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/account/two-factor", TestApp.PathOf(created));
        var user = await FindAsync(app, "ada@example.org");
        Assert.Equal(AccountKind.Therapist, user!.Kind);
        Assert.Equal("Ada Hands", user.DisplayName);
        Assert.False(user.IsAdministrator);
        Assert.Equal("/account/two-factor", TestApp.PathOf(home));
        Assert.Contains("already been used", again, StringComparison.Ordinal);
        var invite = await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().TherapistInvites.SingleAsync());
        Assert.Equal(user.Id, invite.UsedBy);
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Profiles.IgnoreQueryFilters().AnyAsync(p => p.PersonId == user.Id)));
    }

    [Fact]
    public async Task Invite_StoresOnlyTheCodesHash_AndLastsFourteenDays()
    {
        await using var app = TestApp.Create();
        var path = await InviteAsync(app);
        var code = Uri.UnescapeDataString(path[(path.IndexOf("invite=", StringComparison.Ordinal) + "invite=".Length)..]);

        var invite = await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().TherapistInvites.SingleAsync());

        Assert.StartsWith(AccountService.InvitePrefix, code, StringComparison.Ordinal);
        Assert.Equal(Secrets.Hash(code), invite.CodeHash);
        Assert.Equal("ada@example.org", invite.Email);
        Assert.Equal(TestApp.Start.UtcDateTime.AddDays(14), invite.ExpiresAtUtc);
    }

    public enum Spoiled
    {
        Expired,
        Used,
        Unknown,
    }

    [Theory]
    [InlineData(Spoiled.Expired, "has expired")] // 14 days and a second later
    [InlineData(Spoiled.Used, "already been used")] // someone signed up with it
    [InlineData(Spoiled.Unknown, "not valid")] // a code that was never made (or a typo)
    public async Task SignUp_WithASpoiledInvite_SaysWhy_AndCreatesNothing(Spoiled spoiled, string message)
    {
        await using var app = TestApp.Create();
        var path = await InviteAsync(app);
        switch (spoiled)
        {
            case Spoiled.Expired:
                app.Clock.Advance(TimeSpan.FromDays(14).Add(TimeSpan.FromSeconds(1)));
                break;
            case Spoiled.Used:
                Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SubmitFormAsync(path, "signup-therapist", Therapist(email: "first@example.org"))).StatusCode);
                break;
            case Spoiled.Unknown:
                path = "/account/signup?invite=inv_never-made";
                break;
        }
        using var visitor = app.Browser();

        var page = await visitor.GetPageAsync(path);
        var token = BrowserClient.TokenOf(await visitor.GetPageAsync("/account/signin"));
        var forced = await visitor.Http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("_handler", "signup-therapist"),
            new("email", "late@example.org"), new("password", TestApp.Password), new("displayName", "Late")]));

        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"_handler\" value=\"signup-therapist\"", page, StringComparison.Ordinal);
        // No form of that name is on the page, so Blazor refuses the post (400) before any handler runs.
        Assert.Equal(HttpStatusCode.BadRequest, forced.StatusCode);
        Assert.Null(await FindAsync(app, "late@example.org"));
    }

    [Fact]
    public async Task CreateTherapist_InviteSpentBetweenPageAndSubmit_IsRefused()
    {
        await using var app = TestApp.Create();
        var created = await app.InScopeAsync(sp => sp.GetRequiredService<AccountService>().CreateTherapistInviteAsync(Guid.NewGuid(), "x@example.org"));
        var code = created.Value.Code;

        var (first, second) = await app.InScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountService>();
            return (await accounts.CreateTherapistAsync("a@example.org", TestApp.Password, "A", code),
                await accounts.CreateTherapistAsync("b@example.org", TestApp.Password, "B", code));
        });

        Assert.True(first.Succeeded);
        Assert.Contains("already been used", Assert.Single(second.Errors), StringComparison.Ordinal);
        Assert.Null(await FindAsync(app, "b@example.org"));
    }

    [Fact]
    public async Task CreateTherapist_WithoutInvite_OnlyWhileSignUpsAreOpen()
    {
        await using var app = TestApp.Create();

        var closed = await app.InScopeAsync(sp => sp.GetRequiredService<AccountService>().CreateTherapistAsync("a@example.org", TestApp.Password, "A", inviteCode: null));
        var expired = await app.InScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountService>();
            var code = (await accounts.CreateTherapistInviteAsync(Guid.NewGuid(), "b@example.org")).Value.Code;
            app.Clock.Advance(TimeSpan.FromDays(TherapistInvite.LifetimeDays));
            return await accounts.CreateTherapistAsync("b@example.org", TestApp.Password, "B", code);
        });

        Assert.Equal(AccountService.ClosedMessage, Assert.Single(closed.Errors));
        Assert.Contains("has expired", Assert.Single(expired.Errors), StringComparison.Ordinal);
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<AccountService>().AnyAccountAsync()));
    }

    [Fact]
    public async Task SignUp_AsTherapist_ClosedThenOpen()
    {
        await using var app = TestApp.Create();
        var admin = await app.CreatePersonAsync(administrator: true);
        using var visitor = app.Browser();

        var closed = await visitor.GetPageAsync("/account/signup?as=therapist");
        var token = BrowserClient.TokenOf(await visitor.GetPageAsync("/account/signin"));
        var sneaky = await visitor.Http.PostAsync(new Uri("/account/signup?as=therapist", UriKind.Relative), new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("_handler", "signup-therapist"),
            new("email", "sneaky@example.org"), new("password", TestApp.Password), new("displayName", "Sneaky")]));
        using var adminBrowser = await app.SignedInBrowserAsync(admin);
        await adminBrowser.SubmitFormAsync("/admin", "signups", []);
        var choice = await visitor.GetPageAsync("/account/signup");
        var open = await visitor.SubmitFormAsync("/account/signup?as=therapist", "signup-therapist", Therapist());

        Assert.Contains("does not take new accounts", closed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, sneaky.StatusCode);
        Assert.Null(await FindAsync(app, "sneaky@example.org"));
        Assert.Contains("href=\"/account/signup?as=therapist\"", choice, StringComparison.Ordinal);
        Assert.Equal("/account/two-factor", TestApp.PathOf(open));
        Assert.Equal(AccountKind.Therapist, (await FindAsync(app, "ada@example.org"))!.Kind);
    }

    [Theory]
    [InlineData("", "Enter the name your clients know you by")] // no name
    [InlineData("   ", "Enter the name your clients know you by")] // only spaces
    [InlineData("x\u0001y", "control characters")] // a control character
    public async Task SignUp_AsTherapist_BadDisplayName_IsRefusedWithTheReason(string name, string message)
    {
        await using var app = TestApp.Create();
        var path = await InviteAsync(app);
        using var visitor = app.Browser();

        var response = await visitor.SubmitFormAsync(path, "signup-therapist", Therapist(name: name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await FindAsync(app, "ada@example.org"));
    }

    [Fact]
    public async Task DisplayName_TooLong_IsRefused()
    {
        Assert.Contains("at most 100", AccountService.CheckDisplayName(new string('a', 101), out _), StringComparison.Ordinal);
        Assert.Null(AccountService.CheckDisplayName("  Ada Hands ", out var cleaned));
        Assert.Equal("Ada Hands", cleaned);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Invite_BadEmail_IsRefused_AndAPersonCannotInvite()
    {
        await using var app = TestApp.Create();
        var admin = await app.CreatePersonAsync(administrator: true);
        using var adminBrowser = await app.SignedInBrowserAsync(admin);
        using var personBrowser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var bad = await adminBrowser.SubmitFormAsync("/admin", "invite-therapist", new() { ["email"] = "not an email" });
        var person = await personBrowser.GetAsync("/admin");

        Assert.Contains("Enter the therapist&#x27;s email address", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("/account/denied", TestApp.PathOf(person), StringComparison.Ordinal);
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().TherapistInvites.CountAsync()));
    }

    [Fact]
    public async Task TherapistWithoutTwoFactor_ReachesOnlyEnrolment()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync(enrolled: false);
        using var browser = await app.SignedInBrowserAsync(therapist);

        foreach (var path in new[] { "/therapist", "/settings/tokens", "/" })
        {
            var response = await browser.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && TestApp.PathOf(response).EndsWith("/account/two-factor", StringComparison.Ordinal),
                $"{path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        var journal = await browser.GetAsync("/journal");
        Assert.Contains("/account/", TestApp.PathOf(journal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/two-factor")).StatusCode);
    }

    [Fact]
    public async Task TherapistToken_WorksOnlyWhileTwoFactorIsOn()
    {
        await using var app = TestApp.Create();
        var enrolled = await app.CreateTherapistAsync();
        var notEnrolled = await app.CreateTherapistAsync(enrolled: false);
        using var good = await app.ApiClientAsync(enrolled);
        using var bad = await app.ApiClientAsync(notEnrolled);

        // A Person API: the token authenticates (403, not 401) only for the enrolled Therapist.
        Assert.Equal(HttpStatusCode.Forbidden, (await good.GetAsync("/api/v1/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bad.GetAsync("/api/v1/journal")).StatusCode);
    }

    [Fact]
    public async Task Therapist_SignedIn_NavShowsTherapistLinks_HomeRedirectsToTherapistHome()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync();
        using var browser = await app.SignedInBrowserAsync(therapist);

        var root = await browser.GetAsync("/");
        var tokens = await browser.GetPageAsync("/settings/tokens");

        Assert.Equal("/therapist", TestApp.PathOf(root));
        Assert.Contains("href=\"/clients\"", tokens, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/journal\"", tokens, StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"invite-link\">([^<]+)<")]
    private static partial Regex LinkRegex();
}

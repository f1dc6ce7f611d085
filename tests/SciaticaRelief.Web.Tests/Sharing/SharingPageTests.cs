using System.Net;
using System.Text.RegularExpressions;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Sharing;

public sealed partial class SharingPageTests
{
    [Fact]
    public async Task SharingPage_InviteJoinRevoke_ThroughTheForms()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var therapist = await app.CreateTherapistAsync(name: "Robin Hands");
        using var personApi = await app.ApiClientAsync(person);
        await SharingApiTests.SeedHealthAsync(personApi);
        using var personBrowser = await app.SignedInBrowserAsync(person);
        using var therapistBrowser = await app.SignedInBrowserAsync(therapist);

        var form = await personBrowser.GetPageAsync("/sharing");
        var created = await personBrowser.SubmitFormAsync("/sharing", "create-invite", [], [new("scope", "journal")]);
        var createdPage = await created.Content.ReadAsStringAsync();
        var code = CodeRegex().Match(createdPage).Groups[1].Value;
        var later = await personBrowser.GetPageAsync("/sharing");
        var joinForm = await therapistBrowser.GetPageAsync("/clients/join?code=" + code);
        var joined = await therapistBrowser.SubmitFormAsync("/clients/join", "join", new() { ["code"] = code });
        var briefPath = new Uri(joined.Headers.Location!.OriginalString, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute
            ? absolute.PathAndQuery : joined.Headers.Location!.OriginalString;
        var brief = await therapistBrowser.GetPageAsync(briefPath);
        var list = await therapistBrowser.GetPageAsync("/clients");
        var granted = await personBrowser.GetPageAsync("/sharing");
        var grantId = Assert.Single((await (await personApi.GetAsync("/api/v1/sharing/grants")).ReadAsync()).AsArray())!["id"]!.GetValue<string>();
        var revoked = await personBrowser.SubmitFormAsync("/sharing", $"revoke-{grantId}", []);
        var afterRevoke = await therapistBrowser.GetAsync(briefPath);
        var audit = await personBrowser.GetPageAsync("/sharing/audit");

        Assert.Contains("Red-flag results", form, StringComparison.Ordinal);
        Assert.Contains("always shared", form, StringComparison.Ordinal);
        Assert.Contains(">Create invite</button>", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Matches("^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$", code);
        Assert.Contains("/clients/join?code=" + code, createdPage, StringComparison.Ordinal);
        Assert.DoesNotContain(code, later, StringComparison.Ordinal);
        Assert.Contains(">Cancel invite</button>", later, StringComparison.Ordinal);
        Assert.Contains($"value=\"{code}\"", joinForm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal($"/clients/{person.Id}?joined=true", briefPath);
        Assert.Contains("You joined", brief, StringComparison.Ordinal);
        Assert.Contains(person.Email!, list, StringComparison.Ordinal);
        Assert.Contains("Robin Hands", granted, StringComparison.Ordinal);
        Assert.Contains(">Revoke</button>", granted, StringComparison.Ordinal);
        Assert.Contains("Access revoked: Robin Hands can no longer see your records.", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, afterRevoke.StatusCode);
        Assert.DoesNotContain(SharingApiTests.Canary, await afterRevoke.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The log is intact", audit, StringComparison.Ordinal);
        Assert.Contains("refused", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinPage_UsedCode_ShowsTheErrorByTheFieldAndCreatesNothing()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var personApi = await app.ApiClientAsync(person);
        var (_, code) = await SharingSeed.InviteAsync(personApi, GrantScope.Journal);
        using var first = await app.SignedInBrowserAsync(await app.CreateTherapistAsync());
        using var second = await app.SignedInBrowserAsync(await app.CreateTherapistAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitFormAsync("/clients/join", "join", new() { ["code"] = code })).StatusCode);

        var again = await second.SubmitFormAsync("/clients/join", "join", new() { ["code"] = code });
        var page = await again.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("id=\"code-error\"", page, StringComparison.Ordinal);
        Assert.Contains("already used", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("No clients yet", await second.GetPageAsync("/clients"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharingPage_CancelInvite_TheCodeNoLongerWorks()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var personApi = await app.ApiClientAsync(person);
        var (inviteId, code) = await SharingSeed.InviteAsync(personApi, GrantScope.Plan);
        using var browser = await app.SignedInBrowserAsync(person);
        using var therapistApi = await app.ApiClientAsync(await app.CreateTherapistAsync());

        var cancelled = await browser.SubmitFormAsync("/sharing", $"cancel-{inviteId}", []);
        var join = await therapistApi.PostJsonAsync("/api/v1/clients/join", new { code });

        Assert.Contains("Invite cancelled", await cancelled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, join.StatusCode);
    }

    [GeneratedRegex("id=\"invite-code\">([A-Z2-7-]+)<")]
    private static partial Regex CodeRegex();
}

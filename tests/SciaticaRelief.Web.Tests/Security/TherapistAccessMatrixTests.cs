using System.Net;
using System.Text.RegularExpressions;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Tests.Infrastructure;
using SciaticaRelief.Web.Tests.Sharing;
using static SciaticaRelief.Web.Tests.Security.AccessMatrixTests;

namespace SciaticaRelief.Web.Tests.Security;

/// <summary>
/// The Therapist dimension of the access matrix, generic over its rows: every client endpoint
/// answers only through a live Grant with its scope (404 otherwise, and the very next request after
/// a revocation), a Person never reaches a Therapist endpoint, and a Therapist never reaches a
/// Person's own endpoints. No refusal carries the client's data.
/// </summary>
public sealed partial class TherapistAccessMatrixTests
{
    private const string Canary = SharingApiTests.Canary;

    /// <summary>
    /// Person rows any signed-in account may open (their own settings): a Therapist gets their own
    /// page there, never a client's data, which the test checks instead of a refusal.
    /// </summary>
    private static readonly HashSet<string> AnyAccountRows = new(StringComparer.Ordinal) { "PAGE /settings/tokens" };

    private static IEnumerable<string> ClientRows => Matrix.Where(kv => kv.Value is Access.ClientApi or Access.ClientPage).Select(kv => kv.Key);

    [Fact]
    public void EveryClientRow_NamesTheScopeItNeeds()
    {
        var missing = ClientRows.Where(k => !ClientScopes.ContainsKey(k)).ToList();
        var stale = ClientScopes.Keys.Where(k => !ClientRows.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "Client rows with no scope in ClientScopes: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Scopes for rows that are not client rows: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task LiveGrantWithTheScope_IsAnswered_AndAfterRevocationTheVeryNextRequestIs404()
    {
        await using var app = TestApp.Create();
        var (person, personApi) = await ClientAsync(app);
        var therapist = await app.CreateTherapistAsync();
        using var api = await app.ApiClientAsync(therapist);
        using var browser = await app.SignedInBrowserAsync(therapist);
        var failures = new List<string>();

        foreach (var key in ClientRows)
        {
            var grantId = await SharingSeed.GrantAsync(app, person, therapist, ClientScopes[key]);
            var live = await SendAsync(key, person.Id, api, browser);
            // A row with another route parameter (a note's id) has no such record here: its 404 says nothing.
            if ((!HasOtherParameters(key) && live.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden) || IsDenied(live))
            {
                failures.Add($"{key} with a live grant: {(int)live.StatusCode} {live.Headers.Location}");
            }
            await SharingSeed.RevokeAsync(personApi, grantId);
            var revoked = await SendAsync(key, person.Id, api, browser);
            if (revoked.StatusCode != HttpStatusCode.NotFound || await LeaksAsync(revoked))
            {
                failures.Add($"{key} a moment after revocation: {(int)revoked.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task GrantWithEveryScopeButTheRows_Is404()
    {
        await using var app = TestApp.Create();
        var (person, _) = await ClientAsync(app);
        var failures = new List<string>();

        foreach (var group in ClientRows.Where(k => ClientScopes[k] != GrantScope.None).GroupBy(k => ClientScopes[k]))
        {
            var therapist = await app.CreateTherapistAsync();
            await SharingSeed.GrantAsync(app, person, therapist, GrantScope.All & ~group.Key);
            using var api = await app.ApiClientAsync(therapist);
            using var browser = await app.SignedInBrowserAsync(therapist);
            foreach (var key in group)
            {
                var response = await SendAsync(key, person.Id, api, browser);
                if (response.StatusCode != HttpStatusCode.NotFound || await LeaksAsync(response))
                {
                    failures.Add($"{key} without {group.Key}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task AnotherTherapistWithNoGrant_Gets404_OnEveryClientRow()
    {
        await using var app = TestApp.Create();
        var (person, _) = await ClientAsync(app);
        await SharingSeed.GrantAsync(app, person, await app.CreateTherapistAsync(), GrantScope.All);
        var other = await app.CreateTherapistAsync();
        using var api = await app.ApiClientAsync(other);
        using var browser = await app.SignedInBrowserAsync(other);
        var failures = new List<string>();

        foreach (var key in ClientRows)
        {
            var response = await SendAsync(key, person.Id, api, browser);
            if (response.StatusCode != HttpStatusCode.NotFound || await LeaksAsync(response))
            {
                failures.Add($"{key}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Person_Gets403OrTheDeniedPage_OnEveryTherapistAndClientRow()
    {
        await using var app = TestApp.Create();
        // The client themself: their own id in the URL changes nothing.
        var (person, personApi) = await ClientAsync(app);
        using var browser = await app.SignedInBrowserAsync(person);
        var failures = new List<string>();

        foreach (var (key, access) in Matrix.Where(kv => kv.Value is Access.TherapistApi or Access.TherapistPage or Access.ClientApi or Access.ClientPage))
        {
            var response = await SendAsync(key, person.Id, personApi, browser);
            var ok = access is Access.TherapistApi or Access.ClientApi ? response.StatusCode == HttpStatusCode.Forbidden : IsDenied(response);
            if (!ok || await LeaksAsync(response))
            {
                failures.Add($"{key}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task TherapistWithALiveGrant_Gets403OrTheDeniedPage_OnEveryPersonRow()
    {
        await using var app = TestApp.Create();
        var (person, personApi) = await ClientAsync(app);
        var therapist = await app.CreateTherapistAsync();
        await SharingSeed.GrantAsync(app, person, therapist, GrantScope.All);
        using var api = await app.ApiClientAsync(therapist);
        using var browser = await app.SignedInBrowserAsync(therapist);
        // A real record of the client's, so a leak through an owned endpoint would show.
        var checkIn = (await (await personApi.GetAsync("/api/v1/journal")).ReadAsync())["items"]![0]!["id"]!.GetValue<string>();
        var failures = new List<string>();

        foreach (var (key, access) in Matrix.Where(kv => kv.Value is Access.Api or Access.ApiOwned or Access.Page or Access.PageOwned))
        {
            var response = await SendAsync(key, Guid.Parse(checkIn), api, browser);
            var ok = AnyAccountRows.Contains(key) ? response.StatusCode == HttpStatusCode.OK
                : access is Access.Api or Access.ApiOwned ? response.StatusCode == HttpStatusCode.Forbidden
                : IsDenied(response);
            if (!ok || await LeaksAsync(response))
            {
                failures.Add($"{key}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>A Person with a journal note, a red flag, a treatment with a note and a score (the canary is in the notes).</summary>
    private static async Task<(ReliefUser Person, HttpClient Api)> ClientAsync(TestApp app)
    {
        var person = await app.CreatePersonAsync();
        var api = await app.ApiClientAsync(person);
        await SharingApiTests.SeedHealthAsync(api);
        return (person, api);
    }

    /// <summary>An API row through the bearer client (POST and PUT with an empty body); a page row through the browser.</summary>
    private static async Task<HttpResponseMessage> SendAsync(string key, Guid id, HttpClient api, BrowserClient browser)
    {
        var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
        var url = Fill(key[(method.Length + 1)..], id);
        if (method == "PAGE")
        {
            return await browser.GetAsync(url);
        }
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = Json.Raw("{}");
        }
        return await api.SendAsync(request);
    }

    private static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true;

    private static bool HasOtherParameters(string key) =>
        ParameterRegex().Matches(key).Any(m => !m.Value.Equals("{clientId:guid}", StringComparison.OrdinalIgnoreCase));

    private static async Task<bool> LeaksAsync(HttpResponseMessage response) =>
        (await response.Content.ReadAsStringAsync()).Contains(Canary, StringComparison.Ordinal);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterRegex();
}

using System.Net;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Sharing;

/// <summary>Builders for sharing: invites and grants made through the API, as people make them.</summary>
public static class SharingSeed
{
    public static async Task<(Guid Id, string Code)> InviteAsync(HttpClient personApi, GrantScope scopes)
    {
        var response = await personApi.PostJsonAsync("/api/v1/sharing/invites", new { scopes = GrantScopes.Names(scopes) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadAsync();
        return (Guid.Parse((string)body["id"]!), (string)body["code"]!);
    }

    /// <summary>The Person invites, the Therapist joins: returns the Grant's id.</summary>
    public static async Task<Guid> GrantAsync(TestApp app, ReliefUser person, ReliefUser therapist, GrantScope scopes)
    {
        using var personApi = await app.ApiClientAsync(person);
        using var therapistApi = await app.ApiClientAsync(therapist);
        var (_, code) = await InviteAsync(personApi, scopes);
        var joined = await therapistApi.PostJsonAsync("/api/v1/clients/join", new { code });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        return Guid.Parse((string)(await joined.ReadAsync())["grantId"]!);
    }

    public static async Task RevokeAsync(HttpClient personApi, Guid grantId)
    {
        var response = await personApi.PostAsync(new Uri($"/api/v1/sharing/grants/{grantId}/revoke", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

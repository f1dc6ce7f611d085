using System.Net;
using System.Text.RegularExpressions;

namespace SciaticaRelief.Web.Tests.Infrastructure;

/// <summary>
/// An HttpClient that behaves like a browser for server-rendered forms: it reads the antiforgery
/// token and the form's handler name from the page and posts them back with the fields.
/// </summary>
public sealed partial class BrowserClient(HttpClient client) : IDisposable
{
    public HttpClient Http => client;

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<string> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="url"/>, then posts the form named <paramref name="formName"/> with the given fields.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string url, string formName, Dictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? repeated = null, string? postUrl = null)
    {
        var page = await GetPageAsync(url);
        var token = TokenOf(page);
        var pairs = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("_handler", formName),
        };
        pairs.AddRange(HiddenFields(page, formName).Where(kv => !fields.ContainsKey(kv.Key) && kv.Key is not "__RequestVerificationToken" and not "_handler"));
        pairs.AddRange(fields);
        pairs.AddRange(repeated ?? []);
        return await client.PostAsync(new Uri(postUrl ?? url, UriKind.Relative), new FormUrlEncodedContent(pairs));
    }

    public static string TokenOf(string page)
    {
        var match = TokenRegex().Match(page);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Hidden inputs of the form whose _handler is <paramref name="formName"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> HiddenFields(string page, string formName)
    {
        foreach (Match form in FormRegex().Matches(page))
        {
            var body = form.Value;
            if (!body.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (Match input in HiddenRegex().Matches(body))
            {
                yield return new(WebUtility.HtmlDecode(input.Groups[1].Value), WebUtility.HtmlDecode(input.Groups[2].Value));
            }
        }
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" (?:type=\"hidden\" )?value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("<form[\\s\\S]*?</form>")]
    private static partial Regex FormRegex();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenRegex();
}

using System.Net;
using SciaticaRelief.Web.Tests.Exports;
using SciaticaRelief.Web.Tests.Infrastructure;
using SciaticaRelief.Web.Tests.Security;

namespace SciaticaRelief.Web.Tests.Conventions;

/// <summary>
/// Every page renders for a Person with data, on each database. SQLite answers a query at once, so a
/// page rendered before its data had loaded (a first render at its first await) never happened there;
/// PostgreSQL answers later, and such a page failed with a 500 only when served on it.
/// </summary>
public sealed class PageRenderTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryPage_ForAPersonWithData_RendersOnEachDatabase(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        var person = await ExportTests.SeedAsync(app);
        using var browser = await app.SignedInBrowserAsync(person);
        var failures = new List<string>();

        foreach (var pattern in AccessMatrixTests.EndpointsOf(app).Where(k => k.StartsWith("PAGE ", StringComparison.Ordinal)).Select(k => k[5..]))
        {
            await RenderAsync(browser, AccessMatrixTests.Fill(pattern, Guid.NewGuid()), failures);
        }
        // The pages with the most on them, with the Person's own rows.
        foreach (var url in new[] { "/", "/?days=365", "/insights", "/insights?days=365", "/journal", "/treatments", "/plan", "/reports/print", "/questionnaires" })
        {
            await RenderAsync(browser, url, failures);
        }

        Assert.True(failures.Count == 0, $"{provider}:\n{string.Join("\n", failures)}");
        Assert.DoesNotContain(app.Logs, l => l.Contains("second operation was started on this context", StringComparison.Ordinal));
    }

    private static async Task RenderAsync(BrowserClient browser, string url, List<string> failures)
    {
        try
        {
            var response = await browser.GetAsync(url);
            await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{url}: {(int)response.StatusCode}");
            }
        }
        catch (HttpRequestException e)
        {
            failures.Add($"{url}: {e.InnerException?.InnerException?.Message ?? e.Message}");
        }
    }
}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Recommendations;

/// <summary>
/// Every endpoint and page that suggests care (marked <see cref="SuggestsCareAttribute"/>), found in
/// the app's endpoint list, answers only the advice to seek care after an Emergency or an Urgent
/// check-in, and suggests again once the alarm is cleared (a clean check-in and a clinician review).
/// </summary>
public sealed partial class SuggestsCareGateTests
{
    private sealed record Marked(string Pattern, bool IsPage);

    private static List<Marked> MarkedEndpoints(TestApp app)
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<SuggestsCareAttribute>() is not null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => new Marked(e.RoutePattern.RawText ?? "", e.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata")))
            .DistinctBy(m => m.Pattern)
            .OrderBy(m => m.Pattern, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A generic request: each route value filled by its constraint (a guid, a number, or a word).</summary>
    private static string Fill(string pattern) => RouteValue().Replace(pattern, m =>
    {
        var constraint = m.Groups["constraint"].Value;
        return constraint.Contains("guid", StringComparison.OrdinalIgnoreCase) ? Guid.CreateVersion7().ToString()
            : constraint.Contains("int", StringComparison.OrdinalIgnoreCase) ? "1"
            : "x";
    });

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z0-9_]+)(?<constraint>(:[^}]+)?)\??\}")]
    private static partial Regex RouteValue();

    private static async Task<List<string>> ProblemsAsync(TestApp app, HttpClient api, SciaticaRelief.Data.Accounts.ReliefUser person, bool paused)
    {
        // A fresh sign-in each time: the fake clock moves past the cookie's 30 minutes between checks.
        using var browser = await app.SignedInBrowserAsync(person);
        var problems = new List<string>();
        foreach (var e in MarkedEndpoints(app))
        {
            var url = Fill(e.Pattern);
            var response = e.IsPage ? await browser.GetAsync(url) : await api.GetAsync(new Uri(url, UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                problems.Add($"{url}: {(int)response.StatusCode}");
                continue;
            }
            if (e.IsPage)
            {
                var main = MainOf(text);
                var onlyAdvice = response.StatusCode == HttpStatusCode.OK && main.Contains("data-seek-care-only", StringComparison.Ordinal)
                    && Regex.Count(main, "<h1") == 1 && !main.Contains("<form", StringComparison.Ordinal);
                if (paused != onlyAdvice)
                {
                    problems.Add($"{url} (page): expected {(paused ? "only the advice to seek care" : "the page itself")}, got {(int)response.StatusCode}");
                }
            }
            else
            {
                var body = response.Content.Headers.ContentType?.MediaType == "application/json" ? System.Text.Json.Nodes.JsonNode.Parse(text) : null;
                var onlyAdvice = response.StatusCode == HttpStatusCode.OK && body is System.Text.Json.Nodes.JsonObject o
                    && o["seekCareOnly"]?.GetValue<bool>() == true && o["advice"] is not null
                    && o.Select(kv => kv.Key).Order(StringComparer.Ordinal).SequenceEqual(["advice", "emergencyNumber", "level", "screen", "screenRequired", "seeDoctorToday", "seekCareOnly"]);
                if (paused != onlyAdvice)
                {
                    problems.Add($"{url} (API): expected {(paused ? "only the advice to seek care" : "suggestions")}, got {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
                }
            }
        }
        return problems;
    }

    private static string MainOf(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        return start < 0 || end < start ? "" : html[start..end];
    }

    [Fact]
    public async Task MarkedEndpoints_AfterEmergencyOrUrgent_AnswerOnlyTheAdviceToSeekCare_UntilCleared()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        var marked = MarkedEndpoints(app);
        Assert.True(marked.Count > 0, "No endpoint carries [SuggestsCare]: the gate has nothing to guard.");
        Assert.Contains(marked, m => m.Pattern == "/api/v1/recommendations");
        Assert.Contains(marked, m => m.Pattern == "/recommendations");

        Assert.Empty(await ProblemsAsync(app, api, person, paused: false));

        async Task ClearAsync()
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            var clean = await api.PostJsonAsync("/api/v1/journal", Json.CheckIn());
            Assert.Equal(HttpStatusCode.Created, clean.StatusCode);
            var seen = app.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            app.Clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync("/api/v1/triage/clinician-reviews", new { seenAt = seen })).StatusCode);
        }

        var emergency = await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(redFlags: new() { ["both-legs"] = "yes" }));
        Assert.Equal("emergency", (string)(await emergency.ReadAsync())["triage"]!["level"]!);
        var afterEmergency = await ProblemsAsync(app, api, person, paused: true);
        Assert.True(afterEmergency.Count == 0, "After an Emergency check-in:\n" + string.Join("\n", afterEmergency));
        var advice = await (await api.GetAsync("/api/v1/recommendations")).ReadAsync();
        Assert.Equal("emergency", (string)advice["level"]!);
        Assert.Contains("999", (string)advice["advice"]!["headline"]!, StringComparison.Ordinal);

        await ClearAsync();
        var afterClearing = await ProblemsAsync(app, api, person, paused: false);
        Assert.True(afterClearing.Count == 0, "After clearance:\n" + string.Join("\n", afterClearing));

        app.Clock.Advance(TimeSpan.FromHours(1));
        var urgent = await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(redFlags: new() { ["leg-weakness"] = "yes" }));
        Assert.Equal("urgent", (string)(await urgent.ReadAsync())["triage"]!["level"]!);
        var afterUrgent = await ProblemsAsync(app, api, person, paused: true);
        Assert.True(afterUrgent.Count == 0, "After an Urgent check-in:\n" + string.Join("\n", afterUrgent));

        await ClearAsync();
        Assert.Empty(await ProblemsAsync(app, api, person, paused: false));
    }

    [Fact]
    public async Task Dashboard_WhilePaused_HidesSuggestedForYou()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        using var browser = await app.SignedInBrowserAsync(person);

        var before = await browser.GetPageAsync("/");
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(redFlags: new() { ["leg-weakness"] = "yes" }));
        var after = await browser.GetPageAsync("/");

        Assert.Contains("data-suggested", before, StringComparison.Ordinal);
        Assert.DoesNotContain("data-suggested", after, StringComparison.Ordinal);
        Assert.Contains("See a doctor", after, StringComparison.Ordinal);
    }
}

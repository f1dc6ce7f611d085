using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SciaticaRelief.Browser.Tests;

/// <summary>The one axe-core scan every page and journey passes: WCAG 2.2 AA and best practice, no serious or critical violation.</summary>
internal static class AxeScan
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    /// <summary>Each serious or critical violation on the page as it is now, with the first nodes it names.</summary>
    public static async Task<List<string>> ProblemsAsync(IPage page)
    {
        var result = await page.RunAxe(Options);
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")];
    }

    public static async Task AssertCleanAsync(IPage page)
    {
        var problems = await ProblemsAsync(page);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

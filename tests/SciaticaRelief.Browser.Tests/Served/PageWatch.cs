using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SciaticaRelief.Browser.Tests.Served;

/// <summary>
/// Watches one phone-sized page through a journey and checks every page it lands on as a person
/// would meet it: no console error, no failed request, the stylesheet applied, nothing wider than
/// the screen, no serious or critical axe finding, and no internal reference in the visible text.
/// Every asset the pages link is collected for <see cref="AssetCheck"/>.
/// </summary>
internal sealed partial class PageWatch
{
    /// <summary>The phone the issue names: 390 × 844 CSS pixels.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly ConcurrentQueue<string> _events = new();

    public IPage Page { get; }

    /// <summary>Every problem found so far, one line each; the journey asserts it is empty at the end.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Every same-origin asset any checked page linked.</summary>
    public HashSet<string> Assets { get; } = new(StringComparer.Ordinal);

    /// <summary>The paths checked, in order.</summary>
    public List<string> Checked { get; } = [];

    private readonly bool _script;

    private PageWatch(IPage page, bool script)
    {
        Page = page;
        _script = script;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _events.Enqueue($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => _events.Enqueue($"script error: {error}");
        page.RequestFailed += (_, request) =>
        {
            // A navigation that a form post or a click replaced is not a failure of the app.
            if (request.Failure is not "net::ERR_ABORTED")
            {
                _events.Enqueue($"request failed: {request.Method} {request.Url} ({request.Failure})");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType is "stylesheet" or "script" or "image" or "font" or "fetch" or "xhr")
            {
                _events.Enqueue($"{response.Status} for {response.Request.ResourceType} {response.Url}");
            }
        };
    }

    /// <summary>A new context like a phone's: 390 × 844, touch, en-GB, in London.</summary>
    public static async Task<PageWatch> OpenAsync(IBrowser browser, string baseUrl, string locale = "en-GB", string timeZone = "Europe/London",
        bool javaScript = true)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = Phone,
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 3,
            Locale = locale,
            TimezoneId = timeZone,
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return new PageWatch(await context.NewPageAsync(), javaScript);
    }

    /// <summary>Goes to <paramref name="path"/> and checks the page.</summary>
    public async Task VisitAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        if (response is { Status: >= 400 })
        {
            Problems.Add($"{path}: answered {response.Status}");
        }
        await CheckAsync();
    }

    /// <summary>Checks the page as it is now (after a click or a form post landed somewhere).</summary>
    public async Task CheckAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var where = new Uri(Page.Url).PathAndQuery;
        Checked.Add(where);
        while (_events.TryDequeue(out var e))
        {
            Problems.Add($"{where}: {e}");
        }

        if (!_script)
        {
            // Page.EvaluateAsync never returns where scripts are off: read what the DOM holds instead
            // (layout, styles and axe were checked on the same pages with scripts on).
            foreach (var leak in InternalReferences(await Page.Locator("body").InnerTextAsync()))
            {
                Problems.Add($"{where}: shows an internal reference '{leak}'");
            }
            return;
        }
        var facts = await Page.EvaluateAsync<PageFacts>("""
            () => ({
              styled: document.styleSheets.length > 0 && getComputedStyle(document.body).marginTop === '0px',
              scrollWidth: document.documentElement.scrollWidth,
              clientWidth: document.documentElement.clientWidth,
              widest: [...document.querySelectorAll('main *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right)),
              // Secrets shown to copy (invite codes, access tokens) are random text, not references.
              text: [...document.querySelectorAll('.token')].reduce((t, e) => t.split(e.innerText).join(''), document.body.innerText),
            })
            """);
        if (!facts.Styled)
        {
            Problems.Add($"{where}: the stylesheet is not applied (body keeps the browser's default margin)");
        }
        if (facts.ScrollWidth > facts.ClientWidth)
        {
            Problems.Add($"{where}: wider than the screen ({facts.ScrollWidth} > {facts.ClientWidth} px): {string.Join(", ", facts.Widest)}");
        }
        foreach (var leak in InternalReferences(facts.Text))
        {
            Problems.Add($"{where}: shows an internal reference '{leak}'");
        }
        Problems.AddRange(await AxeScan.ProblemsAsync(Page));
        foreach (var asset in AssetCheck.LinkedFrom(await Page.ContentAsync()))
        {
            Assets.Add(asset.StartsWith('/') ? asset : "/" + asset);
        }
    }

    /// <summary>File names, rule ids and template placeholders that a person should never read.</summary>
    public static IEnumerable<string> InternalReferences(string text) =>
        InternalReferencePattern().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal);

    // CLINICAL.md, app.css; R-NOT-IMPROVING, EAR-OVERDUE; group.Name, @item; {0}.
    [GeneratedRegex(@"\b[\w-]+\.(?:md|cs|razor|resx|json|ya?ml)\b|\b[A-Z]{1,6}(?:-[A-Z]{2,})+\b|\b[a-z]\w*\.[A-Z]\w+\b|(?<![\w.])@[A-Za-z]\w*|\{\d+\}")]
    private static partial Regex InternalReferencePattern();

    public void AssertClean()
    {
        Assert.True(Problems.Count == 0, $"{Problems.Count} problems on {Checked.Count} pages:\n{string.Join("\n", Problems)}");
    }

    private sealed class PageFacts
    {
        public bool Styled { get; set; }
        public int ScrollWidth { get; set; }
        public int ClientWidth { get; set; }
        public string[] Widest { get; set; } = [];
        public string Text { get; set; } = "";
    }
}

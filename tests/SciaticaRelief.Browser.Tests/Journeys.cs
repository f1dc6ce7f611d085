using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SciaticaRelief.Web.Startup;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests;

/// <summary>The user journeys of the foundation, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class Journeys(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Setup_OwnerFromTheSetupLink_OnboardsAndReachesTheDashboard()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var secret = app.Services.GetRequiredService<SetupLink>().Secret;
        Assert.NotNull(secret);
        var page = await browser.NewPageAsync(url);

        await page.GotoAsync($"/setup/{secret}");
        await page.FillAsync("#email", "owner@example.org");
        await page.FillAsync("#password", TestApp.Password);
        await page.SelectOptionAsync("#regionCode", "GB");
        await page.SelectOptionAsync("#timeZoneId", "Europe/London");
        await page.FillAsync("#birthYear", "1975");
        await page.ClickAsync("main button[type=submit]");

        await WaitForPathAsync(page, "/onboarding");
        await AnswerAllAsync(page, "no");
        await page.ClickAsync("main button[type=submit]");
        await WaitForPathAsync(page, "/triage/result/");
        Assert.Contains("No warning signs", await page.InnerTextAsync("#triage-heading"), StringComparison.Ordinal);

        await page.GotoAsync("/");
        Assert.Equal("Dashboard", await page.InnerTextAsync("h1"));
        Assert.True(await page.IsVisibleAsync("text=Admin"), "the owner is the administrator");

        await page.GotoAsync($"/setup/{secret}");
        Assert.Contains("has been used", await page.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task CheckIn_WithSaddleNumbness_ShowsTheEmergencyScreenAndHidesSelfCare()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync(region: "GB");
        var page = await browser.NewPageAsync(url);
        await SignInAsync(page, person.Email!);

        await page.GotoAsync("/checkin");
        await page.CheckAsync("#painNow-7", new() { Force = true });
        await AnswerAllAsync(page, "no");
        await page.CheckAsync("#rf-saddle-numbness-yes");
        await page.ClickAsync("main button[type=submit]");

        await WaitForPathAsync(page, "/triage/result/");
        var heading = await page.InnerTextAsync("#triage-heading");
        Assert.Contains("Get emergency care now", heading, StringComparison.Ordinal);
        Assert.Contains("999", await page.InnerTextAsync(".emergency-number"), StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", await page.InnerTextAsync(".caveat"), StringComparison.Ordinal);

        await page.GotoAsync("/");
        Assert.True(await page.IsVisibleAsync(".triage-emergency"));
        Assert.Equal(0, await page.Locator("[data-self-care]").CountAsync());
    }

    [BrowserFact]
    public async Task CheckIn_ByMouse_AppearsOnTheDashboard()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        var page = await browser.NewPageAsync(url);
        await SignInAsync(page, person.Email!);

        await page.GotoAsync("/checkin");
        await page.CheckAsync("#painNow-6", new() { Force = true });
        await page.ClickAsync("[data-area='calf:left']");
        Assert.True(await page.IsCheckedAsync("#area-calf-left"), "clicking the figure marks the area");
        await page.CheckAsync("#quality-Tingling");
        await page.FillAsync("#notes", "<b>not bold</b>");
        await AnswerAllAsync(page, "no");
        await page.ClickAsync("main button[type=submit]");

        await WaitForPathAsync(page, "/?saved=");
        Assert.Contains("Check-in saved", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.ClickAsync("text=Show the numbers");
        var row = await page.InnerTextAsync(".numbers tbody tr");
        Assert.Contains("25 Nov 2026", row, StringComparison.Ordinal);
        Assert.Contains("6", row, StringComparison.Ordinal);
        Assert.Contains("Below the knee", row, StringComparison.Ordinal);

        await page.GotoAsync("/journal");
        Assert.Contains("<b>not bold</b>", await page.InnerTextAsync(".entry-notes"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".entry-notes b").CountAsync());
        await ScreenshotAsync(page, "journal");
    }

    [BrowserFact]
    public async Task CheckIn_ByKeyboardAlone_IsSaved()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        var page = await browser.NewPageAsync(url);
        await SignInAsync(page, person.Email!);
        await page.GotoAsync("/checkin");

        var painSet = false;
        for (var i = 0; i < 200; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var (id, name, type) = await FocusedAsync(page);
            if (name == "painNow" && !painSet)
            {
                for (var k = 0; k < 4; k++)
                {
                    await page.Keyboard.PressAsync("ArrowRight");
                }
                painSet = true;
            }
            else if (id == "area-foot-right" || (id is null && await page.EvaluateAsync<string?>("document.activeElement.dataset.area") == "foot:right"))
            {
                await page.Keyboard.PressAsync("Space");
            }
            else if (name is not null && name.StartsWith("rf-", StringComparison.Ordinal) && id!.EndsWith("-yes", StringComparison.Ordinal))
            {
                await page.Keyboard.PressAsync("ArrowRight"); // moves to "no" and selects it
            }
            else if (type == "submit" && await page.EvaluateAsync<bool>("!!document.activeElement.closest('main')"))
            {
                await page.Keyboard.PressAsync("Enter");
                break;
            }
        }

        await WaitForPathAsync(page, "/?saved=");
        await page.GotoAsync("/journal");
        Assert.Contains("4/10", await page.InnerTextAsync(".entries"), StringComparison.Ordinal);
        Assert.Contains("Right foot", await page.InnerTextAsync(".entries"), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Waits for a URL containing <paramref name="fragment"/>; on a timeout, shows what the page said instead.</summary>
    internal static async Task WaitForPathAsync(IPage page, string fragment)
    {
        try
        {
            await page.WaitForURLAsync(u => u.Contains(fragment, StringComparison.Ordinal), new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var html = await page.ContentAsync();
            Assert.Fail($"Expected a page at {fragment}; stayed at {page.Url}: {html[..Math.Min(html.Length, 4000)]}");
        }
    }

    [BrowserFact]
    public async Task Dashboard_WithAMonthOfCheckIns_DrawsADotADayAndTheTrend()
    {
        await using var app = TestApp.Create();
        var url = BrowserFixture.Serve(app);
        var person = await app.CreatePersonAsync();
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SciaticaRelief.Data.ReliefDbContext>();
            for (var day = 29; day >= 0; day--)
            {
                var at = TestApp.Start.UtcDateTime.AddDays(-day).AddHours(-3);
                var pain = 7 - (int)Math.Round(4.0 * (29 - day) / 29) + (day % 3 == 0 ? 1 : 0);
                db.CheckIns.Add(new SciaticaRelief.Core.Journal.CheckIn
                {
                    PersonId = person.Id, Id = Guid.CreateVersion7(), OccurredAtUtc = at, TimeZoneId = "Europe/London",
                    PainNow = pain, BodyAreas = day > 15 ? 0b11_0000_0000 : 0b1_0000, Radiation = day > 15 ? SciaticaRelief.Core.Journal.Radiation.Foot : SciaticaRelief.Core.Journal.Radiation.Thigh,
                    CreatedAtUtc = at, UpdatedAtUtc = at, Version = 1,
                });
            }
            return await db.SaveChangesAsync();
        });
        var page = await browser.NewPageAsync(url);
        await SignInAsync(page, person.Email!);

        await page.GotoAsync("/?days=30");

        Assert.Equal(30, await page.Locator(".chart-svg circle.dot").CountAsync());
        Assert.Equal(1, await page.Locator(".chart-svg polyline.trend").CountAsync());
        Assert.Equal(30, await page.Locator(".chart-svg rect.bar").CountAsync());
        var description = await page.TextContentAsync("#pain-chart-desc");
        Assert.Contains("30 days with check-ins", description, StringComparison.Ordinal);
        await page.SetViewportSizeAsync(1100, 1400);
        await ScreenshotAsync(page, "dashboard");
    }

    internal static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", TestApp.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/signin", StringComparison.Ordinal));
    }

    internal static async Task AnswerAllAsync(IPage page, string answer)
    {
        foreach (var radio in await page.Locator($"input[type=radio][name^='rf-'][value='{answer}']").AllAsync())
        {
            await radio.CheckAsync();
        }
    }

    private static async Task<(string? Id, string? Name, string? Type)> FocusedAsync(IPage page)
    {
        var values = await page.EvaluateAsync<string?[]>("[document.activeElement.id || null, document.activeElement.getAttribute('name'), document.activeElement.getAttribute('type')]");
        return (values[0], values[1], values[2]);
    }

    /// <summary>Saves a screenshot where RELIEF_SCREENSHOTS names a folder (used for the README).</summary>
    internal static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("RELIEF_SCREENSHOTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
        }
    }
}

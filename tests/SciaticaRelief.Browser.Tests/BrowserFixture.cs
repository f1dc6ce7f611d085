using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests;

/// <summary>
/// One headless Debian Chromium for the whole run (never a downloaded browser); each test gets a
/// fresh app on a real port and a fresh browser context.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string RequireVariable = "RELIEF_REQUIRE_BROWSER";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public static bool Available => File.Exists(ChromiumPath);

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            {
                throw new InvalidOperationException($"{RequireVariable}=1 but {ChromiumPath} is missing: install Debian's chromium.");
            }
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }

    /// <summary>Starts the app on Kestrel at a free port and returns its base address.</summary>
    public static string Serve(TestApp app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
    }

    public async Task<IPage> NewPageAsync(string baseUrl)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 412, Height = 915 } });
        // The suites run side by side on two shared cores: a sign-in (PBKDF2 plus a page) can take
        // longer than Playwright's 30 s default there. A wait still fails, just not on a busy machine.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>A browser test: skipped, saying why, where Chromium is missing and the suite is not required.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserFixture.Available && Environment.GetEnvironmentVariable(BrowserFixture.RequireVariable) != "1")
        {
            Skip = $"Browser tests skipped: {BrowserFixture.ChromiumPath} is missing (apt-get install chromium; CI does).";
        }
    }
}

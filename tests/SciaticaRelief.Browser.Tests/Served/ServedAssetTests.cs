using System.Diagnostics;
using System.Text.RegularExpressions;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Browser.Tests.Served;

/// <summary>
/// The app's pages and every stylesheet and script they link arrive whole however the app is
/// started: the README's command, <c>dotnet run</c> in another environment, a published build and the
/// test host. These start real processes, so they share the browser collection (one at a time).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ServedAssetTests
{
    private static readonly string[] AnonymousPages = ["/", "/account/signin", "/no-such-page"];

    [Fact(Timeout = 600_000)]
    public async Task ReadmeFirstCommand_RunLiterally_ServesTheLandingPageWithWholeAssets()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(ServedApp.RepositoryRoot, "README.md"));
        var command = FirstCommandPattern().Match(readme).Groups[1].Value.Trim();
        Assert.StartsWith("dotnet run --project ", command, StringComparison.Ordinal);

        await using var app = await ServedApp.RunCommandLineAsync(command);

        Assert.Contains("Database:  SQLite at " + app.DataFolder, app.Output, StringComparison.Ordinal);
        var setup = await app.SetupLinkAsync();
        using var client = app.NewRawClient();
        var landing = await client.GetStringAsync("");
        Assert.Contains("data-setup-pending", landing, StringComparison.Ordinal);
        await AssertAssetsWholeAsync(client, [.. AnonymousPages, new Uri(setup).PathAndQuery], longCache: true);
    }

    [Theory(Timeout = 600_000)]
    [InlineData(null)]          // the launch profile's environment (Production)
    [InlineData("Development")]
    [InlineData("Staging")]
    public async Task DotnetRun_InAnyEnvironment_ServesWholeAssets(string? environment)
    {
        await using var app = await ServedApp.RunAsync(environment is null ? null : ["--environment", environment]);

        using var client = app.NewRawClient();
        // Development re-reads wwwroot on each request and so sends no-cache; elsewhere the names with a
        // content hash are cached for a year.
        await AssertAssetsWholeAsync(client, [.. AnonymousPages, new Uri(await app.SetupLinkAsync()).PathAndQuery],
            longCache: environment is not "Development");
    }

    [Fact(Timeout = 600_000)]
    public async Task PublishedBuild_ServesWholeAssetsCompressedAndCachedForAYear()
    {
        var folder = Path.Combine(Path.GetTempPath(), "relief-publish", Guid.NewGuid().ToString("N"));
        try
        {
            await PublishAsync(folder);
            Assert.False(File.Exists(Path.Combine(folder, "SciaticaRelief.Web.staticwebassets.runtime.json")), "a published app serves its own wwwroot");
            await using var app = await ServedApp.RunPublishedAsync(folder);

            using var client = app.NewRawClient();
            await AssertAssetsWholeAsync(client, AnonymousPages, longCache: true);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact(Timeout = 600_000)]
    public async Task TestHost_ServesWholeAssets()
    {
        await using var app = TestApp.Create();
        using var client = app.Server.CreateClient();

        await AssertAssetsWholeAsync(client, AnonymousPages, longCache: true);
    }

    private static async Task AssertAssetsWholeAsync(HttpClient client, string[] pages, bool longCache)
    {
        var assets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page.TrimStart('/'));
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode || page == "/no-such-page", $"{page}: {(int)response.StatusCode}");
            assets.UnionWith(AssetCheck.LinkedFrom(html));
        }
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));

        var problems = await AssetCheck.ProblemsAsync(client, assets, longCache);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task PublishAsync(string folder)
    {
        // The build the tests already made, published as a release would be (static assets compressed
        // with Brotli too, a publish manifest): no second compile.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ServedApp.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "publish", "src/SciaticaRelief.Web", "--no-build", "-c", ServedApp.Configuration, "-o", folder, "-nodeReuse:false" })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await output}\n{await errors}");
    }

    /// <summary>The first line of the README's first fenced block: the command that runs the app.</summary>
    [GeneratedRegex(@"```[a-z]*\n([^\n]+)\n")]
    private static partial Regex FirstCommandPattern();
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Cli;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Cli;

public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public JsonNode Json => JsonNode.Parse(Stdout)!;
}

/// <summary>
/// The app on Kestrel at a free port, a Person with a personal access token, and a config home of
/// the test's own, so `relief login` and the client commands run in-process against real HTTP.
/// </summary>
public sealed class CliServer : IAsyncDisposable
{
    private CliServer(TestApp app, string baseUrl, string configHome)
    {
        App = app;
        BaseUrl = baseUrl;
        ConfigHome = configHome;
    }

    public TestApp App { get; }
    public string BaseUrl { get; }
    public string ConfigHome { get; }
    public string ConfigFile => Path.Combine(ConfigHome, "relief", "config.json");
    public ReliefUser Person { get; private set; } = default!;
    public string Token { get; private set; } = "";

    public static async Task<CliServer> StartAsync()
    {
        var app = TestApp.Create();
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        var home = Path.Combine(Path.GetTempPath(), "relief-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        var server = new CliServer(app, address, home);
        server.Person = await app.CreatePersonAsync();
        server.Token = await app.InScopeAsync(async sp => (await sp.GetRequiredService<AccountService>().CreateTokenAsync(server.Person.Id, "cli")).Secret);
        return server;
    }

    public async Task<CliRun> RunWithInputAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exitCode = await ReliefCli.RunAsync(args, input, output, error, new Dictionary<string, string?> { ["Cli:ConfigHome"] = ConfigHome });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public async Task LoginAsync()
    {
        var run = await RunAsync("login", "--server", BaseUrl, "--token", Token);
        Assert.True(run.ExitCode == ReliefCli.Ok, run.Stderr);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        try
        {
            Directory.Delete(ConfigHome, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned anyway.
        }
    }
}

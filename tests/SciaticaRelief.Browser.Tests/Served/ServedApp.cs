using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SciaticaRelief.Browser.Tests.Served;

/// <summary>
/// The app as a person starts it: a child process (<c>dotnet run</c> of the built web project with its
/// launch profile, or a published build), on a free loopback port, with a data folder of its own. Not
/// WebApplicationFactory, not an in-process Kestrel: what this serves is what a browser meets.
/// </summary>
public sealed partial class ServedApp : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The folder that holds this instance's data (its XDG_DATA_HOME), removed on dispose.</summary>
    public string DataFolder { get; }

    /// <summary>The address the app printed ("Open: ...").</summary>
    public string BaseUrl { get; private set; } = "";

    private readonly TaskCompletionSource<string> _setup = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The one-time setup link the app prints on an empty install (waits for the banner to print it).</summary>
    public Task<string> SetupLinkAsync() => _setup.Task.WaitAsync(TimeSpan.FromSeconds(30));

    private ServedApp(ProcessStartInfo start, string dataFolder)
    {
        DataFolder = dataFolder;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.Exited += (_, _) => _opened.TrySetException(new InvalidOperationException($"The app exited with code {_process.ExitCode} before it served:\n{Output}"));
    }

    /// <summary>Everything the process printed so far (console banner and log).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The repository root (the folder holding SciaticaRelief.sln), found from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The build configuration the tests were built in: the app is run from the same build.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>
    /// <c>dotnet run --no-build --project src/SciaticaRelief.Web</c> with its launch profile (Production), on
    /// a free port. <paramref name="appArguments"/> go to the app (e.g. <c>--environment Development</c>);
    /// <paramref name="environment"/> adds variables (e.g. a PostgreSQL connection).
    /// </summary>
    public static Task<ServedApp> RunAsync(IEnumerable<string>? appArguments = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        string[] arguments = ["run", "--no-build", "-c", Configuration, "--project", Path.Combine("src", "SciaticaRelief.Web"), "--",
            "--urls", "http://127.0.0.1:0", .. appArguments ?? []];
        return StartAsync("dotnet", arguments, RepositoryRoot, environment);
    }

    /// <summary>Runs a shell command line exactly as written (the README's), from the repository root.</summary>
    public static Task<ServedApp> RunCommandLineAsync(string commandLine) =>
        StartAsync("/bin/sh", ["-c", "exec " + commandLine], RepositoryRoot, null);

    /// <summary>A published build: <c>dotnet SciaticaRelief.Web.dll</c> from <paramref name="publishFolder"/>.</summary>
    public static Task<ServedApp> RunPublishedAsync(string publishFolder) =>
        StartAsync("dotnet", ["SciaticaRelief.Web.dll", "--urls", "http://127.0.0.1:0"], publishFolder, null);

    private static async Task<ServedApp> StartAsync(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment)
    {
        var data = Path.Combine(Path.GetTempPath(), "relief-served", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        // A fresh data folder (the SQLite file and nothing else lives there); the rest of the
        // machine (HOME, the NuGet cache) as the person who runs the tests has it.
        start.Environment["XDG_DATA_HOME"] = data;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // The test runner's own settings must not leak into the app.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        var app = new ServedApp(start, data);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            app.BaseUrl = await app._opened.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            var output = app.Output;
            await app.DisposeAsync();
            throw new TimeoutException($"The app did not print its address within {StartTimeout}:\n{output}");
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (SetupPattern().Match(line) is { Success: true } setup)
        {
            _setup.TrySetResult(setup.Groups[1].Value);
        }
        if (OpenPattern().Match(line) is { Success: true } open)
        {
            _opened.TrySetResult(open.Groups[1].Value.TrimEnd('/'));
        }
    }

    [GeneratedRegex(@"^\s*Open:\s+(\S+)")]
    private static partial Regex OpenPattern();

    [GeneratedRegex(@"^\s*Setup:\s+(\S+)")]
    private static partial Regex SetupPattern();

    /// <summary>Runs <paramref name="journey"/>; a failure carries the end of what the app printed (its log names the error).</summary>
    public async Task WithLogOnFailureAsync(Func<Task> journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        try
        {
            await journey();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var output = Output;
            var file = Path.Combine(Path.GetTempPath(), $"relief-served-{Guid.NewGuid():N}.log");
            await File.WriteAllTextAsync(file, output);
            // The first error the app logged usually names the cause; later ones are its consequences.
            var first = output.IndexOf("fail:", StringComparison.Ordinal);
            var excerpt = first < 0 ? output[Math.Max(0, output.Length - 4000)..] : output[first..Math.Min(output.Length, first + 4000)];
            throw new InvalidOperationException($"{e.Message}\n--- the app's first error (whole output in {file}) ---\n{excerpt}", e);
        }
    }

    /// <summary>A client that talks to this app as a browser's network stack would: no automatic decompression, no redirects followed.</summary>
    public HttpClient NewRawClient() =>
        new(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None, AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(BaseUrl + "/"),
            Timeout = TimeSpan.FromMinutes(2),
        };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // dotnet run starts the app as its child: stop the whole tree.
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // It never started.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the machine.
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SciaticaRelief.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No SciaticaRelief.sln above {AppContext.BaseDirectory}.");
    }
}

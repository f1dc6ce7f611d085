using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Cli;
using SciaticaRelief.Cli.Client;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Data;

namespace SciaticaRelief.Web.Tests.Cli;

/// <summary>The Person's `relief` commands against the app on a real port, run in-process.</summary>
public sealed class ClientCommandsTests
{
    [Fact]
    public async Task Login_GoodToken_StoresServerAndTokenReadableByTheOwnerOnly()
    {
        await using var cli = await CliServer.StartAsync();

        var run = await cli.RunAsync("login", "--server", cli.BaseUrl, "--token", cli.Token);

        Assert.Equal(ReliefCli.Ok, run.ExitCode);
        Assert.Contains(cli.Person.Email!, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(cli.Token, run.Stdout + run.Stderr, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(cli.ConfigFile);
        Assert.Contains(cli.Token, text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.ConfigFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(cli.ConfigFile)!));
        }
    }

    [Fact]
    public async Task Login_TokenOnStdin_IsReadWhenNotGiven()
    {
        await using var cli = await CliServer.StartAsync();

        var run = await cli.RunWithInputAsync(cli.Token + "\n", "login", "--server", cli.BaseUrl);

        Assert.Equal(ReliefCli.Ok, run.ExitCode);
        Assert.True(File.Exists(cli.ConfigFile));
    }

    [Fact]
    public async Task Login_WrongToken_Exit3_NothingStored()
    {
        await using var cli = await CliServer.StartAsync();

        var run = await cli.RunAsync("login", "--server", cli.BaseUrl, "--token", "srpat_not-a-real-token");

        Assert.Equal(ReliefCli.NotSignedIn, run.ExitCode);
        Assert.Contains("refused the token", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.ConfigFile));
    }

    [Fact]
    public async Task Commands_NotSignedIn_Exit3_RevokedTokenAlso3()
    {
        await using var cli = await CliServer.StartAsync();

        Assert.Equal(ReliefCli.NotSignedIn, (await cli.RunAsync("triage")).ExitCode);
        await cli.LoginAsync();
        await cli.App.InScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<SciaticaRelief.Data.Accounts.AccountService>();
            foreach (var t in await accounts.ListTokensAsync(cli.Person.Id))
            {
                await accounts.RevokeTokenAsync(cli.Person.Id, t.Id);
            }
            return 0;
        });
        var run = await cli.RunAsync("treatments", "list");
        Assert.Equal(ReliefCli.NotSignedIn, run.ExitCode);
        Assert.Contains("relief login", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_ForgetsTheStoredToken()
    {
        await using var cli = await CliServer.StartAsync();
        await cli.LoginAsync();

        Assert.Equal(ReliefCli.Ok, (await cli.RunAsync("logout")).ExitCode);

        Assert.False(File.Exists(cli.ConfigFile));
        Assert.Equal(ReliefCli.NotSignedIn, (await cli.RunAsync("triage")).ExitCode);
    }

    [Fact]
    public async Task Log_OneLine_CheckInExistsWithPlaceAndQuality_TriagePrinted()
    {
        await using var cli = await CliServer.StartAsync();
        await cli.LoginAsync();

        var run = await cli.RunAsync("log", "6", "--where", "left calf", "--quality", "tingling", "--notes", "after the drive", "--no-red-flags");

        Assert.True(run.ExitCode == ReliefCli.Ok, run.Stderr);
        Assert.Contains("self-care", run.Stdout, StringComparison.OrdinalIgnoreCase);
        var saved = await cli.App.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().CheckIns.IgnoreQueryFilters().SingleAsync(c => c.PersonId == cli.Person.Id));
        Assert.Equal(6, saved.PainNow);
        Assert.Equal([new BodyArea(BodyRegion.Calf, Side.Left)], BodyMap.FromBits(saved.BodyAreas));
        Assert.Equal(PainQuality.Tingling, saved.Qualities);
        Assert.Equal("after the drive", saved.Notes);
    }

    [Fact]
    public async Task Log_RedFlagsAskedOnStdin_SaddleNumbnessYes_EmergencyPrintedAndExit10()
    {
        await using var cli = await CliServer.StartAsync();
        await cli.LoginAsync();
        var questions = Core.Triage.RedFlagQuestions.ForCheckIn.Where(q => q.DependsOn is null && q.Id != "saddle-numbness").Count();

        var run = await cli.RunWithInputAsync("yes\n" + string.Concat(Enumerable.Repeat("no\n", questions)), "log", "7", "--where", "left thigh");

        Assert.Equal(ReliefCli.Emergency, run.ExitCode);
        Assert.Contains("EMERGENCY", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("saddle", run.Stderr, StringComparison.OrdinalIgnoreCase);
        var triage = await cli.RunAsync("triage", "--json");
        Assert.Equal(ReliefCli.Emergency, triage.ExitCode);
        Assert.Equal("emergency", (string)triage.Json["effective"]!);
    }

    [Fact]
    public async Task Log_RedFlagOptions_AnswerWithoutAsking_UnansweredNoInputIsAUsageError()
    {
        await using var cli = await CliServer.StartAsync();
        await cli.LoginAsync();

        var given = await cli.RunAsync("log", "4", "--where", "lower back", "--no-red-flags", "--red-flag", "night-pain=no", "--json");
        var contradiction = await cli.RunAsync("log", "4", "--where", "lower back", "--no-red-flags", "--red-flag", "night-pain=yes", "--json");
        var missing = await cli.RunAsync("log", "4", "--where", "lower back");
        var unknown = await cli.RunAsync("log", "4", "--red-flag", "pain-in-the-neck=yes", "--no-red-flags");

        Assert.True(given.ExitCode == ReliefCli.Ok, given.Stderr);
        Assert.Equal("no", (string)given.Json["triage"]!["answers"]!["saddle-numbness"]!);
        Assert.True((bool)given.Json["triage"]!["screened"]!);
        // "None of these" beside a yes: which is it? Refused, as on the web form and the API.
        Assert.Equal(ReliefCli.UsageError, contradiction.ExitCode);
        Assert.Contains("None of these", contradiction.Stderr, StringComparison.Ordinal);
        Assert.Equal(ReliefCli.UsageError, missing.ExitCode);
        Assert.Contains("--no-red-flags", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(ReliefCli.UsageError, unknown.ExitCode);
        Assert.Contains("saddle-numbness", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, await cli.App.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().CheckIns.IgnoreQueryFilters().CountAsync(c => c.PersonId == cli.Person.Id)));
    }

    [Theory]
    [InlineData(new[] { "log", "ten", "--no-red-flags" }, ReliefCli.UsageError, "ten")] // not a number: the parser refuses
    [InlineData(new[] { "log", "11", "--no-red-flags" }, ReliefCli.Refused, "painNow")] // a number the server refuses, naming the field
    [InlineData(new[] { "log", "5", "--where", "calf", "--no-red-flags" }, ReliefCli.UsageError, "Which side")] // no side: never guessed
    [InlineData(new[] { "log", "5", "--where", "left elbow", "--no-red-flags" }, ReliefCli.UsageError, "body map")] // not on the map
    [InlineData(new[] { "log", "5", "--quality", "itchy", "--no-red-flags" }, ReliefCli.UsageError, "tingling")] // lists the accepted words
    [InlineData(new[] { "treatments", "add", "--type", "swedish-massage", "--pain-before", "twelve" }, ReliefCli.UsageError, "twelve")]
    [InlineData(new[] { "treatments", "add", "--type", "no-such-therapy" }, ReliefCli.Refused, "modality")]
    public async Task BadInput_ExitCodeAndAMessage_NothingSaved(string[] args, int exitCode, string message)
    {
        await using var cli = await CliServer.StartAsync();
        await cli.LoginAsync();

        var run = await cli.RunAsync(args);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await cli.App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            return await db.CheckIns.IgnoreQueryFilters().CountAsync() + await db.Treatments.IgnoreQueryFilters().CountAsync();
        }));
    }

    [Fact]
    public async Task Triage_Json_ParsesWithTheEffectiveLevel()
    {
        await using var cli = await CliServer.StartAsync();
        await cli.LoginAsync();
        Assert.Equal(ReliefCli.Ok, (await cli.RunAsync("log", "3", "--where", "right buttock", "--no-red-flags")).ExitCode);

        var run = await cli.RunAsync("triage", "--json");

        Assert.Equal(ReliefCli.Ok, run.ExitCode);
        Assert.Equal("self-care", (string)run.Json["effective"]!);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task Treatments_AddThenList_HumanAndJson()
    {
        await using var cli = await CliServer.StartAsync();
        await cli.LoginAsync();

        var added = await cli.RunAsync("treatments", "add", "--type", "swedish-massage", "--minutes", "60", "--pain-before", "6", "--pain-after", "4", "--therapist", "Sam");
        var table = await cli.RunAsync("treatments", "list");
        var json = await cli.RunAsync("treatments", "list", "--json");

        Assert.True(added.ExitCode == ReliefCli.Ok, added.Stderr);
        Assert.Contains("pain 6 -> 4", added.Stdout, StringComparison.Ordinal);
        Assert.Equal(ReliefCli.Ok, table.ExitCode);
        Assert.Contains("Swedish", table.Stdout, StringComparison.OrdinalIgnoreCase);
        var item = Assert.Single(json.Json["items"]!.AsArray())!;
        Assert.Equal("swedish-massage", (string)item["modalityId"]!);
        Assert.Equal(60, (int)item["durationMinutes"]!);
        Assert.Equal("Sam", (string)item["therapist"]!);
    }

    [Fact]
    public async Task Commands_ServerDown_Exit6()
    {
        await using var cli = await CliServer.StartAsync();
        await cli.LoginAsync();
        // A port nothing listens on: bind one, note it, let it go.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await File.WriteAllTextAsync(cli.ConfigFile, $"{{\"server\":\"http://127.0.0.1:{port}/\",\"token\":\"{cli.Token}\"}}");

        var run = await cli.RunAsync("triage", "--json");

        Assert.Equal(ReliefCli.ServerError, run.ExitCode);
        Assert.Contains("Cannot reach", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Help_ListsTheExitCodes()
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();

        var code = await ReliefCli.RunAsync(["--help"], new StringReader(""), output, error);

        Assert.Equal(ReliefCli.Ok, code);
        Assert.Contains("10 the triage result is an EMERGENCY", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("login", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("left calf", "calf:left")] // the issue's own example
    [InlineData("Left Calf, right foot", "calf:left foot:right")] // several, any case
    [InlineData("both thighs and left foot", "thigh:both foot:left")] // "and" joins too; plurals
    [InlineData("lower back", "low-back:both")] // the back has no side to give
    [InlineData("r buttock", "buttock:right")] // short side
    public void ParseWhere_Words_BodyMapAreas(string text, string expected)
    {
        var (areas, error) = CheckInWords.ParseWhere(text);

        Assert.Null(error);
        Assert.Equal(expected, string.Join(' ', areas.Select(a => CheckInWords.Name(a.Region) + ":" + CheckInWords.Name(a.Side))));
    }

    [Theory]
    [InlineData("calf")] // a leg place without a side: guessing "both" would answer the both-legs red flag
    [InlineData("left elbow")] // not on the body map
    [InlineData("")] // nothing
    public void ParseWhere_NotUnderstood_AnError(string text) => Assert.NotNull(CheckInWords.ParseWhere(text).Error);

    [Theory]
    [InlineData("tingling", "tingling")]
    [InlineData("numb,pins and needles", "numbness tingling")] // everyday words
    [InlineData("ache, ACHING", "aching")] // one quality once
    public void ParseQualities_Words_ApiNames(string text, string expected)
    {
        var (qualities, error) = CheckInWords.ParseQualities([text]);

        Assert.Null(error);
        Assert.Equal(expected, string.Join(' ', qualities.Select(CheckInWords.Name)));
    }
}

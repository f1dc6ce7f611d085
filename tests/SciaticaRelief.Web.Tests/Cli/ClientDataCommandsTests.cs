using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Cli;
using SciaticaRelief.Data;

namespace SciaticaRelief.Web.Tests.Cli;

/// <summary>
/// `relief export`, `relief import` and `relief report` against the agreed routes, which other
/// helpers build (export, import, report): these fail on a branch without them and pass once merged.
/// </summary>
public sealed class ClientDataCommandsTests
{
    private static async Task<CliServer> WithACheckInAsync()
    {
        var cli = await CliServer.StartAsync();
        await cli.LoginAsync();
        var logged = await cli.RunAsync("log", "6", "--where", "left calf", "--quality", "tingling", "--notes", "after the drive", "--no-red-flags");
        Assert.True(logged.ExitCode == ReliefCli.Ok, logged.Stderr);
        return cli;
    }

    [Fact]
    public async Task ExportFhir_WritesABundleToTheFile()
    {
        await using var cli = await WithACheckInAsync();
        var file = Path.Combine(cli.ConfigHome, "me.fhir.json");

        var run = await cli.RunAsync("export", "--fhir", file);

        Assert.True(run.ExitCode == ReliefCli.Ok, run.Stderr);
        var bundle = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.Equal("Bundle", (string)bundle["resourceType"]!);
        Assert.Contains("72514-3", bundle.ToJsonString(), StringComparison.Ordinal);
        Assert.False(File.Exists(file + ".part"));
    }

    [Fact]
    public async Task ExportArchive_WritesAZip()
    {
        await using var cli = await WithACheckInAsync();
        var file = Path.Combine(cli.ConfigHome, "me.zip");

        var run = await cli.RunAsync("export", "--archive", file);

        Assert.True(run.ExitCode == ReliefCli.Ok, run.Stderr);
        using var zip = ZipFile.OpenRead(file);
        Assert.NotEmpty(zip.Entries);
    }

    [Fact]
    public async Task Export_NeitherOrBoth_UsageError()
    {
        await using var cli = await CliServer.StartAsync();
        await cli.LoginAsync();

        Assert.Equal(ReliefCli.UsageError, (await cli.RunAsync("export")).ExitCode);
        Assert.Equal(ReliefCli.UsageError, (await cli.RunAsync("export", "--fhir", "a", "--archive", "b")).ExitCode);
    }

    [Fact]
    public async Task ReportPdf_WritesAPdf_ReportJson_Parses()
    {
        await using var cli = await WithACheckInAsync();
        var file = Path.Combine(cli.ConfigHome, "report.pdf");

        var pdf = await cli.RunAsync("report", "--pdf", file, "--from", "2026-09-01", "--to", "2026-11-25");
        var json = await cli.RunAsync("report", "--json");

        Assert.True(pdf.ExitCode == ReliefCli.Ok, pdf.Stderr);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await File.ReadAllBytesAsync(file))[..4]));
        Assert.True(json.ExitCode == ReliefCli.Ok, json.Stderr);
        Assert.NotNull(json.Json);
    }

    [Fact]
    public async Task Import_GenericCsvPreviewThenWrite_ProgressOnStderr_ReimportAddsNothing()
    {
        await using var cli = await CliServer.StartAsync();
        await cli.LoginAsync();
        var file = Path.Combine(cli.ConfigHome, "diary.csv");
        await File.WriteAllTextAsync(file, "date,pain,notes\n2026-11-01,6,stiff\n2026-11-02,4,better\n");
        int Count() => cli.App.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().CheckIns.IgnoreQueryFilters().CountAsync(c => c.PersonId == cli.Person.Id)).GetAwaiter().GetResult();

        string[] mapping = ["--format", "generic-csv", "--map", "date=date", "--map", "pain=pain", "--map", "notes=notes"];
        var preview = await cli.RunAsync(["import", file, "--time-zone", "Europe/London", "--preview", "--json", .. mapping]);
        Assert.True(preview.ExitCode == ReliefCli.Ok, preview.Stderr);
        Assert.Equal(0, Count());

        var written = await cli.RunAsync(["import", file, "--time-zone", "Europe/London", .. mapping]);
        Assert.True(written.ExitCode == ReliefCli.Ok, written.Stderr);
        Assert.Contains("Imported 2", written.Stdout, StringComparison.Ordinal);
        Assert.Contains("100%", written.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Count());

        var again = await cli.RunAsync(["import", file, "--time-zone", "Europe/London", "--json", .. mapping]);
        Assert.Equal(0, (int)again.Json["imported"]!);
        Assert.Equal(2, Count());
    }

    [Fact]
    public async Task Import_BadFile_Exit4WithRowAndColumn_MissingFile_Exit2()
    {
        await using var cli = await CliServer.StartAsync();
        await cli.LoginAsync();
        var file = Path.Combine(cli.ConfigHome, "bad.csv");
        await File.WriteAllTextAsync(file, "date,pain\n31/02/2026,ten\n");

        var bad = await cli.RunAsync("import", file, "--format", "generic-csv", "--map", "date=date", "--map", "pain=pain");
        var missing = await cli.RunAsync("import", Path.Combine(cli.ConfigHome, "nope.csv"));

        Assert.Equal(ReliefCli.Refused, bad.ExitCode);
        Assert.Contains("pain", bad.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ReliefCli.UsageError, missing.ExitCode);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Cli;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Cli;

/// <summary>
/// `relief admin ...` run in-process (<see cref="ReliefCli.RunAsync"/>) against a SQLite file of
/// each test's own, then checked through Identity and the database as the web app sees them.
/// </summary>
public sealed class AdminCommandsTests
{
    private const string Passphrase = "a long passphrase here";
    private const string Email = "you@example.org";

    [Theory]
    [InlineData("\n")] // echo '...' |
    [InlineData("\r\n")] // a file saved on Windows
    [InlineData("")] // printf '%s' '...' |
    public async Task UserCreate_PasswordOnStdin_CreatesAPersonWhosePasswordVerifies(string lineEnd)
    {
        await using var cli = new CliDatabase();

        var run = await cli.RunAsync(Passphrase + lineEnd, "admin", "user", "create", "--email", Email, "--password-stdin");

        Assert.Equal(ReliefCli.Ok, run.ExitCode);
        Assert.Equal($"Created account {Email}.", run.Stdout.Trim());
        Assert.DoesNotContain(Passphrase, run.Stdout + run.Stderr, StringComparison.Ordinal);
        await cli.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ReliefUser>>();
            var user = await users.FindByEmailAsync(Email);
            Assert.NotNull(user);
            Assert.Equal(AccountKind.Person, user.Kind);
            Assert.False(user.IsAdministrator);
            Assert.True(await users.CheckPasswordAsync(user, Passphrase));
            Assert.True(await sp.GetRequiredService<ReliefDbContext>().Profiles.IgnoreQueryFilters().AnyAsync(p => p.PersonId == user.Id));
        });
    }

    [Fact]
    public async Task UserCreate_AdminOnAnEmptyInstall_CreatesTheAdministratorAndSaysSo()
    {
        await using var cli = new CliDatabase();

        var run = await cli.RunAsync(Passphrase + "\n", "admin", "user", "create", "--email", Email, "--password-stdin", "--admin");

        Assert.Equal(ReliefCli.Ok, run.ExitCode);
        Assert.Equal($"Created administrator account {Email} (the first account of this install).", run.Stdout.Trim());
        var admin = await cli.InScopeAsync(sp => sp.GetRequiredService<UserManager<ReliefUser>>().FindByEmailAsync(Email));
        Assert.True(admin!.IsAdministrator);
    }

    [Fact]
    public async Task UserCreate_FirstAccountWithoutAdmin_WarnsThatThereIsNoAdministrator()
    {
        await using var cli = new CliDatabase();

        var run = await cli.RunAsync(Passphrase + "\n", "admin", "user", "create", "--email", Email, "--password-stdin");

        Assert.Equal(ReliefCli.Ok, run.ExitCode);
        Assert.Contains("not an administrator", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password123", "most common")] // on the common-passwords list
    [InlineData("short", "at least 8 characters")] // under the minimum length
    [InlineData("abcdefghij", "counts through")] // a sequence
    public async Task UserCreate_WeakPassword_Exits1WithTheRuleAndCreatesNothing(string password, string message)
    {
        await using var cli = new CliDatabase();

        var run = await cli.RunAsync(password + "\n", "admin", "user", "create", "--email", Email, "--password-stdin");

        Assert.Equal(ReliefCli.Failed, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.False(await cli.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Users.AnyAsync()));
    }

    [Fact]
    public async Task UserCreate_WithoutPasswordStdin_RefusesWithAMessageAndReadsNothing()
    {
        await using var cli = new CliDatabase();

        var run = await cli.RunAsync(Passphrase + "\n", "admin", "user", "create", "--email", Email);

        Assert.Equal(ReliefCli.UsageError, run.ExitCode);
        Assert.Contains("--password-stdin", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.FilePath), "a refused command should not even open the database");
    }

    [Fact]
    public async Task UserCreate_PasswordAsAnArgument_IsRefusedWithoutEchoingIt()
    {
        await using var cli = new CliDatabase();

        var run = await cli.RunAsync("", "admin", "user", "create", "--email", Email, "--password", "hunter2hunter2");

        Assert.Equal(ReliefCli.UsageError, run.ExitCode);
        Assert.Contains("shell history", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2hunter2", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserCreate_EmptyStdin_Exits1()
    {
        await using var cli = new CliDatabase();

        var run = await cli.RunAsync("", "admin", "user", "create", "--email", Email, "--password-stdin");

        Assert.Equal(ReliefCli.Failed, run.ExitCode);
        Assert.Contains("No password on stdin", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Email)] // the same address
    [InlineData("YOU@Example.org")] // emails are compared case-insensitively
    public async Task UserCreate_DuplicateEmail_Exits1AndKeepsTheFirstAccount(string again)
    {
        await using var cli = new CliDatabase();
        await cli.CreateUserAsync(Email, Passphrase);

        var run = await cli.RunAsync("another long passphrase\n", "admin", "user", "create", "--email", again, "--password-stdin");

        Assert.Equal(ReliefCli.Failed, run.ExitCode);
        Assert.Contains("already exists", run.Stderr, StringComparison.Ordinal);
        await cli.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ReliefUser>>();
            Assert.Equal(1, await users.Users.CountAsync());
            Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(Email))!, Passphrase));
        });
    }

    [Fact]
    public async Task ResetPassword_LockedOutAccount_SetsTheNewPasswordAndLiftsTheLockout()
    {
        await using var cli = new CliDatabase();
        await cli.CreateUserAsync(Email, Passphrase);
        await cli.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ReliefUser>>();
            var user = (await users.FindByEmailAsync(Email))!;
            await users.AccessFailedAsync(user);
            await users.SetLockoutEndDateAsync(user, new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero));
            Assert.True(await users.IsLockedOutAsync(user));
        });

        var run = await cli.RunAsync("a brand new passphrase\n", "admin", "user", "reset-password", "--email", Email, "--password-stdin");

        Assert.Equal(ReliefCli.Ok, run.ExitCode);
        Assert.Contains(Email, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("a brand new passphrase", run.Stdout + run.Stderr, StringComparison.Ordinal);
        await cli.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ReliefUser>>();
            var user = (await users.FindByEmailAsync(Email))!;
            Assert.True(await users.CheckPasswordAsync(user, "a brand new passphrase"));
            Assert.False(await users.CheckPasswordAsync(user, Passphrase));
            Assert.False(await users.IsLockedOutAsync(user));
            Assert.Equal(0, user.AccessFailedCount);
        });
    }

    [Fact]
    public async Task ResetPassword_WeakPassword_Exits1AndKeepsTheOldOne()
    {
        await using var cli = new CliDatabase();
        await cli.CreateUserAsync(Email, Passphrase);

        var run = await cli.RunAsync("password123\n", "admin", "user", "reset-password", "--email", Email, "--password-stdin");

        Assert.Equal(ReliefCli.Failed, run.ExitCode);
        Assert.Contains("most common", run.Stderr, StringComparison.Ordinal);
        await cli.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ReliefUser>>();
            Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(Email))!, Passphrase));
        });
    }

    [Fact]
    public async Task ResetPassword_UnknownEmail_Exits1()
    {
        await using var cli = new CliDatabase();

        var run = await cli.RunAsync(Passphrase + "\n", "admin", "user", "reset-password", "--email", "nobody@example.org", "--password-stdin");

        Assert.Equal(ReliefCli.Failed, run.ExitCode);
        Assert.Contains("nobody@example.org", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCreate_KnownEmail_PrintsOnlyTheTokenAndStoresOnlyItsHash()
    {
        await using var cli = new CliDatabase();
        await cli.CreateUserAsync(Email, Passphrase);

        var run = await cli.RunAsync("", "admin", "token", "create", "--email", Email, "--name", "backup script");

        Assert.Equal(ReliefCli.Ok, run.ExitCode);
        var token = Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r');
        Assert.StartsWith(AccountService.TokenPrefix, token, StringComparison.Ordinal);
        Assert.DoesNotContain(token, run.Stderr, StringComparison.Ordinal);
        var stored = await cli.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().AccessTokens.SingleAsync());
        Assert.Equal(Secrets.Hash(token), stored.TokenHash);
        Assert.Equal("backup script", stored.Name);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.True(cli.FilesContain(stored.TokenHash), "the file search should find what is stored");
        Assert.False(cli.FilesContain(token), "the plain token must not be written to the database");
    }

    [Fact]
    public async Task TokenCreate_PrintedToken_AuthenticatesAgainstTheWebApp()
    {
        var database = TestDatabase.FileSqlite();
        await using var app = new TestApp(database);
        await CliDatabase.RunOnFileAsync(database.FilePath!, Passphrase + "\n", "admin", "user", "create", "--email", Email, "--password-stdin");
        var run = await CliDatabase.RunOnFileAsync(database.FilePath!, "", "admin", "token", "create", "--email", Email);
        Assert.Equal(ReliefCli.Ok, run.ExitCode);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", run.Stdout.Trim());

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Email, (string)(await response.ReadAsync())["email"]!);
    }

    [Fact]
    public async Task TokenCreate_UnknownEmail_Exits1WithNothingOnStdout()
    {
        await using var cli = new CliDatabase();

        var run = await cli.RunAsync("", "admin", "token", "create", "--email", "nobody@example.org");

        Assert.Equal(ReliefCli.Failed, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("No account has the email nobody@example.org", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin", "frobnicate")] // an unknown command
    [InlineData("admin", "user", "create", "--password-stdin")] // --email is required
    [InlineData("admin")] // a group, not a command
    [InlineData("admin", "token", "create", "--email", Email, "--database-path", "a.db", "--connection-string", "Data Source=b.db")] // two databases
    public async Task Run_WrongCommandLine_Exits2WithAMessage(params string[] args)
    {
        await using var cli = new CliDatabase();

        var run = await cli.RunAsync(Passphrase + "\n", args);

        Assert.Equal(ReliefCli.UsageError, run.ExitCode);
        Assert.NotEqual("", run.Stderr.Trim());
        Assert.False(File.Exists(cli.FilePath), "a wrong command line should not open the database");
    }

    [Fact]
    public async Task Run_DatabasePathOption_WinsOverTheConfiguredPath()
    {
        await using var configured = new CliDatabase();
        await using var chosen = new CliDatabase();

        var run = await configured.RunAsync(Passphrase + "\n", "admin", "user", "create", "--email", Email, "--password-stdin", "--database-path", chosen.FilePath);

        Assert.Equal(ReliefCli.Ok, run.ExitCode);
        Assert.Contains(chosen.FilePath, run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(configured.FilePath));
        Assert.NotNull(await chosen.InScopeAsync(sp => sp.GetRequiredService<UserManager<ReliefUser>>().FindByEmailAsync(Email)));
    }

    public sealed record CliRun(int ExitCode, string Stdout, string Stderr);

    /// <summary>A SQLite file of one test's own, the tool's settings for it, and Identity over it.</summary>
    [Fact]
    public async Task InviteTherapist_PrintsAOneTimeLink_WhoseHashIsStored()
    {
        await using var cli = new CliDatabase();

        var run = await cli.RunAsync("", "admin", "invite-therapist", "--email", "ada@example.org", "--base-url", "https://relief.example.org/");
        var bad = await cli.RunAsync("", "admin", "invite-therapist", "--email", "not an email");

        Assert.Equal(ReliefCli.Ok, run.ExitCode);
        var link = run.Stdout.Trim();
        Assert.StartsWith("https://relief.example.org/account/signup?invite=inv_", link, StringComparison.Ordinal);
        var code = Uri.UnescapeDataString(link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        Assert.Contains("ada@example.org", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(ReliefCli.Failed, bad.ExitCode);
        var state = await cli.InScopeAsync(async sp =>
        {
            var invite = await sp.GetRequiredService<ReliefDbContext>().TherapistInvites.SingleAsync();
            Assert.Equal(Secrets.Hash(code), invite.CodeHash);
            return await sp.GetRequiredService<AccountService>().InviteStateAsync(code);
        });
        Assert.Equal(InviteState.Valid, state);
    }

    private sealed class CliDatabase : IAsyncDisposable
    {
        private readonly TestDatabase _database = TestDatabase.FileSqlite();

        public string FilePath => _database.FilePath!;

        public static Dictionary<string, string?> Settings(string file) => new()
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:SqlitePath"] = file,
            // Shadows a Database__ConnectionString in the environment, which would win over the path.
            ["Database:ConnectionString"] = null,
            ["Accounts:PasswordHashIterations"] = "1000",
        };

        public static async Task<CliRun> RunOnFileAsync(string file, string stdin, params string[] args)
        {
            using var input = new StringReader(stdin);
            await using var output = new StringWriter();
            await using var error = new StringWriter();
            var exitCode = await ReliefCli.RunAsync(args, input, output, error, Settings(file));
            return new CliRun(exitCode, output.ToString(), error.ToString());
        }

        public Task<CliRun> RunAsync(string stdin, params string[] args) => RunOnFileAsync(FilePath, stdin, args);

        public async Task CreateUserAsync(string email, string password)
        {
            var run = await RunAsync(password + "\n", "admin", "user", "create", "--email", email, "--password-stdin");
            Assert.True(run.ExitCode == ReliefCli.Ok, run.Stderr);
        }

        /// <summary>Identity and the DbContext over the same file, set up as the web app sets them up.</summary>
        public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddReliefData(new ConfigurationBuilder().AddInMemoryCollection(Settings(FilePath)).Build());
            services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            return await work(scope.ServiceProvider);
        }

        public async Task InScopeAsync(Func<IServiceProvider, Task> work) => await InScopeAsync(async sp =>
        {
            await work(sp);
            return true;
        });

        /// <summary>Whether the text appears anywhere in the database file or its write-ahead log.</summary>
        public bool FilesContain(string text)
        {
            var needle = Encoding.UTF8.GetBytes(text);
            return new[] { FilePath, FilePath + "-wal" }.Where(File.Exists)
                .Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0);
        }

        public ValueTask DisposeAsync() => _database.DisposeAsync();
    }
}

using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using SciaticaRelief.Cli.Admin;

namespace SciaticaRelief.Cli;

/// <summary>
/// The `relief` tool: a Person's journal over the JSON API with a personal access token (login,
/// log, triage, treatments, export, import, report), and operator commands against the configured
/// database, without a browser (admin). Exit codes are a contract for scripts (README, --help).
/// </summary>
public static class ReliefCli
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>An operator command was refused or failed; a file could not be written.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong (an unknown option, "ten" for a number, a place not on the body map).</summary>
    public const int UsageError = 2;

    /// <summary>Not signed in (no relief login), or the server refused the token or the account.</summary>
    public const int NotSignedIn = 3;

    /// <summary>The server refused the request as invalid (400/409/413/422): its message is on stderr.</summary>
    public const int Refused = 4;

    /// <summary>The server has no such thing (404).</summary>
    public const int NotFound = 5;

    /// <summary>The server could not be reached, did not answer in time, or failed (5xx).</summary>
    public const int ServerError = 6;

    /// <summary>
    /// The triage result is an emergency (relief log, relief triage): the output says what to do.
    /// Distinct from every failure, so a script that wraps `relief log` can never mistake it for one.
    /// </summary>
    public const int Emergency = 10;

    public const string ExitCodesHelp = """
        Exit codes: 0 ok; 1 an operator command failed; 2 wrong command line; 3 not signed in or token refused;
        4 the server refused the input as invalid; 5 not found; 6 server unreachable or failed;
        10 the triage result is an EMERGENCY (relief log / relief triage): get medical help now.
        """;

    /// <summary>
    /// Runs one command. Program passes the console; tests pass their own streams and
    /// configuration (applied over appsettings.json and environment variables, under the
    /// command line's --database-path / --connection-string).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr,
        IDictionary<string, string?>? configOverrides = null, bool interactive = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(stdin, stdout, stderr, configOverrides, interactive);
        var root = new RootCommand("Sciatica Relief on the command line: your journal through the app's API (start with relief login), "
            + "and the operator's commands on the database (relief admin).\n\n" + ExitCodesHelp)
        {
            new Command("admin", "Accounts and tokens, for the operator of this install.")
            {
                UserCommands.Create(context),
                TokenCommands.Create(context),
                InviteCommands.Create(context),
            },
        };
        foreach (var command in Client.ClientCommands.Create(context).Concat(Client.DataCommands.Create(context)))
        {
            root.Subcommands.Add(command);
        }
        root.Options.Add(context.DatabasePath);
        root.Options.Add(context.ConnectionString);
        AddToLeaves(root, result =>
        {
            if (result.GetResult(context.DatabasePath) is not null && result.GetResult(context.ConnectionString) is not null)
            {
                result.AddError("Give --database-path or --connection-string, not both.");
            }
        });

        var parsed = root.Parse(args);
        var exitCode = await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // Ctrl+C ends the process; a half-done command is rolled back by its transaction.
            ProcessTerminationTimeout = null,
        }, ct);
        // System.CommandLine answers its own parse errors with 1; scripts tell usage apart by 2.
        return parsed.Action is ParseErrorAction ? UsageError : exitCode;
    }

    // Only the command that runs is validated, so a check on the global options goes on each leaf.
    private static void AddToLeaves(Command command, Action<CommandResult> validator)
    {
        if (command.Subcommands.Count == 0)
        {
            command.Validators.Add(validator);
        }
        foreach (var sub in command.Subcommands)
        {
            AddToLeaves(sub, validator);
        }
    }
}

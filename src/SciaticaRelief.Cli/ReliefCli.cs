using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using SciaticaRelief.Cli.Admin;

namespace SciaticaRelief.Cli;

/// <summary>
/// The `relief` tool: operator commands against the configured database, without a browser.
/// Exit codes: <see cref="Ok"/>, <see cref="Failed"/> (the operation was refused or failed),
/// <see cref="UsageError"/> (the command line was wrong).
/// </summary>
public static class ReliefCli
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    /// <summary>
    /// Runs one command. Program passes the console; tests pass their own streams and
    /// configuration (applied over appsettings.json and environment variables, under the
    /// command line's --database-path / --connection-string).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr,
        IDictionary<string, string?>? configOverrides = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(stdin, stdout, stderr, configOverrides);
        var root = new RootCommand("Sciatica Relief operator tool: runs against the configured database, without a browser.")
        {
            new Command("admin", "Accounts and tokens, for the operator of this install.")
            {
                UserCommands.Create(context),
                TokenCommands.Create(context),
                InviteCommands.Create(context),
            },
        };
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

using System.CommandLine;

namespace SciaticaRelief.Cli.Admin;

/// <summary>
/// The password comes from stdin only: an argument would stay in shell history and show in the
/// process list. A --password argument is recognised only to be refused with that reason.
/// </summary>
internal sealed class PasswordInput
{
    public Option<bool> FromStdin { get; } = new("--password-stdin")
    {
        Description = "Read the password from stdin (one line), e.g. echo '...' | relief ... --password-stdin.",
    };

    public Option<string> Refused { get; } = new("--password") { Hidden = true };

    /// <summary>The password, or the exit code and message that say why there is none.</summary>
    public (string? Password, int ExitCode) Read(CliContext context, ParseResult parsed, string commandLine)
    {
        if (parsed.GetResult(Refused) is not null)
        {
            return (null, context.Usage(
                $"Passwords are not taken as arguments (they stay in shell history). Pipe it instead: echo '...' | {commandLine} --password-stdin"));
        }
        if (!parsed.GetValue(FromStdin))
        {
            return (null, context.Usage($"Give --password-stdin and pipe the password in: echo '...' | {commandLine} --password-stdin"));
        }
        // ReadLine drops the line ending (\n or \r\n); spaces are part of a passphrase and are kept.
        var password = context.Stdin.ReadLine();
        return password is null
            ? (null, context.Fail("No password on stdin: pipe one line in, e.g. echo '...' | " + commandLine + " --password-stdin"))
            : (password, ReliefCli.Ok);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(FromStdin);
        command.Options.Add(Refused);
    }
}

namespace SciaticaRelief.Cli.Client;

/// <summary>A client command that cannot go on: the message for stderr and the exit code scripts read.</summary>
internal sealed class ClientFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

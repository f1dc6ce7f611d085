using System.CommandLine;
using Spectre.Console;

namespace SciaticaRelief.Cli;

/// <summary>One run's streams, configuration overrides and the options every command accepts.</summary>
internal sealed class CliContext(TextReader stdin, TextWriter stdout, TextWriter stderr, IDictionary<string, string?>? overrides, bool interactive = false)
{
    private IAnsiConsole? _out;
    private IAnsiConsole? _err;

    /// <summary>Stdin and stderr are a person at a terminal: prompts may ask, output may use colour.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>Spectre over <see cref="Stdout"/>: tables and the triage result, in colour only at a terminal.</summary>
    public IAnsiConsole Out => _out ??= ConsoleOver(Stdout);

    /// <summary>Spectre over <see cref="Stderr"/>: messages and the progress bar.</summary>
    public IAnsiConsole Err => _err ??= ConsoleOver(Stderr);

    private IAnsiConsole ConsoleOver(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = Interactive ? InteractionSupport.Detect : InteractionSupport.No,
    });

    public TextReader Stdin { get; } = stdin;
    public TextWriter Stdout { get; } = stdout;
    public TextWriter Stderr { get; } = stderr;
    public IDictionary<string, string?>? Overrides { get; } = overrides;

    public Option<string> DatabasePath { get; } = new("--database-path")
    {
        Description = "The SQLite file (sets Database:Provider=Sqlite and Database:SqlitePath). Default: the web app's.",
        Recursive = true,
    };

    public Option<string> ConnectionString { get; } = new("--connection-string")
    {
        Description = "Database:ConnectionString. Prefer the Database__ConnectionString variable when it holds a password: arguments stay in shell history.",
        Recursive = true,
    };

    /// <summary>Writes an error line to stderr and returns the exit code for a failed operation.</summary>
    public int Fail(string message)
    {
        Stderr.WriteLine("error: " + message);
        return ReliefCli.Failed;
    }

    /// <summary>Writes an error line to stderr and returns the exit code for a wrong command line.</summary>
    public int Usage(string message)
    {
        Stderr.WriteLine("error: " + message);
        return ReliefCli.UsageError;
    }
}

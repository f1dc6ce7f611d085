using Spectre.Console;

namespace SciaticaRelief.Cli.Client;

/// <summary>
/// Questions to the person. At a terminal they are Spectre prompts (a hidden token, a choice list);
/// otherwise one line of stdin each, the question on stderr, so a script can pipe answers in and a
/// missing answer fails instead of hanging.
/// </summary>
internal sealed class Prompts(CliContext context)
{
    private IAnsiConsole? _terminal;

    /// <summary>The real terminal, on stderr: stdout stays the command's result.</summary>
    private IAnsiConsole Terminal => _terminal ??= AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Interactive = InteractionSupport.Yes,
    });

    public string Secret(string label)
    {
        if (context.Interactive)
        {
            return Terminal.Prompt(new TextPrompt<string>(label + ":").Secret());
        }
        context.Stderr.WriteLine(label + " (one line on stdin):");
        return context.Stdin.ReadLine()?.Trim() is { Length: > 0 } line
            ? line
            : throw new ClientFailure(ReliefCli.UsageError, label + " is missing: give it as an option or on stdin.");
    }

    /// <summary>Asks a yes / no / not sure question; answers the API's name of the answer.</summary>
    public string YesNoUnsure(string question)
    {
        if (context.Interactive)
        {
            var choice = Terminal.Prompt(new SelectionPrompt<string>()
                .Title(Markup.Escape(question))
                .AddChoices("No", "Yes", "Not sure"));
            Terminal.MarkupLine("[grey]" + Markup.Escape(question) + "[/] " + choice);
            return choice switch
            {
                "Yes" => "yes",
                "Not sure" => "unsure",
                _ => "no",
            };
        }
        context.Stderr.WriteLine(question + " [yes/no/unsure]");
        var line = context.Stdin.ReadLine()
            ?? throw new ClientFailure(ReliefCli.UsageError,
                "Red-flag questions need answers: run at a terminal, or give --red-flag ID=yes|no|unsure for each, or --no-red-flags.");
        return CheckInWords.ParseAnswer(line)
            ?? throw new ClientFailure(ReliefCli.UsageError, $"\"{line.Trim()}\" is not yes, no or unsure.");
    }
}

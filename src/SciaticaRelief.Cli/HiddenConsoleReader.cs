using System.Text;

namespace SciaticaRelief.Cli;

/// <summary>
/// Stdin when it is a terminal: asks for the password on stderr and reads it without echo, so it
/// does not stay on the screen or in the terminal's scrollback. Piped input never comes here.
/// </summary>
internal sealed class HiddenConsoleReader(TextWriter prompt) : TextReader
{
    public override string? ReadLine()
    {
        prompt.Write("Password (not shown): ");
        prompt.Flush();
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    prompt.WriteLine();
                    return text.ToString();
                case ConsoleKey.Backspace:
                    if (text.Length > 0)
                    {
                        text.Length--;
                    }
                    break;
                default:
                    if (key.KeyChar != '\0')
                    {
                        text.Append(key.KeyChar);
                    }
                    break;
            }
        }
    }
}

namespace SciaticaRelief.Cli;

internal static class Program
{
    // An explicit Main in a namespace, not top-level statements: the test project also references
    // the web app, whose generated Program sits in the global namespace.
    public static Task<int> Main(string[] args) =>
        ReliefCli.RunAsync(args, Console.IsInputRedirected ? Console.In : new HiddenConsoleReader(Console.Error), Console.Out, Console.Error,
            interactive: !Console.IsInputRedirected && !Console.IsErrorRedirected);
}

using Spectre.Console;

namespace HybridProf.Cli;

/// <summary>Console output: Spectre.Console on stdout, plain one-line errors on stderr.</summary>
internal static class Terminal
{
    /// <summary>
    /// Spectre wraps to 80 columns when stdout is not a terminal, which would split function names
    /// over lines in files and pipes; there a wide page keeps one function per line.
    /// </summary>
    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
            console.Profile.Width = 400;
        return console;
    }

    public static bool IsInteractive => !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    /// <summary>An error line on stderr, prefixed like the runtime's messages; returns exit code 1.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine("hybridprof: " + message);
        return 1;
    }

    public static void Note(string message) => Console.Error.WriteLine("hybridprof: " + message);
}

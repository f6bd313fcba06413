namespace HybridProf.Cli.Commands;

/// <summary>
/// What to say, and which exit code to give, when a launched app left no profile. Only an app
/// that was never seen running instrumented code is told to add the package: one that was seen
/// (its agent answered), or one a signal ended, has the package and lost its profile otherwise.
/// </summary>
internal static class MissingProfile
{
    /// <param name="command">The command the tool launched.</param>
    /// <param name="exitCode">The child's exit code; 128 + N when signal N ended it (as in a shell).</param>
    /// <param name="ranInstrumentedCode">The app's agent answered during the recording.</param>
    /// <param name="interrupted">The tool heard Ctrl+C or SIGTERM while the app ran.</param>
    public static (string Message, int ExitCode) Explain(IReadOnlyList<string> command, int exitCode, bool ranInstrumentedCode, bool interrupted)
    {
        string app = ChildProcess.Display(command);
        int failure = exitCode != 0 ? exitCode : 1;
        if (SignalOf(exitCode) is { } signal)
            return ($"no profile: '{app}' exited on signal {signal} ({SignalName(signal)}) before writing its profile.", exitCode);
        if (ranInstrumentedCode)
            return ($"no profile: '{app}' ran instrumented code but exited without writing its profile (exit code {exitCode}); its own output above may say why.", failure);
        // Its agent is up a second after start: stopped sooner, an instrumented app is not seen
        // either, so this one is not told it lacks the package.
        if (interrupted)
            return ($"no profile: '{app}' was interrupted and exited without writing one (exit code {exitCode}), before the tool could see whether it runs instrumented code.", failure);
        return (ChildProcess.NotInstrumented(command, exitCode), failure);
    }

    /// <summary>
    /// The signal behind an exit code, read as shells do: .NET reports a child that a signal
    /// ended as 128 + the signal's number (an app that exits with such a code on its own reads
    /// the same, which is why the message says "exited on", not "was killed by").
    /// </summary>
    internal static int? SignalOf(int exitCode) =>
        !OperatingSystem.IsWindows() && exitCode is > 128 and <= 128 + 64 ? exitCode - 128 : null;

    private static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT, Ctrl+C",
        3 => "SIGQUIT",
        6 => "SIGABRT",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => "SIG" + signal,
    };
}

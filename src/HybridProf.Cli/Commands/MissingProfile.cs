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
    /// <param name="outcome">What the tool saw while the app ran.</param>
    public static (string Message, int ExitCode) Explain(IReadOnlyList<string> command, int exitCode, LaunchOutcome outcome)
    {
        string app = ChildProcess.Display(command);
        int failure = exitCode != 0 ? exitCode : 1;
        if (SignalOf(exitCode) is { } signal)
            return ($"no profile: '{app}' exited on signal {signal} ({SignalName(signal)}) before writing its profile.", exitCode);
        if (outcome.RanInstrumentedCode)
            return ($"no profile: '{app}' ran instrumented code but exited without writing its profile (exit code {exitCode}); its own output above may say why.", failure);
        // Its agent is up a second after start: stopped sooner, an instrumented app is not seen
        // either, so this one is not told it lacks the package.
        if (outcome.Interrupted)
            return ($"no profile: '{app}' was interrupted and exited without writing one (exit code {exitCode}), before the tool could see whether it runs instrumented code.", failure);
        if (outcome.ZeroEdit)
            return ($"no profile: '{app}' was built with HybridProf injected but ran no instrumented code (exit code {exitCode}): " +
                "the app's project may be one the build could not instrument (a `HybridProf:` line of the build says so) or one --projects/--skip-projects left out.", failure);
        return (ChildProcess.NotInstrumented(command, exitCode), failure);
    }

    /// <summary>
    /// A profiling run of <c>compare</c> or <c>tune</c> that exited cleanly but left no profile.
    /// They do not watch the app's agent, so unless an earlier run of the same command wrote a
    /// profile they cannot tell a missing package from a profile lost on the way out, and say both.
    /// </summary>
    /// <param name="command">The command compare ran.</param>
    /// <param name="exitCode">Its exit code (0: it exited cleanly).</param>
    /// <param name="where">Which run, e.g. "round 2 of 3, deterministic".</param>
    /// <param name="profiledBefore">An earlier profiling run of the same command wrote a profile.</param>
    /// <param name="nothingDone">What is left undone, e.g. "nothing compared".</param>
    public static string AmongRuns(IReadOnlyList<string> command, int exitCode, string where, bool profiledBefore, string nothingDone)
    {
        string app = ChildProcess.Display(command);
        return profiledBefore
            ? $"no profile: '{app}' wrote none in this run ({where}, exit code {exitCode}), though earlier runs did: it runs instrumented code and lost this run's profile on the way out; {nothingDone}."
            : $"no profile: '{app}' wrote none ({where}, exit code {exitCode}). Either it runs no instrumented code (add the HybridProf package: `dotnet add package HybridProf`, and `[assembly: HybridProf.Profile]` to one of its source files, then rebuild), or it lost its profile on the way out (its output may say why); {nothingDone}.";
    }

    /// <summary>
    /// The signal behind an exit code, read as shells do: .NET reports a child that a signal
    /// ended as 128 + the signal's number (an app that exits with such a code on its own reads
    /// the same, which is why the message says "exited on", not "was killed by").
    /// </summary>
    internal static int? SignalOf(int exitCode) =>
        !OperatingSystem.IsWindows() && exitCode is > 128 and <= 128 + 64 ? exitCode - 128 : null;

    internal static string SignalName(int signal) => signal switch
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

/// <summary>What the tool saw of a launched app, for <see cref="MissingProfile.Explain"/>.</summary>
/// <param name="RanInstrumentedCode">The app's agent answered during the recording.</param>
/// <param name="Interrupted">The tool heard Ctrl+C or SIGTERM while the app ran.</param>
/// <param name="ZeroEdit">The tool built the app with HybridProf injected (so it has no package to add).</param>
internal readonly record struct LaunchOutcome(bool RanInstrumentedCode, bool Interrupted, bool ZeroEdit = false);

using System.Diagnostics;

namespace HybridProf.Cli.Commands;

/// <summary>Starting the app a command launches (record, compare), and what to say when it is not instrumented.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Start information for <c>COMMAND ARGS…</c>, each argument passed as is (no shell), with
    /// <paramref name="environment"/> added to the tool's own.
    /// </summary>
    public static ProcessStartInfo StartInfo(IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (string arg in command.Skip(1))
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        return info;
    }

    /// <summary>
    /// Starts the process; a program that cannot be found or run is a usage mistake, said in one
    /// line. <paramref name="prepare"/> sees the process before it starts (to hook its events).
    /// </summary>
    /// <exception cref="UsageException">It cannot be started.</exception>
    public static Process Start(ProcessStartInfo info, Action<Process>? prepare = null)
    {
        var process = new Process { StartInfo = info };
        prepare?.Invoke(process);
        try
        {
            process.Start();
            return process;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new UsageException($"cannot start '{info.FileName}': {e.Message}");
        }
    }

    /// <summary>The command line as the user would type it, for messages.</summary>
    public static string Display(IReadOnlyList<string> command) =>
        string.Join(' ', command.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a));

    /// <summary>Said when a run that should have profiled itself left no profile.</summary>
    public static string NotInstrumented(IReadOnlyList<string> command, int exitCode) =>
        $"no profile: '{Display(command)}' never ran instrumented code (exit code {exitCode}). " +
        "Add the HybridProf package to the app (`dotnet add package HybridProf`) and the line `[assembly: HybridProf.Profile]` to one of its source files, then rebuild.";
}

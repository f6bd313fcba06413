using System.Diagnostics;
using System.Globalization;
using HybridProf.Agent;
using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Cli.Commands;

/// <summary>
/// Launch mode: the child gets <c>HYBRIDPROF_OUTPUT</c> and friends, so the profile is written
/// by the app itself at exit (the one path that works for any lifetime, even a short one). The
/// child writes pprof to a private temp folder; the tool then converts to what was asked.
/// </summary>
internal static class LaunchRecorder
{
    /// <summary>The app writes pprof, which keeps threads, files, lines and metadata, for the tool to read back and convert.</summary>
    private static readonly string Transport = ProfileFormats.Extension(ProfileFormat.Pprof);

    /// <param name="command">The app to launch and its arguments.</param>
    /// <param name="settings">What to record.</param>
    /// <param name="zeroEdit">The zero-edit build's environment when the tool built the app with HybridProf injected (the command's own build must see it too); null: the command runs as it is.</param>
    public static int Run(string[] command, RecordSettings settings, IReadOnlyDictionary<string, string>? zeroEdit = null)
    {
        using var scratch = new ScratchFolder("hybridprof-record-");
        string launchId = Guid.NewGuid().ToString("N");
        var info = ChildProcess.StartInfo(command, zeroEdit);
        // {pid}: if the command starts several instrumented processes, each writes its own file.
        info.Environment["HYBRIDPROF_OUTPUT"] = Path.Combine(scratch.Path, "profile-{pid}" + Transport);
        info.Environment["HYBRIDPROF_MODE"] = settings.Mode;
        info.Environment["HYBRIDPROF_RATE"] = settings.Rate.ToString(CultureInfo.InvariantCulture);
        if (settings.Duration is { } seconds)
            info.Environment["HYBRIDPROF_DURATION"] = seconds.ToString(CultureInfo.InvariantCulture);
        info.Environment[AgentProtocol.LaunchIdVariable] = launchId;

        using var interrupt = new Interrupt();
        using var child = ChildProcess.Start(info);
        var status = new LaunchStatus(launchId);
        int exitCode;
        try
        {
            exitCode = Wait(child, interrupt, status);
        }
        finally
        {
            // Whatever happens, the terminal gets its last row back.
            status.Clear();
        }
        return Finish(scratch.Path, settings, command, child.Id, exitCode, new LaunchOutcome(status.FoundApp, interrupt.Count > 0, zeroEdit is not null));
    }

    private static int Wait(Process child, Interrupt interrupt, LaunchStatus status)
    {
        var clock = Stopwatch.StartNew();
        // Ctrl+C in a terminal reaches the whole foreground group, the app included, and the app
        // writes its profile on it: a second signal now would cut that write short. So in a
        // terminal only a second Ctrl+C is passed on; without one (a `kill -INT` of the tool, a
        // CI runner) the app hears nothing unless the tool tells it, at once.
        int heardByApp = Console.IsInputRedirected ? 0 : 1;
        int forwarded = 0;
        while (!child.WaitForExit(250))
        {
            if (interrupt.Count - heardByApp > forwarded)
            {
                Interrupt.SendInterrupt(child.Id);
                forwarded++;
            }
            status.Tick(clock.Elapsed);
        }
        child.WaitForExit();
        return child.ExitCode;
    }

    private static int Finish(string scratch, RecordSettings settings, string[] command, int launchedPid, int exitCode, LaunchOutcome outcome)
    {
        var files = Directory.GetFiles(scratch, "*" + Transport);
        if (files.Length == 0)
        {
            var (message, toolExitCode) = MissingProfile.Explain(command, exitCode, outcome);
            Terminal.Note(message);
            return toolExitCode;
        }
        // The launched process first (it names the profile), then its children by pid.
        var processes = files.Select(ProcessProfile.Read).OrderBy(p => p.Pid != launchedPid).ThenBy(p => p.Pid).ToList();
        if (settings.Separate)
        {
            foreach (var process in processes)
                Save(process.Profile, settings.Output.Replace(ProcessIdPlaceholder, process.Pid.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), settings, exitCode);
        }
        else
        {
            Save(ProfileMerge.Merge(processes), settings.Output, settings, exitCode);
        }
        return exitCode;
    }

    /// <summary>In <c>--separate</c>'s output path, the process id.</summary>
    public const string ProcessIdPlaceholder = "{pid}";

    private static void Save(Profile profile, string path, RecordSettings settings, int exitCode)
    {
        ProfileOutput.Save(profile, path, settings.Format);
        Terminal.Note($"wrote {path} ({profile.TotalSamples:N0} {profile.Metadata.Unit}, {profile.Metadata.Mode.ToString().ToLowerInvariant()} mode, {profile.Metadata.Duration.TotalSeconds:0.0} s); {HowTheAppEnded(exitCode)}");
    }

    // The app writes its profile on SIGINT and SIGTERM; any other signal (SIGKILL, a crash) ends
    // it with no write at exit, and what the tool read is the checkpoint the app keeps on disk.
    private static string HowTheAppEnded(int exitCode) => MissingProfile.SignalOf(exitCode) is { } signal and not (2 or 15)
        ? $"the app exited on signal {signal} ({MissingProfile.SignalName(signal)}) before it could write at exit: this is its latest checkpoint (written every second or so), not the whole run."
        : $"the app exited with {exitCode}.";
}

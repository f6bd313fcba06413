using System.CommandLine;
using HybridProf.Cli.ZeroEdit;
using HybridProf.Formats;

namespace HybridProf.Cli.Commands;

/// <summary>
/// <c>hybridprof record</c>: launch an instrumented app and write its profile, or attach to a
/// running one with <c>-p PID</c> through its agent.
/// </summary>
internal static class RecordCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = $"Profile to write; the extension picks the format ({Options.Writable}) unless --format says.", Required = true };
        var format = Options.Format();
        var duration = new Option<double?>("--duration", "-d") { Description = "Seconds to record. Attach: stop then (default: until Ctrl+C). Launch: the profile covers the first S seconds and the app runs on." };
        var rate = Options.Rate();
        var mode = Options.Mode(deterministic: true);
        var pid = Options.Pid(required: false);
        var separate = new Option<bool>("--separate")
        {
            Description = "Launch: one profile per instrumented process (the app and the children it starts), each at the output path with {pid} replaced by its process id. Default: one profile, each thread labelled with its process.",
        };
        var asIs = new Option<bool>("--as-is")
        {
            Description = "Launch: run `dotnet run`/`dotnet test` as they are, with no zero-edit build (for a project that references HybridProf and should build into its own bin/).",
        };
        var zeroEdit = new ZeroEditOptions();
        var command = Options.Command("The app to launch and its arguments, after `--`: `dotnet run …` or `dotnet test …` (built with HybridProf injected, no edit needed), `dotnet App.dll`, or the app's path.");
        var record = new Command("record",
            "Record a profile: launch an app (`record -o out.svg -- COMMAND ARGS…`) or attach to a running one (`record -p PID -o out.svg --duration 30`). " +
            "Ctrl+C stops recording and still writes the file.")
        {
            output, format, duration, rate, mode, pid, separate, asIs, command,
        };
        zeroEdit.AddTo(record);
        record.SetAction(result => Guard.Run(() =>
        {
            string path = result.GetValue(output)!;
            var settings = new RecordSettings(path, Options.ResolveFormat(path, result.GetValue(format)), result.GetValue(duration), Options.CheckRate(result.GetValue(rate)), result.GetValue(mode)!, result.GetValue(separate));
            if (settings.Separate && !path.Contains(LaunchRecorder.ProcessIdPlaceholder, StringComparison.Ordinal))
                throw new UsageException($"--separate writes one file per process: put {LaunchRecorder.ProcessIdPlaceholder} in the output path (e.g. -o profile-{LaunchRecorder.ProcessIdPlaceholder}.svg)");
            if (settings.Duration is <= 0)
                throw new UsageException("--duration must be a positive number of seconds");
            // Refused before anything runs: a launched app hands the tool its profile as pprof and
            // an attached session samples, and neither keeps per-call timings.
            if (settings.Format == ProfileFormat.Timeline)
                throw ProfileOutput.NoTimeline(path, "record receives profiles without per-call timings");
            string[] args = Options.CommandLine(result, command);
            int target = result.GetValue(pid);
            if (target != 0 && args.Length > 0)
                throw new UsageException("give either -p PID (attach) or a command after `--` (launch), not both");
            if (target != 0 && settings.Mode == "deterministic")
                throw new UsageException("deterministic mode is chosen when the app starts: launch it with `record --mode deterministic -o FILE -- COMMAND`");
            if (target != 0 && settings.Separate)
                throw new UsageException("--separate is for launching (one file per process started); attaching records the one process given by -p");
            if (target != 0)
                return AttachRecorder.Run(target, settings);
            if (args.Length == 0)
                throw new UsageException("nothing to record: give a command after `--` (e.g. `hybridprof record -o out.svg -- dotnet run`) or -p PID");
            var dotnet = DotnetCommand.Parse(args);
            if (dotnet is null || result.GetValue(asIs))
            {
                if (zeroEdit.AnyGiven(result))
                    throw new UsageException("--projects, --skip-projects, --leave-out and --build-dir choose what a zero-edit build instruments: they go with `-- dotnet run …` or `-- dotnet test …`, without --as-is");
                return LaunchRecorder.Run(args, settings);
            }
            return ZeroEditLaunch.Run(dotnet, settings, zeroEdit.Read(result));
        }));
        return record;
    }
}

/// <summary>What <c>record</c> was asked for.</summary>
internal sealed record RecordSettings(string Output, ProfileFormat Format, double? Duration, int Rate, string Mode, bool Separate = false);

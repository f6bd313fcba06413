using System.Diagnostics;
using System.Globalization;
using HybridProf.Cli.Commands;

namespace HybridProf.Cli.Compare;

/// <summary>What one run of the command left: how it ended, how long it took, what it printed last.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="WallMilliseconds">From just before the process started to its exit.</param>
/// <param name="ReportedMilliseconds">The number of an <c>elapsed_ms=</c> line it printed, if any.</param>
/// <param name="Output">Its last output lines.</param>
internal sealed record RunResult(int ExitCode, double WallMilliseconds, double? ReportedMilliseconds, OutputTail Output);

/// <summary>Runs the command once in one mode, output captured, and times it.</summary>
internal static class ChildRun
{
    /// <summary>The variables that start a profile; the others (agent settings) pass through.</summary>
    private static readonly string[] ProfilerVariables = ["HYBRIDPROF_OUTPUT", "HYBRIDPROF_MODE", "HYBRIDPROF_RATE", "HYBRIDPROF_DURATION", "HYBRIDPROF_REPORT_TOP"];

    private const string ElapsedPrefix = "elapsed_ms=";

    /// <summary>Runs <paramref name="mode"/>; a profiling mode writes to <paramref name="profilePath"/>.</summary>
    /// <exception cref="OperationCanceledException">Ctrl+C (or SIGTERM) arrived; the child was stopped.</exception>
    public static RunResult Run(RunMode mode, string? profilePath, Interrupt interrupt)
    {
        var info = ChildProcess.StartInfo(mode.Command);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        // Only what this run asks for: an inherited HYBRIDPROF_OUTPUT would make the baseline profile itself.
        foreach (string key in ProfilerVariables)
            info.Environment.Remove(key);
        if (mode.ProfilerMode is { } profilerMode)
        {
            info.Environment["HYBRIDPROF_OUTPUT"] = profilePath;
            info.Environment["HYBRIDPROF_MODE"] = profilerMode;
            if (mode.Rate is { } rate)
                info.Environment["HYBRIDPROF_RATE"] = rate.ToString(CultureInfo.InvariantCulture);
            // A text report (tune reads one) lists every function, not the top 30.
            info.Environment["HYBRIDPROF_REPORT_TOP"] = "all";
        }

        var output = new OutputTail(capacity: 20);
        double? reported = null;
        var clock = new Stopwatch();
        TimeSpan wall = default;
        using var exited = new ManualResetEventSlim();
        using var process = ChildProcess.Start(info, p =>
        {
            // The exit is timed where it is noticed, not after the output has been drained.
            p.EnableRaisingEvents = true;
            p.Exited += (_, _) =>
            {
                wall = clock.Elapsed;
                exited.Set();
            };
            p.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                    return;
                if (e.Data.StartsWith(ElapsedPrefix, StringComparison.Ordinal) && ParseElapsed(e.Data) is { } ms)
                    reported = ms;
                output.Add(e.Data);
            };
            p.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                    output.Add(e.Data);
            };
            clock.Start();
        });
        process.StandardInput.Close(); // a measured run gets no input: a program that asks for some sees its end
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (WaitHandle.WaitAny([exited.WaitHandle, interrupt.Handle]) == 1)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new OperationCanceledException();
        }
        process.WaitForExit(); // the output events have all run after this
        return new RunResult(process.ExitCode, wall.TotalMilliseconds, reported, output);
    }

    // "elapsed_ms=1234.5" or "elapsed_ms=1234.5 check=…": the number up to the first space.
    private static double? ParseElapsed(string line)
    {
        string number = line[ElapsedPrefix.Length..].Split(' ', 2)[0];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double ms) ? ms : null;
    }
}

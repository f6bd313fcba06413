using System.Diagnostics;
using System.Text;

namespace HybridProf.EndToEnd.Tests;

/// <summary>Runs a child process to completion with a timeout, capturing its output.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static Result Run(string file, string arguments, string workingDirectory, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Start(file, arguments, workingDirectory, environment, out var stdout, out var stderr);
        if (!process.WaitForExit((int)(timeout ?? TimeSpan.FromMinutes(5)).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{file} {arguments}' did not finish in time.\nstdout:\n{stdout}\nstderr:\n{stderr}");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    public static Process Start(string file, string arguments, string workingDirectory, IDictionary<string, string>? environment,
        out StringBuilder stdout, out StringBuilder stderr)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The child must see only the variables a test gives it, not the ones of the test run.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("HYBRIDPROF_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;

        var process = new Process { StartInfo = info };
        var outBuilder = new StringBuilder();
        var errBuilder = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (outBuilder) outBuilder.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errBuilder) errBuilder.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        stdout = outBuilder;
        stderr = errBuilder;
        return process;
    }

    /// <summary>Runs a command and fails the test with its output when it does not succeed.</summary>
    public static Result RunChecked(string file, string arguments, string workingDirectory, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var result = Run(file, arguments, workingDirectory, environment, timeout);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"'{file} {arguments}' exited with {result.ExitCode}.\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        return result;
    }
}

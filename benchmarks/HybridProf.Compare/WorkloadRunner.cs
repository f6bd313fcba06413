using System.Diagnostics;
using System.Globalization;

namespace HybridProf.Compare;

/// <summary>One way of running a workload: which build, and the HYBRIDPROF_* variables.</summary>
internal sealed record RunMode(string Name, bool Woven, string? Mode, string? Rate);

/// <summary>Runs the built workloads as child processes and reads their elapsed time and profile.</summary>
internal sealed class WorkloadRunner
{
    public static readonly RunMode[] Modes =
    {
        new("plain", false, null, null),
        new("sampling 100Hz", true, "cpu", "100"),
        new("sampling 1kHz", true, "cpu", "1000"),
        new("deterministic", true, "deterministic", null),
    };

    private readonly string _woven;
    private readonly string _plain;
    private readonly string _workload;
    private readonly string _size;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hybridprof-compare-" + Guid.NewGuid().ToString("N")[..8]);

    public WorkloadRunner(string configuration, string workload, string size)
    {
        string root = FindRoot();
        _woven = Path.Combine(root, "benchmarks", "Workloads", "bin", configuration, "net10.0", "Workloads.dll");
        _plain = Path.Combine(root, "benchmarks", "Workloads.Plain", "bin", configuration, "net10.0", "Workloads.Plain.dll");
        _workload = workload;
        _size = size;
        Directory.CreateDirectory(_folder);
    }

    /// <summary>Runs once; returns the workload's own elapsed milliseconds and the profile it wrote (null when plain).</summary>
    public (double Milliseconds, string? Profile) Run(RunMode mode, int round)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(mode.Woven ? _woven : _plain);
        start.ArgumentList.Add(_workload);
        start.ArgumentList.Add(_size);
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("HYBRIDPROF_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        string? output = null;
        if (mode.Mode is not null)
        {
            output = Path.Combine(_folder, $"{mode.Name.Replace(' ', '-')}-{round}.collapsed");
            start.Environment["HYBRIDPROF_OUTPUT"] = output;
            start.Environment["HYBRIDPROF_MODE"] = mode.Mode;
            if (mode.Rate is not null)
                start.Environment["HYBRIDPROF_RATE"] = mode.Rate;
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("elapsed_ms=", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{mode.Name}: the workload printed no elapsed time (exit {process.ExitCode}): {stdout}{stderr.Result}");
        double ms = double.Parse(line["elapsed_ms=".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
        return (ms, output);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HybridProf.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("HybridProf.sln not found above " + AppContext.BaseDirectory);
    }
}

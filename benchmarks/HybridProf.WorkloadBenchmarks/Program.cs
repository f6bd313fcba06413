using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace HybridProf.WorkloadBenchmarks;

/// <summary>
/// Plain vs sampling (100 Hz, 1 kHz) vs deterministic on the three workloads, in one run,
/// with the runtime's EventPipe sampler (what dotnet-trace uses) beside them:
/// dotnet run -c Release --project benchmarks/HybridProf.WorkloadBenchmarks
/// Each mode is a job with its own environment (and so its own process); the plain job is
/// the baseline of the Ratio column. Profiles go to the temp directory and are not measured.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        string output = Path.Combine(Path.GetTempPath(), "hybridprof-workload-benchmarks");
        var template = Job.Default.WithWarmupCount(3).WithIterationCount(15);
        var config = DefaultConfig.Instance
            .AddJob(template.WithId("plain").WithEnvironmentVariable(Build.Variable, "plain").AsBaseline())
            .AddJob(Profiled(template, "sampling-100Hz", output, ("HYBRIDPROF_MODE", "cpu"), ("HYBRIDPROF_RATE", "100")))
            .AddJob(Profiled(template, "sampling-1kHz", output, ("HYBRIDPROF_MODE", "cpu"), ("HYBRIDPROF_RATE", "1000")))
            .AddJob(Profiled(template, "deterministic", output, ("HYBRIDPROF_MODE", "deterministic")))
            .AddJob(EventPipeSampling(template, output))
            .HideColumns(Column.EnvironmentVariables)
            .WithOptions(ConfigOptions.JoinSummary);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? new[] { "--filter", "*" } : args, config);
    }

    /// <summary>
    /// The runtime's own sampler on the plain build, as <c>dotnet-trace collect</c> runs it
    /// (its default profiles: dotnet-sampled-thread-time, about one stack per thread every
    /// millisecond, and dotnet-common's runtime events), but started from the environment at
    /// launch and written to a file, so it can be a job of this run. benchmarks/dotnet-trace-overhead.sh
    /// measures dotnet-trace itself.
    /// </summary>
    private static Job EventPipeSampling(Job template, string folder) => template.WithId("eventpipe-sampled")
        .WithEnvironmentVariable(Build.Variable, "plain")
        .WithEnvironmentVariable("DOTNET_EnableEventPipe", "1")
        .WithEnvironmentVariable("DOTNET_EventPipeOutputStreaming", "1")
        .WithEnvironmentVariable("DOTNET_EventPipeOutputPath", Path.Combine(folder, "eventpipe-sampled.nettrace"))
        .WithEnvironmentVariable("DOTNET_EventPipeConfig", "Microsoft-DotNETCore-SampleProfiler:0:5,Microsoft-Windows-DotNETRuntime:0x100003801D:4");

    private static Job Profiled(Job template, string id, string folder, params (string Key, string Value)[] variables)
    {
        var job = template.WithId(id)
            .WithEnvironmentVariable("HYBRIDPROF_OUTPUT", Path.Combine(folder, id + "-{pid}.collapsed"))
            .WithEnvironmentVariable(Build.Variable, "woven");
        foreach (var (key, value) in variables)
            job = job.WithEnvironmentVariable(key, value);
        return job;
    }
}

extern alias plain;
extern alias woven;

using BenchmarkDotNet.Attributes;

namespace HybridProf.WorkloadBenchmarks;

/// <summary>
/// One invocation of each workload, sized to about a tenth of a second. Which build runs is
/// the job's choice (<see cref="Build.IsPlain"/>), so every job runs the same methods and
/// BenchmarkDotNet's ratio column compares each mode with the plain job.
/// </summary>
public class WorkloadBenchmarks
{
    [Benchmark]
    public long Pipeline() => Build.IsPlain ? plain::Workloads.Pipeline.Run(1) : woven::Workloads.Pipeline.Run(1);

    [Benchmark]
    public long Parser() => Build.IsPlain ? plain::Workloads.Calculator.Run(150) : woven::Workloads.Calculator.Run(150);

    [Benchmark]
    public long FanOut() => Build.IsPlain
        ? plain::Workloads.FanOut.Run(80).GetAwaiter().GetResult()
        : woven::Workloads.FanOut.Run(80).GetAwaiter().GetResult();
}

/// <summary>The build a job runs, from its environment; a static readonly the JIT folds, so the choice costs nothing.</summary>
internal static class Build
{
    public const string Variable = "WORKLOAD_BUILD";

    public static readonly bool IsPlain = Environment.GetEnvironmentVariable(Variable) == "plain";
}

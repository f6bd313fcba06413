using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace HybridProf.Benchmarks;

/// <summary>
/// What a call costs in deterministic mode, beside its floor: the two clock reads (enter and
/// exit) it cannot avoid. The mode is chosen at start-up, so run the host with it:
/// <c>HYBRIDPROF_MODE=deterministic dotnet run -c Release --project benchmarks/HybridProf.Benchmarks -- --filter '*DeterministicCost*'</c>
/// (the in-process toolchain runs every benchmark in that host). Without the variable the
/// woven call shows the sampling-mode cost instead.
/// </summary>
public class DeterministicCostBenchmarks
{
    private const int Calls = 1000;
    private int _seed = 1;

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public long Two_clock_reads()
    {
        long acc = 0;
        for (int i = 0; i < Calls; i++)
            acc += Stopwatch.GetTimestamp() - Stopwatch.GetTimestamp();
        return acc;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public int Plain_call()
    {
        int acc = _seed;
        for (int i = 0; i < Calls; i++)
            acc = PlainTargets.Step(acc, i);
        return acc;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public int Woven_call()
    {
        int acc = _seed;
        for (int i = 0; i < Calls; i++)
            acc = WovenTargets.Step(acc, i);
        return acc;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public int Woven_nested_calls()
    {
        int acc = _seed;
        for (int i = 0; i < Calls; i++)
            acc = WovenTargets.Outer(acc, i);
        return acc;
    }
}

using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace HybridProf.Benchmarks;

/// <summary>
/// What one Enter/Exit pair adds to a call: the same small method plain and woven, once
/// kept out of line (NoInlining) and once left to the JIT to inline.
/// </summary>
[MemoryDiagnoser]
public class MarkerBenchmarks
{
    private const int Calls = 1000;
    private int _seed = 1;

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
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
    public int Plain_inlinable_call()
    {
        int acc = _seed;
        for (int i = 0; i < Calls; i++)
            acc = PlainTargets.InlinableStep(acc, i);
        return acc;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public int Woven_inlinable_call()
    {
        int acc = _seed;
        for (int i = 0; i < Calls; i++)
            acc = WovenTargets.InlinableStep(acc, i);
        return acc;
    }
}

[NoProfile]
internal static class PlainTargets
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Step(int acc, int i) => (acc * 31) ^ i;

    public static int InlinableStep(int acc, int i) => (acc * 31) ^ i;
}

internal static class WovenTargets
{
    [Profile, MethodImpl(MethodImplOptions.NoInlining)]
    public static int Step(int acc, int i) => (acc * 31) ^ i;

    [Profile]
    public static int InlinableStep(int acc, int i) => (acc * 31) ^ i;

    /// <summary>Three woven calls that alternate between two callees (DeterministicCostBenchmarks).</summary>
    [Profile, MethodImpl(MethodImplOptions.NoInlining)]
    public static int Outer(int acc, int i) => Step(InlinableStep(acc, i), i);
}

using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace HybridProf.Benchmarks;

/// <summary>
/// What the async markers add: to a call that completes synchronously (goal: ≤ 5 ns, 0 B),
/// and to a call that suspends once (goal: ≤ 50 ns, ≤ 64 B). The suspension uses an
/// awaiter that always suspends and resumes inline, so thread-pool scheduling does not
/// drown the difference.
/// </summary>
[MemoryDiagnoser]
public class AsyncBenchmarks
{
    private int _seed = 3;

    [Benchmark(Baseline = true)]
    public int Plain_completes_synchronously() => PlainAsync.Compute(_seed).Result;

    [Benchmark]
    public int Woven_completes_synchronously() => WovenAsync.Compute(_seed).Result;

    [Benchmark]
    public int Plain_suspends_once() => PlainAsync.SuspendOnce(_seed).Result;

    [Benchmark]
    public int Woven_suspends_once() => WovenAsync.SuspendOnce(_seed).Result;
}

[NoProfile]
internal static class PlainAsync
{
    public static async ValueTask<int> Compute(int x)
    {
        if (x < 0)
            await Task.Yield();
        return x * 2;
    }

    public static async ValueTask<int> SuspendOnce(int x)
    {
        await new InlineResume();
        return x * 2;
    }
}

internal static class WovenAsync
{
    [Profile]
    public static async ValueTask<int> Compute(int x)
    {
        if (x < 0)
            await Task.Yield();
        return x * 2;
    }

    [Profile]
    public static async ValueTask<int> SuspendOnce(int x)
    {
        await new InlineResume();
        return x * 2;
    }
}

/// <summary>An awaiter that always suspends and runs the continuation at once, on the same thread.</summary>
[NoProfile]
internal readonly struct InlineResume : ICriticalNotifyCompletion
{
    public InlineResume GetAwaiter() => this;

    public bool IsCompleted => false;

    public void GetResult()
    {
    }

    public void OnCompleted(Action continuation) => continuation();

    public void UnsafeOnCompleted(Action continuation) => continuation();
}

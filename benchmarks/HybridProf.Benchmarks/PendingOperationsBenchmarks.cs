using BenchmarkDotNet.Attributes;
using HybridProf.Model;
using HybridProf.Sampling;

namespace HybridProf.Benchmarks;

/// <summary>
/// One wall-mode sampler tick with N suspended async operations (goal: ≤ 2% of one core at
/// 100 Hz with 10,000 pending, i.e. a tick of ≤ 200 µs).
/// </summary>
public class PendingOperationsBenchmarks
{
    private readonly List<Task<int>> _pending = new();
    private TaskCompletionSource<int> _gate = null!;
    private IDisposable _tracking = null!;
    private Sampler _sampler = null!;

    [Params(1_000, 10_000)]
    public int Pending { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _tracking = Profiler.TrackPendingOperations();
        _gate = new TaskCompletionSource<int>();
        for (int i = 0; i < Pending; i++)
            _pending.Add(Waiting.On(_gate.Task));
        _sampler = new Sampler(new SamplerOptions(ProfileMode.Wall, 100));
    }

    [Benchmark]
    public void Tick() => _sampler.SampleOnce();

    [GlobalCleanup]
    public void Cleanup()
    {
        _sampler.Dispose();
        _gate.SetResult(1);
        Task.WaitAll(_pending.ToArray());
        _pending.Clear();
        _tracking.Dispose();
    }
}

internal static class Waiting
{
    [Profile]
    public static async Task<int> On(Task<int> gate) => await gate;
}

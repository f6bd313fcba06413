using BenchmarkDotNet.Attributes;
using HybridProf.Markers;
using HybridProf.Model;
using HybridProf.Sampling;

namespace HybridProf.Benchmarks;

/// <summary>
/// The cost of one sampler tick in cpu mode with N threads inside instrumented code (each
/// one's CPU clock is read). At 100 Hz, a tick of T µs costs T/100 % of one core.
/// </summary>
public class SamplerBenchmarks
{
    private readonly List<Thread> _threads = new();
    private readonly ManualResetEventSlim _release = new();
    private Sampler _sampler = null!;

    [Params(1, 64, 512)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int id = MethodRegistry.Register("hybridprof-table 1\nmethod\t-\tBench.Waiting\t/b.cs\t1\tBench\tWaiting\t\t-\t1:1-1:2", woven: true) + 1;
        using var ready = new CountdownEvent(Threads);
        for (int i = 0; i < Threads; i++)
        {
            var thread = new Thread(() =>
            {
                var stack = Marker.Enter(id);
                ready.Signal();
                _release.Wait();
                Marker.Exit(stack);
            }, 256 * 1024) { IsBackground = true };
            thread.Start();
            _threads.Add(thread);
        }
        ready.Wait();
        _sampler = new Sampler(new SamplerOptions(ProfileMode.Cpu, 100));
    }

    [Benchmark]
    public void Tick() => _sampler.SampleOnce();

    [GlobalCleanup]
    public void Cleanup()
    {
        _sampler.Dispose();
        _release.Set();
        _threads.ForEach(t => t.Join());
        _threads.Clear();
        _release.Reset();
    }
}

using BenchmarkDotNet.Attributes;
using HybridProf.Platform;

namespace HybridProf.Benchmarks;

/// <summary>
/// What asking the kernel whether a thread is runnable costs the sampler: the stat file read
/// through a handle kept open (what the sampler does) against opened, read and closed each time.
/// </summary>
public class SchedulerStateBenchmarks
{
    private SchedulerState _kept = null!;
    private int _threadId;

    [GlobalSetup]
    public void Setup()
    {
        _threadId = KernelThread.CurrentId();
        _kept = new SchedulerState(_threadId);
    }

    [Benchmark(Baseline = true)]
    public bool? KeptOpen() => _kept.IsRunnable();

    [Benchmark]
    public byte OpenedEachTime()
    {
        // What the sampler did before: open, read, close.
        Span<byte> buffer = stackalloc byte[512];
        using var handle = File.OpenHandle($"/proc/self/task/{_threadId}/stat");
        int read = RandomAccess.Read(handle, buffer, 0);
        return buffer[read / 2];
    }
}

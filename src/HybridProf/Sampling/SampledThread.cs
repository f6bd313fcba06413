using System;
using System.Threading;
using HybridProf.Markers;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// The sampler's record of one thread that has run instrumented code: its shadow stack, and
/// what tells running from waiting (its CPU clock, its scheduler state, the last reading). The
/// clock and the kernel id can only be had on the thread itself, so the entry is made there,
/// when the thread attaches its stack.
/// </summary>
internal sealed class SampledThread
{
    private SampledThread(ShadowStack stack, ThreadCpuClock clock, int kernelThreadId)
    {
        Stack = stack;
        Clock = clock;
        Scheduler = new SchedulerState(kernelThreadId);
    }

    public ShadowStack Stack { get; }

    public Thread Owner => Stack.Owner;

    public ThreadCpuClock Clock { get; }

    public SchedulerState Scheduler { get; }

    // The sampler's last reading of the clock, when it took it (Stopwatch timestamp, tick
    // number, GC pause total) and what it concluded; the cpu-mode samples it has earned but
    // not yet taken. Written by the sampler thread only.
    public long LastCpuNanoseconds = -1;
    public long LastReadTimestamp;
    public long LastReadTick = -1;
    public TimeSpan LastReadPause;
    public bool WasRunnable = true;
    public double CpuCredit;

    /// <summary>The entry of the calling thread, whose stack is <paramref name="stack"/>.</summary>
    public static SampledThread ForCurrentThread(ShadowStack stack) =>
        new(stack, ThreadCpuClock.ForCurrentThread(), KernelThread.CurrentId());
}

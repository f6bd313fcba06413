using System;
using System.Diagnostics;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// Tells, at each tick, which sampled threads are running or ready to run and which are
/// waiting, without stopping them:
/// <list type="bullet">
/// <item>each CPU clock is read twice, a pass over the threads apart; the kernel counts a
/// running slice up to the moment of a read, so a thread on a CPU right now has advanced;</item>
/// <item>a thread that did not advance and barely ran since its last reading is waiting;</item>
/// <item>one that did not advance but ran much of that time is asked about directly (its
/// scheduler state), which separates a thread displaced from its core from one that has
/// just blocked after a burst, whose past CPU must not be charged to its current stack.</item>
/// </list>
/// Where no clock exists (the documented cpu-to-wall fallback) every thread counts as running.
/// Used by the sampler thread only.
/// </summary>
internal sealed class RunStateClassifier
{
    // A thread that used at least this share of the time since its last reading, though not
    // on a CPU at the sampled instant, may be runnable (the sampler or another process
    // displaced it) or may have just gone to sleep after a burst: the kernel decides.
    private const double AmbiguousShare = 0.2;

    private readonly long _intervalTicks;
    private long[] _cpuBefore = new long[16];
    private long _classifiedAt;

    /// <param name="intervalTicks">The sampling interval in Stopwatch ticks: the shortest window a share is taken over.</param>
    public RunStateClassifier(long intervalTicks) => _intervalTicks = intervalTicks;

    /// <summary>The first of the two clock readings, for the first <paramref name="count"/> threads.</summary>
    public void ReadClocks(SampledThread[] threads, int count)
    {
        if (_cpuBefore.Length < count)
            _cpuBefore = new long[Math.Max(count, _cpuBefore.Length * 2)];
        for (int i = 0; i < count; i++)
            _cpuBefore[i] = threads[i].Clock.TryRead(out long cpu) ? cpu : -1;
        _classifiedAt = Stopwatch.GetTimestamp();
    }

    /// <summary>Whether <paramref name="thread"/>, read at <paramref name="index"/> by <see cref="ReadClocks"/>, is running or runnable.</summary>
    public bool IsRunnable(SampledThread thread, int index)
    {
        if (!thread.Clock.IsAvailable)
            return true;
        long before = _cpuBefore[index];
        // A failed read: the thread is gone.
        if (before < 0 || !thread.Clock.TryRead(out long after))
            return false;
        long now = _classifiedAt;
        long lastCpu = thread.LastCpuNanoseconds;
        long lastRead = thread.LastReadTimestamp;
        thread.LastCpuNanoseconds = after;
        thread.LastReadTimestamp = now;
        if (after > before)
            return true;
        // Over at least one interval, so a short window after a late tick does not inflate the share.
        double wallNanoseconds = Math.Max(now - lastRead, _intervalTicks) * 1e9 / Stopwatch.Frequency;
        double share = lastCpu >= 0 ? (after - lastCpu) / wallNanoseconds : 0;
        if (share < AmbiguousShare)
            return false;
        return KernelThread.IsRunnable(thread.KernelThreadId) ?? true;
    }
}

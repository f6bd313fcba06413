using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// Tells, at each tick, which sampled threads are running or ready to run (waiting for a CPU)
/// and which are waiting for something else, without stopping them:
/// <list type="bullet">
/// <item>each CPU clock is read twice, a pass over the threads apart; the kernel counts a
/// running slice up to the moment of a read, so a thread on a CPU right now has advanced;</item>
/// <item>a thread that used no CPU since its last reading and was waiting then is waiting
/// still: its clock is read once, not twice (a long sleep or I/O costs one read);</item>
/// <item>any other thread that did not advance is asked about directly, by its scheduler
/// state: a thread displaced from its core, however little CPU a crowded machine has left
/// it, is runnable; one that has just blocked after a burst is waiting, so its past CPU is
/// not charged to its current stack.</item>
/// </list>
/// Where the scheduler state cannot be read, a thread that used at least a fifth of the time
/// since its last reading counts as runnable. Where no clock exists (the documented cpu-to-wall
/// fallback) every thread counts as running. Used by the sampler thread only.
/// </summary>
internal sealed class RunStateClassifier
{
    // Without the kernel's word: a thread that used at least this share of the time since its
    // last reading, though not on a CPU at the sampled instant, is taken for displaced, not asleep.
    private const double RunnableShare = 0.2;

    private readonly long _intervalTicks;
    private long[] _cpuBefore = new long[16];
    private long _classifiedAt;
    private TimeSpan _pauseAt;
    private long _tick;

    /// <param name="intervalTicks">The sampling interval in Stopwatch ticks: the shortest window a share is taken over.</param>
    public RunStateClassifier(long intervalTicks) => _intervalTicks = intervalTicks;

    /// <summary>The first of the two clock readings, for the first <paramref name="count"/> threads; starts a tick.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public void ReadClocks(SampledThread[] threads, int count)
    {
        if (_cpuBefore.Length < count)
            _cpuBefore = new long[Math.Max(count, _cpuBefore.Length * 2)];
        for (int i = 0; i < count; i++)
            _cpuBefore[i] = threads[i].Clock.TryRead(out long cpu) ? cpu : -1;
        _classifiedAt = Stopwatch.GetTimestamp();
        _pauseAt = GcPauseTracker.TotalPause();
        _tick++;
    }

    /// <summary>Whether <paramref name="thread"/>, read at <paramref name="index"/> by <see cref="ReadClocks"/>, is running or runnable, and what it used since the previous tick; updates its <paramref name="history"/>.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public ThreadReading Read(SampledThread thread, ThreadHistory history, int index)
    {
        if (!thread.Clock.IsAvailable)
            return new ThreadReading(runnable: true);
        long before = _cpuBefore[index];
        // A failed read: the thread is gone.
        if (before < 0)
            return new ThreadReading(runnable: false);
        long lastCpu = history.LastCpuNanoseconds;
        long after;
        if (before == lastCpu && !history.WasRunnable)
        {
            // Waiting at the last tick and no CPU used since: still waiting. Each clock read is
            // a system call (0.3–1.7 µs on the machines measured), and most sampled threads are
            // waiting ones, so they are read once per tick, not twice.
            after = before;
        }
        else if (!thread.Clock.TryRead(out after))
        {
            return new ThreadReading(runnable: false);
        }
        long now = _classifiedAt;
        long lastRead = history.LastReadTimestamp;
        // Read at the previous tick too: the thread stayed in instrumented code in between, so
        // the CPU it used since is instrumented code's.
        bool continuous = lastCpu >= 0 && history.LastReadTick == _tick - 1;
        var pauseSince = _pauseAt - history.LastReadPause;
        history.LastCpuNanoseconds = after;
        history.LastReadTimestamp = now;
        history.LastReadTick = _tick;
        history.LastReadPause = _pauseAt;
        bool runnable = after > before || IsRunnableThoughNotOnCpu(thread, history.WasRunnable, lastCpu >= 0 ? after - lastCpu : 0, now - lastRead);
        history.WasRunnable = runnable;
        return continuous
            ? new ThreadReading(runnable, after - lastCpu, (now - lastRead) * 1e9 / Stopwatch.Frequency, pauseSince.Ticks * 100.0)
            : new ThreadReading(runnable);
    }

    /// <summary>
    /// The path a tick takes for a thread found off its CPU, once, on <paramref name="scratch"/>
    /// (the kernel's word on it: its file opened and read): the first such thread can come at any
    /// moment of a run (ScratchProfile says why that matters).
    /// </summary>
    internal void WarmUp(SampledThread scratch) => IsRunnableThoughNotOnCpu(scratch, wasRunnable: true, 0, _intervalTicks);

    [MethodImpl(CompiledOnce.Optimized)]
    private bool IsRunnableThoughNotOnCpu(SampledThread thread, bool wasRunnable, long cpuSinceLastReading, long ticksSinceLastReading)
    {
        if (cpuSinceLastReading == 0 && !wasRunnable)
            return false;
        if (thread.Scheduler.IsRunnable() is { } state)
            return state;
        // Over at least one interval, so a short window after a late tick does not inflate the share.
        double wallNanoseconds = Math.Max(ticksSinceLastReading, _intervalTicks) * 1e9 / Stopwatch.Frequency;
        return cpuSinceLastReading / wallNanoseconds >= RunnableShare;
    }
}

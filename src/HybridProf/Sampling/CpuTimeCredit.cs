using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// How many samples a thread earns at a tick in cpu mode: one per sampling interval of CPU
/// time it used since the sampler last read it, the way <c>perf</c>'s cpu-clock event or Go's
/// CPU profiler count, not one per tick at which it was on a CPU or waiting for one.
/// <para>
/// Counting ticks is wall time for a thread that is ready to run: on a crowded machine a
/// thread displaced from its core for 30 ms collects three samples at the one place it
/// stopped, so a function's share scattered with the neighbours' load (a 4:2:1 split, 2
/// spinning processes on 2 cores: the large share ranged 52.5–60.9 % over 7 runs, against
/// 53.0–58.5 % alone). Counting the CPU it used gives the displaced stretch nothing.
/// </para>
/// <list type="bullet">
/// <item>What is left of an interval carries to the next tick, so nothing is rounded away.</item>
/// <item>A thread that is waiting now keeps at most one sample of credit: a burst that ended
/// in a wait is charged, once, to where the thread next runs (so short bursts between waits
/// still count), never to the stack it waits in.</item>
/// <item>A GC pause is <c>[GC]</c>'s: a thread's credit never exceeds the wall time since its
/// last reading less the pauses in it, which takes the collection out of the thread that ran it.</item>
/// <item>A thread the sampler did not read at the previous tick (it was outside instrumented
/// code) has no CPU figure for the interval: it counts as before, the tick's weight when it is
/// running or ready to run, which is right on average because it is seen in proportion to its time.</item>
/// </list>
/// </summary>
internal sealed class CpuTimeCredit
{
    private const double WaitingCarryLimit = 1.0;

    private readonly double _intervalNanoseconds;

    /// <param name="intervalTicks">The sampling interval in Stopwatch ticks.</param>
    public CpuTimeCredit(long intervalTicks) => _intervalNanoseconds = intervalTicks * 1e9 / Stopwatch.Frequency;

    /// <summary>The samples a thread earns at this tick.</summary>
    /// <param name="thread">The thread's history; its carried credit is updated.</param>
    /// <param name="reading">The classifier's reading of it at this tick.</param>
    /// <param name="weight">The intervals this tick stands for, GC pauses taken out: what a thread with no CPU figure gets.</param>
    [MethodImpl(CompiledOnce.Optimized)]
    public long Take(ThreadHistory thread, in ThreadReading reading, int weight)
    {
        if (!reading.HasCpuTime)
        {
            thread.CpuCredit = 0;
            return reading.Runnable ? weight : 0;
        }
        double usable = Math.Max(0, reading.WallNanoseconds - reading.PauseNanoseconds);
        double credit = thread.CpuCredit + Math.Min(reading.CpuNanoseconds, usable) / _intervalNanoseconds;
        if (!reading.Runnable)
        {
            thread.CpuCredit = Math.Min(credit, WaitingCarryLimit);
            return 0;
        }
        if (reading.CpuNanoseconds <= 0)
        {
            // Runnable but has not run since the last reading: just woken, waiting for a core,
            // still in the frame it waited in. Credit earned before the wait is spent where the
            // thread next runs, not on that frame (a sleep loop would otherwise have its sleep
            // charged whenever the machine is busy).
            thread.CpuCredit = Math.Min(credit, WaitingCarryLimit);
            return 0;
        }
        long samples = (long)Math.Floor(credit);
        thread.CpuCredit = credit - samples;
        return samples;
    }
}

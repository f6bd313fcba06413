using System;
using System.Runtime.CompilerServices;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// When the sampler wakes, and how many sampling intervals each tick stands for.
/// <para>
/// Intervals are drawn uniformly from [½T, 1½T] (mean T, the configured period). A fixed
/// period, even with a little jitter, stays in step with work that repeats at a similar
/// period and over-samples whichever part of the cycle it happens to land on: a loop of
/// calls lasting 0.7 ms sampled every 1 ms ± 10% gave one function 18% of the samples for
/// 14% of the time. With intervals this spread no cycle keeps its phase for more than a few
/// ticks, so each sample lands at an independent point of the work.
/// </para>
/// <para>
/// Targets follow each other (target + interval), not the moment the sampler actually woke,
/// so the small wake-up delay of every sleep does not slow the rate. A tick later than a
/// whole period (a starved sampler, a GC pause) stands for the time it missed, so every
/// stack keeps its share of the time; the schedule then restarts from now instead of
/// firing a burst of catch-up ticks.
/// </para>
/// </summary>
internal sealed class TickSchedule
{
    private readonly long _period;
    // xorshift64*: our own generator, compiled once, where System.Random would be recompiled in tiers (CompiledOnce).
    private ulong _random;
    private double _lateCarry;

    public TickSchedule(long periodTicks, long start, ulong seed)
    {
        _period = Math.Max(1, periodTicks);
        _random = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
        Target = start + NextInterval();
    }

    /// <summary>The clock reading the sampler should wake at next.</summary>
    public long Target { get; private set; }

    /// <summary>
    /// Called when the sampler wakes at <paramref name="now"/> (at or after <see cref="Target"/>):
    /// the intervals this tick stands for (1 when on time), and how many of them were missed.
    /// </summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public int Take(long now, out int missed)
    {
        long late = now - Target;
        missed = 0;
        if (late >= _period)
        {
            _lateCarry += (double)late / _period;
            missed = (int)Math.Min(int.MaxValue - 1, Math.Floor(_lateCarry));
            _lateCarry -= missed;
            Target = now + NextInterval();
        }
        else
        {
            Target += NextInterval();
        }
        return 1 + missed;
    }

    [MethodImpl(CompiledOnce.Optimized)]
    private long NextInterval()
    {
        _random ^= _random >> 12;
        _random ^= _random << 25;
        _random ^= _random >> 27;
        // The top 53 bits as a fraction in [0, 1).
        double uniform = ((_random * 0x2545F4914F6CDD1DUL) >> 11) * (1.0 / (1UL << 53));
        return _period / 2 + (long)(uniform * _period);
    }
}

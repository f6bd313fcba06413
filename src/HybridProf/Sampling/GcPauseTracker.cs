using System;
using System.Runtime.CompilerServices;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// Turns the runtime's own total GC pause time into samples. The sampler is a managed
/// thread and stops during a pause like everyone else, so without this the pauses would
/// vanish from the profile instead of showing under <c>[GC]</c>.
/// </summary>
internal sealed class GcPauseTracker
{
    private readonly TimeSpan _interval;
    private TimeSpan _seen;
    private TimeSpan _pending;

    public GcPauseTracker(TimeSpan interval)
    {
        _interval = interval;
        _seen = TotalPause();
    }

    /// <summary>Whole sampling intervals of pause time since the last call; the remainder carries over.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public int TakeWholeIntervals()
    {
        var total = TotalPause();
        _pending += total - _seen;
        _seen = total;
        if (_pending < _interval)
            return 0;
        int whole = (int)(_pending.Ticks / _interval.Ticks);
        _pending -= TimeSpan.FromTicks(whole * _interval.Ticks);
        return whole;
    }

/// <summary>The runtime's total GC pause time so far.</summary>
#if NET8_0_OR_GREATER
    [MethodImpl(CompiledOnce.Optimized)]
    internal static TimeSpan TotalPause() => GC.GetTotalPauseDuration();
#else
    // netstandard2.0 has no pause figures; GC time then counts under the interrupted frames.
    internal static TimeSpan TotalPause() => TimeSpan.Zero;
#endif
}

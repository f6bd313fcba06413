using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HybridProf.Platform;

/// <summary>
/// Sleeps for less than a millisecond where the platform allows it. The runtime's waits
/// count whole milliseconds, which at 1 kHz would round every randomized interval of the
/// sampler's tick schedule to 1 or 2 ms and bring back the regular cadence it removes.
/// </summary>
internal static unsafe class PreciseSleep
{
    /// <summary>True where <see cref="Sleep"/> has sub-millisecond resolution (Linux: <c>clock_nanosleep</c>).</summary>
    public static bool IsSupported { get; } = ThreadCpuClock.IsSupported && Probe();

    /// <summary>Sleeps about <paramref name="nanoseconds"/> (interrupted early by a signal, which the caller tolerates).</summary>
    [MethodImpl(CompiledOnce.Optimized)] // The sampler's wait between ticks (CompiledOnce says why).
    public static void Sleep(long nanoseconds)
    {
        if (nanoseconds <= 0)
            return;
        var span = new LinuxClock.Timespec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
        LinuxClock.clock_nanosleep(LinuxClock.ClockMonotonic, 0, &span, null);
    }

    private static bool Probe()
    {
        try
        {
            var span = new LinuxClock.Timespec { Nanoseconds = 1 };
            return LinuxClock.clock_nanosleep(LinuxClock.ClockMonotonic, 0, &span, null) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}

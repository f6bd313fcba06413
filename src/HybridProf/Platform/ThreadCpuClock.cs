using System;
using System.Runtime.InteropServices;

namespace HybridProf.Platform;

/// <summary>
/// A thread's CPU-time clock, so the sampler can tell a running thread from a waiting one
/// without stopping it. Linux: <c>pthread_getcpuclockid</c> + <c>clock_gettime</c>. Where no
/// per-thread clock is implemented the clock is unavailable and cpu mode falls back to wall.
/// </summary>
internal readonly struct ThreadCpuClock
{
    private readonly int _clockId;

    private ThreadCpuClock(int clockId)
    {
        _clockId = clockId;
        IsAvailable = true;
    }

    /// <summary>False where the platform has no per-thread CPU clock (or it could not be read).</summary>
    public bool IsAvailable { get; }

    /// <summary>True when this platform implements per-thread CPU clocks.</summary>
    public static bool IsSupported { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    /// <summary>The clock of the calling thread. Never throws: failure gives an unavailable clock.</summary>
    public static ThreadCpuClock ForCurrentThread()
    {
        if (!IsSupported)
            return default;
        try
        {
            return LinuxClock.pthread_getcpuclockid(LinuxClock.pthread_self(), out int id) == 0
                ? new ThreadCpuClock(id)
                : default;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return default;
        }
    }

    /// <summary>
    /// CPU time the thread has used, in nanoseconds. False when the clock is unavailable or
    /// the thread has exited (its clock id is then invalid).
    /// </summary>
    public unsafe bool TryRead(out long nanoseconds)
    {
        nanoseconds = 0;
        if (!IsAvailable)
            return false;
        LinuxClock.Timespec ts;
        if (LinuxClock.clock_gettime(_clockId, &ts) != 0)
            return false;
        nanoseconds = ts.Seconds * 1_000_000_000L + ts.Nanoseconds;
        return true;
    }
}

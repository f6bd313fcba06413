using System;
using System.Runtime.InteropServices;

namespace HybridProf.Platform;

/// <summary>The few libc calls the sampler needs; blittable signatures so NativeAOT needs no marshalling stubs.</summary>
internal static unsafe class LinuxClock
{
    private const string LibC = "libc";

    [StructLayout(LayoutKind.Sequential)]
    internal struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // CLOCK_MONOTONIC: the sampler's sub-millisecond sleeps, and tests comparing against the thread clock.
    internal const int ClockMonotonic = 1;

    [DllImport(LibC)]
    internal static extern IntPtr pthread_self();

    [DllImport(LibC)]
    internal static extern int pthread_getcpuclockid(IntPtr thread, out int clockId);

    [DllImport(LibC)]
    internal static extern int clock_gettime(int clockId, Timespec* time);

    // Returns the error number (not -1/errno); flags 0 = relative sleep.
    [DllImport(LibC)]
    internal static extern int clock_nanosleep(int clockId, int flags, Timespec* request, Timespec* remain);
}

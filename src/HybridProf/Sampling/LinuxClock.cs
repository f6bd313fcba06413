using System;
using System.Runtime.InteropServices;

namespace HybridProf.Sampling;

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

    // glibc's CLOCK_MONOTONIC; used only by tests to compare against the thread clock.
    internal const int ClockMonotonic = 1;

    [DllImport(LibC)]
    internal static extern IntPtr pthread_self();

    [DllImport(LibC)]
    internal static extern int pthread_getcpuclockid(IntPtr thread, out int clockId);

    [DllImport(LibC)]
    internal static extern int clock_gettime(int clockId, Timespec* time);
}

using System;
using System.Runtime.InteropServices;

namespace HybridProf.Platform;

/// <summary>A thread's kernel id (its <see cref="SchedulerState"/> is read by that id).</summary>
internal static class KernelThread
{
    /// <summary>The calling thread's kernel id, or 0 where it cannot be had.</summary>
    public static int CurrentId()
    {
        if (!ThreadCpuClock.IsSupported)
            return 0;
        try
        {
            return gettid();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    [DllImport("libc")]
    private static extern int gettid();
}

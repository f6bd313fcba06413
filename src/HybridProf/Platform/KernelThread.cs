using System;
using System.IO;
using System.Runtime.InteropServices;

namespace HybridProf.Platform;

/// <summary>
/// A thread's kernel id, and its scheduler state from <c>/proc/self/task/TID/stat</c>: <c>R</c> is running or
/// runnable. Reading it costs microseconds, so the sampler asks only when the CPU clocks
/// leave the answer open.
/// </summary>
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

    /// <summary>True for R (running or runnable), false for any waiting state, null when unknown.</summary>
    public static bool? IsRunnable(int threadId)
    {
#if NET6_0_OR_GREATER
        if (threadId <= 0)
            return null;
        try
        {
            Span<byte> buffer = stackalloc byte[512];
            int read;
            using (var handle = File.OpenHandle($"/proc/self/task/{threadId}/stat"))
                read = RandomAccess.Read(handle, buffer, 0);
            // "tid (comm) S ...": comm may hold spaces and parentheses, so look after the last ')'.
            int close = buffer.Slice(0, read).LastIndexOf((byte)')');
            return close >= 0 && close + 2 < read ? buffer[close + 2] == (byte)'R' : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the thread is gone, or /proc is not readable here
        }
#else
        return null;
#endif
    }

    [DllImport("libc")]
    private static extern int gettid();
}

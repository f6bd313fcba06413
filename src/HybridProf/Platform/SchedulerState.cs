using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;

#if NET6_0_OR_GREATER
using Microsoft.Win32.SafeHandles;
#endif

namespace HybridProf.Platform;

/// <summary>
/// One thread's scheduler state from <c>/proc/self/task/TID/stat</c>: <c>R</c> is running or
/// waiting for a CPU, any other letter waiting for something else (sleep, I/O, a lock). The file
/// stays open: reading an open stat file again from offset 0 gives the state of that moment for
/// about 2.5 µs, where opening, reading and closing it costs about 12 µs (SchedulerStateBenchmarks).
/// The handle is closed by its finalizer once the thread's entry is dropped.
/// </summary>
internal sealed class SchedulerState
{
    private readonly int _threadId;
#if NET6_0_OR_GREATER
    private SafeFileHandle? _handle;
    private volatile bool _unavailable;
#endif

    /// <param name="threadId">The thread's kernel id; 0 when unknown (then the state is always unknown).</param>
    public SchedulerState(int threadId) => _threadId = threadId;

    /// <summary>True for R (running or runnable), false for any waiting state, null when unknown here.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public bool? IsRunnable()
    {
#if NET6_0_OR_GREATER
        if (_threadId <= 0 || _unavailable)
            return null;
        try
        {
            var handle = Volatile.Read(ref _handle) ?? Open();
            Span<byte> buffer = stackalloc byte[512];
            int read = RandomAccess.Read(handle, buffer, 0);
            // "tid (comm) S ...": comm may hold spaces and parentheses, so look after the last ')'.
            int close = buffer.Slice(0, read).LastIndexOf((byte)')');
            return close >= 0 && close + 2 < read ? buffer[close + 2] == (byte)'R' : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // The thread is gone, or /proc is not readable here: ask no more.
            _unavailable = true;
            return null;
        }
#else
        return null;
#endif
    }

    /// <summary>Closes the kept file, for a state asked about once (the sampler's warm-up).</summary>
    public void Close()
    {
#if NET6_0_OR_GREATER
        Interlocked.Exchange(ref _handle, null)?.Dispose();
#endif
    }

#if NET6_0_OR_GREATER
    private SafeFileHandle Open()
    {
        var opened = File.OpenHandle($"/proc/self/task/{_threadId}/stat");
        // Two samplers may open it at once (an attached session beside the automatic one): one handle is kept.
        var kept = Interlocked.CompareExchange(ref _handle, opened, null);
        if (kept is null)
            return opened;
        opened.Dispose();
        return kept;
    }
#endif
}

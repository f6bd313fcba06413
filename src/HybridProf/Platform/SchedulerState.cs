using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace HybridProf.Platform;

/// <summary>
/// One thread's scheduler state from <c>/proc/self/task/TID/stat</c>: <c>R</c> is running or
/// waiting for a CPU, any other letter waiting for something else (sleep, I/O, a lock). The file
/// stays open: reading an open stat file again from offset 0 gives the state of that moment for
/// about 2.5 µs, where opening, reading and closing it costs about 12 µs (SchedulerStateBenchmarks).
/// The file is closed by the finalizer once the thread's entry is dropped.
/// <para>
/// Opened, read and scanned with system calls and code of ours, not <c>File.OpenHandle</c>,
/// <c>RandomAccess</c> and <c>LastIndexOf</c>: the sampler asks about a thread for the first time
/// whenever a new one appears, and the runtime's file code, which the app may have had
/// recompiled by then, made such a late first open the process's first call of a method of
/// its own, which pauses the optimizing of the app's code (CompiledOnce says why).
/// </para>
/// </summary>
internal sealed unsafe class SchedulerState
{
    private const int ReadOnly = 0, CloseOnExec = 0x80000;

    private readonly int _threadId;
    // The open file, or −1; written with Interlocked, as two samplers may open it at once.
    private int _descriptor = -1;
    private volatile bool _unavailable;

    /// <param name="threadId">The thread's kernel id; 0 when unknown (then the state is always unknown).</param>
    public SchedulerState(int threadId) => _threadId = threadId;

    ~SchedulerState() => Close();

    /// <summary>True for R (running or runnable), false for any waiting state, null when unknown here.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public bool? IsRunnable()
    {
        if (_threadId <= 0 || _unavailable || !ThreadCpuClock.IsSupported)
            return null;
        int descriptor = Volatile.Read(ref _descriptor);
        if (descriptor < 0 && (descriptor = Open()) < 0)
        {
            // The thread is gone, or /proc is not readable here: ask no more.
            _unavailable = true;
            return null;
        }
        byte* buffer = stackalloc byte[512];
        long read = pread(descriptor, buffer, 512, 0);
        if (read <= 0)
        {
            _unavailable = true;
            return null;
        }
        // "tid (comm) S ...": comm may hold spaces and parentheses, so look after the last ')'.
        int close = (int)read - 1;
        while (close >= 0 && buffer[close] != (byte)')')
            close--;
        return close >= 0 && close + 2 < read ? buffer[close + 2] == (byte)'R' : null;
    }

    /// <summary>Closes the file (the finalizer, or a state asked about once: the sampler's warm-up).</summary>
    public void Close()
    {
        int descriptor = Interlocked.Exchange(ref _descriptor, -1);
        if (descriptor >= 0)
            close(descriptor);
    }

    /// <summary>Opens the thread's stat file; the descriptor kept (another sampler's, if it was first), or −1.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    private int Open()
    {
        // "/proc/self/task/" + digits + "/stat" + NUL, in ASCII.
        byte* path = stackalloc byte[48];
        int n = 0;
        foreach (char c in "/proc/self/task/")
            path[n++] = (byte)c;
        int digits = 1;
        for (int rest = _threadId / 10; rest > 0; rest /= 10)
            digits++;
        for (int i = digits - 1, rest = _threadId; i >= 0; i--, rest /= 10)
            path[n + i] = (byte)('0' + rest % 10);
        n += digits;
        foreach (char c in "/stat")
            path[n++] = (byte)c;
        path[n] = 0;
        int opened;
        try
        {
            opened = open(path, ReadOnly | CloseOnExec);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
        if (opened < 0)
            return -1;
        int kept = Interlocked.CompareExchange(ref _descriptor, opened, -1);
        if (kept < 0)
            return opened;
        close(opened);
        return kept;
    }

    [DllImport("libc")]
    private static extern int open(byte* path, int flags);

    [DllImport("libc")]
    private static extern long pread(int descriptor, byte* buffer, long count, long offset);

    [DllImport("libc")]
    private static extern int close(int descriptor);
}

using System;
using System.Runtime.CompilerServices;
using System.Threading;
using HybridProf.Markers;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// Every live thread that has run instrumented code. A thread takes the lock once, when it
/// first enters instrumented code; readers (the sampler) load a published copy-on-write
/// array and never lock. Dead threads are dropped on every registration and by
/// <see cref="Purge"/>, so short-lived threads cannot leak.
/// </summary>
internal static class ThreadRegistry
{
    private static readonly object s_lock = new();
    private static SampledThread[] s_threads = Array.Empty<SampledThread>();

    /// <summary>The registered threads; the array is never mutated after it is published.</summary>
    public static SampledThread[] Snapshot() => Volatile.Read(ref s_threads);

    /// <summary>
    /// Registers the calling thread, whose stack is <paramref name="stack"/>. It runs on the
    /// app's thread inside its call: a failure costs this thread its samples and one line,
    /// never the call itself.
    /// </summary>
    public static void Add(ShadowStack stack)
    {
        try
        {
            var thread = SampledThread.ForCurrentThread(stack);
            lock (s_lock)
            {
                var next = CopyLive(extra: 1);
                next[next.Length - 1] = thread;
                Volatile.Write(ref s_threads, next);
            }
        }
        catch (Exception e)
        {
            Diagnostics.Warn($"a thread could not be registered for sampling: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Forgets threads that have exited.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public static void Purge()
    {
        lock (s_lock)
            Volatile.Write(ref s_threads, CopyLive(extra: 0));
    }

    [MethodImpl(CompiledOnce.Optimized)]
    private static SampledThread[] CopyLive(int extra)
    {
        // One pass: a thread can die while this runs, so counting first and filling after
        // would leave empty slots (a null entry would fault every later pass).
        var current = s_threads;
        var next = new SampledThread[current.Length + extra];
        int n = 0;
        foreach (var s in current)
        {
            if (s.Owner.IsAlive)
                next[n++] = s;
        }
        if (n + extra == next.Length)
            return next;
        // Copied here, not by Array.Resize: the sampler's purge calls only code compiled once
        // (CompiledOnce), and the first purge that drops a thread may come late in a run.
        var fitted = new SampledThread[n + extra];
        for (int i = 0; i < n; i++)
            fitted[i] = next[i];
        return fitted;
    }
}

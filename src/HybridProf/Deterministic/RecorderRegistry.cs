using System;
using System.Threading;

namespace HybridProf.Deterministic;

/// <summary>
/// Every thread recorder ever created, dead threads included (their calls count). A thread
/// adds itself once, on its first instrumented call, with a compare-and-swap on a
/// copy-on-write array: no lock is shared with the merge.
/// </summary>
internal static class RecorderRegistry
{
    private static ThreadRecorder[] s_recorders = Array.Empty<ThreadRecorder>();

    public static ThreadRecorder[] Snapshot() => Volatile.Read(ref s_recorders);

    /// <summary>Whether new recorders keep each call for a timeline; set at start-up with the mode.</summary>
    public static bool KeepsTimeline;

    public static ThreadRecorder Create(Thread owner)
    {
        var recorder = new ThreadRecorder(owner, timeline: KeepsTimeline);
        while (true)
        {
            var current = Volatile.Read(ref s_recorders);
            var next = new ThreadRecorder[current.Length + 1];
            Array.Copy(current, next, current.Length);
            next[current.Length] = recorder;
            if (Interlocked.CompareExchange(ref s_recorders, next, current) == current)
                return recorder;
        }
    }
}

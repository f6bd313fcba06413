using System.Threading;

namespace HybridProf.Markers;

/// <summary>
/// Whether runs of handed-over work are counted (in <see cref="AsyncNode.PendingChildren"/>), which
/// only wall mode's wait rule needs. Off otherwise: the count is one shared counter per
/// hand-over, and a parallel loop's bodies on every core would contend for its cache line
/// (measured: a tiny Parallel.For body went from 16 to 60 ns with the count always on).
/// </summary>
internal static class HandedWaits
{
    private static int s_sessions;

    public static bool AreCounted => Volatile.Read(ref s_sessions) > 0;

    /// <summary>A wall-mode session starts counting; pair with <see cref="Release"/>.</summary>
    public static void Acquire() => Interlocked.Increment(ref s_sessions);

    public static void Release() => Interlocked.Decrement(ref s_sessions);
}

using System.Runtime.CompilerServices;
using System.Threading;

namespace HybridProf.Markers;

/// <summary>
/// Async operations that have suspended at least once, for wall mode and stack dumps. A
/// lock-free list: operations push at the head with one compare-and-swap, once per
/// operation; only the (single) collector unlinks finished nodes, so readers never block
/// the app. Tracking is off unless something needs it, so nothing accumulates unread.
/// </summary>
internal static class PendingOperations
{
    private static AsyncNode? s_head;
    private static int s_users;
    private static readonly object s_collector = new();

    public static bool IsTracking => Volatile.Read(ref s_users) > 0;

    /// <summary>Starts tracking for one user (a wall-mode session, a dump); pair with <see cref="Release"/>.</summary>
    public static void Acquire() => Interlocked.Increment(ref s_users);

    public static void Release()
    {
        if (Interlocked.Decrement(ref s_users) > 0)
            return;
        lock (s_collector)
        {
            // Unlink everything: a node kept alive by its state machine must not keep the rest alive.
            var node = Interlocked.Exchange(ref s_head, null);
            while (node is not null)
            {
                var next = node.NextPending;
                node.NextPending = null;
                node = next;
            }
        }
    }

    // Adds since the list was last swept, and what the sweep kept: with no sampler collecting
    // (tracking for the agent's dumps), an add now and then sweeps finished operations out.
    private static int s_addsSinceSweep;
    private static int s_keptBySweep;
    private const int SweepAfterAtLeast = 4096;

    public static void Add(AsyncNode node)
    {
        AsyncNode? head;
        do
        {
            head = Volatile.Read(ref s_head);
            node.NextPending = head;
        }
        while (Interlocked.CompareExchange(ref s_head, node, head) != head);
        if (Interlocked.Increment(ref s_addsSinceSweep) > SweepAfterAtLeast + 2 * Volatile.Read(ref s_keptBySweep))
            SweepFinished();
    }

    /// <summary>
    /// Unlinks finished operations whose counts nobody still needs; amortised over the adds
    /// (one sweep per thousands of adds, each linear in the list). Skipped when the collector
    /// is busy: a sampler or a dump is collecting right then anyway.
    /// </summary>
    private static void SweepFinished()
    {
        if (!Monitor.TryEnter(s_collector))
            return;
        try
        {
            int kept = 0;
            Collect(ref kept, static (ref int count, AsyncNode node) =>
            {
                bool keep = Volatile.Read(ref node.State) != AsyncNode.Done || node.AwaitSamples != 0;
                if (keep)
                    count++;
                return keep;
            });
        }
        finally
        {
            Monitor.Exit(s_collector);
        }
    }

    /// <summary>
    /// Calls <paramref name="visit"/> for each node; a node for which it returns false is
    /// unlinked (the visitor does so for done nodes once it has taken what it needs).
    /// </summary>
    [MethodImpl(SamplerPath.CompiledOnce)]
    public static void Collect<TState>(ref TState state, Visitor<TState> visit)
    {
        lock (s_collector)
        {
            int kept = 0;
            var previous = Volatile.Read(ref s_head);
            if (previous is null)
                return;
            // The head stays even when unwanted: removing it would race with pushes. Others are
            // unlinked by the collector alone, which is the only writer of a linked node's link.
            visit(ref state, previous);
            var current = previous.NextPending;
            while (current is not null)
            {
                var next = current.NextPending;
                if (visit(ref state, current))
                {
                    previous = current;
                    kept++;
                }
                else
                {
                    previous.NextPending = next;
                }
                current = next;
            }
            Volatile.Write(ref s_keptBySweep, kept);
            Volatile.Write(ref s_addsSinceSweep, 0);
        }
    }

    internal delegate bool Visitor<TState>(ref TState state, AsyncNode node);
}

using System.ComponentModel;
using System.Threading;

namespace HybridProf.Markers;

/// <summary>
/// The logical caller chain of one async operation, captured the first time it suspends:
/// the frames that were above the thread's nearest switch point, and the node of that
/// switch point as parent. A resumed continuation pushes a switch entry pointing here, so
/// whatever thread runs it is sampled under the chain of awaiting callers. Woven state
/// machines hold one in a field the weaver adds; it is immutable but for its state.
/// </summary>
public sealed class AsyncNode
{
    internal const int Running = 0;
    internal const int Suspended = 1;
    internal const int Done = 2;

    internal AsyncNode(AsyncNode? parent, int[] frames)
    {
        Parent = parent;
        Frames = frames;
    }

    /// <summary>The node the captured frames sat on, or null when they reach the thread's root.</summary>
    internal AsyncNode? Parent { get; }

    /// <summary>Method ids, root first; the last one is the operation's own method.</summary>
    internal int[] Frames { get; }

    /// <summary><see cref="Running"/>, <see cref="Suspended"/> or <see cref="Done"/>.</summary>
    internal int State;

    /// <summary><see cref="System.Environment.TickCount"/> when it last suspended.</summary>
    internal int SuspendedAt;

    /// <summary>
    /// The operation awaiting this one, if it is instrumented: while this one is pending,
    /// that one's wait is this one's wait and is counted here only (the innermost await).
    /// </summary>
    internal AsyncNode? AwaitingParent;

    /// <summary>
    /// What this node waits for: pending operations that adopted it as <see cref="AwaitingParent"/>,
    /// and, in wall mode, runs of work handed over under it that are running now. The code that
    /// handed work over and waits for it is not counted as waiting meanwhile: the work's own
    /// samples are that time.
    /// </summary>
    internal int PendingChildren;

    /// <summary>
    /// The node work was handed over under from this operation's own frame before it first
    /// suspended (same chain, taken earlier): while that work runs, this operation's wait is its.
    /// </summary>
    internal AsyncNode? HandedWork;

    /// <summary>Whether this node's wait is counted elsewhere: operations it awaits, or work it handed over, are pending.</summary>
    internal bool WaitsForOthers =>
        Volatile.Read(ref PendingChildren) > 0
        || (HandedWork is { } handed && Volatile.Read(ref handed.PendingChildren) > 0);

    /// <summary>Next node in the pending-operation list (see <see cref="PendingOperations"/>).</summary>
    internal AsyncNode? NextPending;

    /// <summary>Number of frames in the whole logical chain, parents included.</summary>
    internal int ChainLength
    {
        get
        {
            int length = 0;
            for (var node = this; node is not null; node = node.Parent)
                length += node.Frames.Length;
            return length;
        }
    }

    /// <summary>Writes the whole chain, root first, into <paramref name="buffer"/>; returns the count (clamped to the buffer).</summary>
    internal int CopyChainTo(int[] buffer)
    {
        int total = System.Math.Min(ChainLength, buffer.Length);
        int end = total;
        for (var node = this; node is not null && end > 0; node = node.Parent)
        {
            var frames = node.Frames;
            for (int i = frames.Length - 1; i >= 0 && end > 0; i--)
                buffer[--end] = frames[i];
        }
        // When the chain is longer than the buffer, the root side is what falls off.
        if (end > 0)
            System.Array.Copy(buffer, end, buffer, 0, total - end);
        return total - end;
    }

    /// <summary>Deterministic mode: Stopwatch timestamp of the kick-off, the start of the operation's wall time.</summary>
    internal long StartedAt;

    /// <summary>Deterministic mode: the operation's path in the tree of the thread that last resumed it.</summary>
    internal object? RecordedPath;

    /// <summary>Samples of this operation waiting, not yet handed to the profile (owned by the pending-list collector).</summary>
    internal int AwaitSamples;

    // Stands in for AwaitingParent once the operation is done, so no parent adopts it later.
    private static readonly AsyncNode Finished = new(null, System.Array.Empty<int>());

    internal void AdoptBy(AsyncNode parent)
    {
        Interlocked.Increment(ref parent.PendingChildren);
        if (Interlocked.CompareExchange(ref AwaitingParent, parent, null) is not null)
            Interlocked.Decrement(ref parent.PendingChildren); // already done, or already adopted
    }

    internal void Complete()
    {
        Volatile.Write(ref State, Done);
        var parent = Interlocked.Exchange(ref AwaitingParent, Finished);
        if (parent is not null && parent != Finished)
            Interlocked.Decrement(ref parent.PendingChildren);
    }
}

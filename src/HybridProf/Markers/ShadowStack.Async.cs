using System;
using System.Threading;

namespace HybridProf.Markers;

public sealed partial class ShadowStack
{
    // Async operations captured on this thread, with the stack position of their own frame,
    // until an operation lower on the stack suspends and adopts them as the children it awaits.
    private const int MaxCaptured = 64;
    private AsyncNode?[] _captured = new AsyncNode?[4];
    private int[] _capturedAt = new int[4];
    private int _capturedCount;

    /// <summary>Pushes a switch entry: from here down, the logical stack is <paramref name="node"/>'s chain.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void PushSwitch(AsyncNode node)
    {
        int depth = Depth;
        var links = Links;
        if ((uint)depth < (uint)Frames.Length && (uint)depth < (uint)links.Length)
        {
            // Link before id before depth: a reader that sees the switch id sees its node. A
            // parallel loop's body pushes the same node at the same place each iteration: no
            // store (and no GC write barrier) when the link is there already.
            if (links[depth] != node)
                links[depth] = node;
            Volatile.Write(ref Frames[depth], SwitchFrame);
            Volatile.Write(ref Depth, depth + 1);
        }
        else
        {
            PushSwitchOverflow(node, depth);
        }
    }

    private void PushSwitchOverflow(AsyncNode node, int depth)
    {
        PushOverflow(SwitchFrame, depth);
        if (depth < Links.Length)
            Volatile.Write(ref Links[depth], node);
    }

    /// <summary>
    /// The node of the operation whose frame is on top: the frames above the nearest
    /// switch entry below it, on that switch entry's node.
    /// </summary>
    internal AsyncNode Capture()
    {
        int top = TopPosition;
        var node = NodeAbove(SwitchBelow(top), top);
        if (PendingOperations.IsTracking)
            PendingOperations.Add(node);
        return node;
    }

    /// <summary>The position of the nearest switch entry below <paramref name="top"/>, or −1 when the frames below reach the thread's root.</summary>
    private int SwitchBelow(int top)
    {
        int below = top - 1;
        while (below >= 0 && Frames[below] != SwitchFrame)
            below--;
        return below;
    }

    /// <summary>A node of the frames above <paramref name="below"/> up to <paramref name="top"/>, on the node of the switch entry at <paramref name="below"/>.</summary>
    private AsyncNode NodeAbove(int below, int top)
    {
        var frames = new int[Math.Max(0, top - below)];
        Array.Copy(Frames, below + 1, frames, 0, frames.Length);
        return new AsyncNode(below >= 0 ? Links[below] : null, frames);
    }

    /// <summary>
    /// Called as <paramref name="node"/>'s operation suspends with its frame on top: the
    /// operations captured above it since it was entered are the ones it started and now
    /// awaits (directly or through WhenAll/WhenAny), so its wait is theirs.
    /// </summary>
    internal void AdoptChildren(AsyncNode node, bool firstSuspension)
    {
        int position = TopPosition;
        bool resumed = position >= 0 && Frames[position] == SwitchFrame && Links[position] == node;
        while (_capturedCount > 0 && _capturedAt[_capturedCount - 1] > position)
        {
            var child = _captured[--_capturedCount]!;
            _captured[_capturedCount] = null;
            if (child != node && (resumed ? child.Parent == node : StartedUnder(node, child)))
                child.AdoptBy(node);
        }
        // Only now may it wait to be adopted itself: remembering it first would drop the
        // children above it, which belong to it.
        if (firstSuspension)
            Remember(node, position);
    }

    /// <summary>
    /// Read by the sampler from another thread: whether an async operation called from the
    /// frame at <paramref name="position"/> is still pending (the code there blocks on its
    /// task, sync over async). Racy by design: a stale answer costs one sample's attribution.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(SamplerPath.CompiledOnce)]
    internal bool HasPendingOperationAbove(int position)
    {
        int count = Volatile.Read(ref _capturedCount);
        var captured = _captured;
        var at = _capturedAt;
        for (int i = Math.Min(count, Math.Min(captured.Length, at.Length)) - 1; i >= 0 && at[i] > position; i--)
        {
            if (captured[i] is { } node && Volatile.Read(ref node.State) != AsyncNode.Done)
                return true;
        }
        return false;
    }

    // On a first run, a child's chain continues the parent's frames on the same switch node.
    private static bool StartedUnder(AsyncNode parent, AsyncNode child)
    {
        if (child.Parent != parent.Parent || child.Frames.Length <= parent.Frames.Length)
            return false;
        for (int i = 0; i < parent.Frames.Length; i++)
        {
            if (child.Frames[i] != parent.Frames[i])
                return false;
        }
        return true;
    }

    private void Remember(AsyncNode node, int position)
    {
        // Entries deeper than this belong to calls that have returned; done ones are of no use.
        while (_capturedCount > 0 && (_capturedAt[_capturedCount - 1] > position
            || Volatile.Read(ref _captured[_capturedCount - 1]!.State) == AsyncNode.Done))
        {
            _captured[--_capturedCount] = null;
        }
        if (_capturedCount == MaxCaptured)
        {
            // Fire-and-forget storms: forget the oldest rather than grow without bound.
            Array.Copy(_captured, 1, _captured, 0, _capturedCount - 1);
            Array.Copy(_capturedAt, 1, _capturedAt, 0, _capturedCount - 1);
            _capturedCount--;
        }
        if (_capturedCount == _captured.Length)
        {
            Array.Resize(ref _captured, _captured.Length * 2);
            Array.Resize(ref _capturedAt, _capturedAt.Length * 2);
        }
        _captured[_capturedCount] = node;
        _capturedAt[_capturedCount++] = position;
    }
}

using System;

namespace HybridProf.Markers;

public sealed partial class ShadowStack
{
    // The node of the last hand-over from this thread and the stack position it was taken at.
    // Read by the sampler without a lock (a stale pair costs one sample's wait attribution).
    private AsyncNode? _handOff;
    private int _handOffTop = -1;

    // The nodes of the last few hand-overs, reused while the same logical stack hands over again:
    // a loop, or code that hands over from a few call paths in turn (a service's handlers), captures
    // each stack once. Few, because each keeps its node and the nodes' parents alive.
    private const int RecentHandOffs = 4;
    private readonly AsyncNode?[] _recentHandOffs = new AsyncNode?[RecentHandOffs];
    private int _nextRecentHandOff;

    /// <summary>
    /// The delegate this thread last handed over, wrapped (HandOff.Handed reuses it). It keeps
    /// that one delegate, its work and node alive until the next hand-over from this thread.
    /// </summary>
    internal Delegate? LastHanded;

    /// <summary>Position of the top recorded entry (−1 when empty).</summary>
    internal int TopPosition => Math.Min(Depth, Frames.Length) - 1;

    /// <summary>The calling thread's stack, or null when it has never run instrumented code.</summary>
    internal static ShadowStack? CurrentIfAttached => t_current;

    /// <summary>
    /// The logical stack of the code handing work over, as a node the work runs under: the
    /// switch entry's node when a resumed async slice is on top (no capture at all), else the
    /// frames above the nearest switch entry on that entry's node; null when nothing
    /// instrumented is on the stack.
    /// </summary>
    internal AsyncNode? CaptureHandOff()
    {
        int top = TopPosition;
        if (top < 0)
            return null;
        if (Frames[top] == SwitchFrame)
            return Links[top];
        int below = SwitchBelow(top);
        var node = RecentHandOff(below, top);
        if (node is null)
        {
            node = NodeAbove(below, top);
            _recentHandOffs[_nextRecentHandOff] = node;
            _nextRecentHandOff = (_nextRecentHandOff + 1) % RecentHandOffs;
        }
        _handOffTop = top;
        _handOff = node;
        return node;
    }

    /// <summary>A recent hand-over's node of exactly the frames above <paramref name="below"/> up to <paramref name="top"/> on the same parent, if any.</summary>
    private AsyncNode? RecentHandOff(int below, int top)
    {
        var parent = below >= 0 ? Links[below] : null;
        foreach (var node in _recentHandOffs)
        {
            if (node is not null && node.Frames.Length == top - below && node.Parent == parent && SameFrames(node.Frames, Frames, below + 1))
                return node;
        }
        return null;
    }

    /// <summary>The node of work handed over from stack position <paramref name="position"/>, if that was the last hand-over.</summary>
    internal AsyncNode? HandOffAt(int position) => _handOffTop == position ? _handOff : null;

    /// <summary>
    /// Wall mode: whether the code on top of this (blocked) thread waits for work counted
    /// elsewhere: work it handed over that is still running or pending, or an async operation
    /// it called that is still pending (blocking on its task). That time is counted where the
    /// work runs or the operation awaits; counting this wait too would count it twice.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(SamplerPath.CompiledOnce)]
    internal bool WaitsForWorkCountedElsewhere()
    {
        int top = TopPosition;
        if (top < 0)
            return false;
        var node = Frames[top] == SwitchFrame ? Links[top] : HandOffAt(top);
        return (node is not null && node.WaitsForOthers) || HasPendingOperationAbove(top);
    }

    private static bool SameFrames(int[] captured, int[] frames, int start)
    {
        for (int i = 0; i < captured.Length; i++)
        {
            if (captured[i] != frames[start + i])
                return false;
        }
        return true;
    }
}

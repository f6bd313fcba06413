using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using HybridProf.Markers;

namespace HybridProf.Deterministic;

/// <summary>
/// One thread's deterministic recording: a calling-context tree whose nodes accumulate
/// calls and own time. Each enter or exit reads the clock once and charges the time since
/// the previous event to the path on top, so own time needs no per-frame start time and
/// inclusive time is summed from the tree at the end. Only the owning thread writes; no
/// lock, and no allocation once the program's call paths have been seen.
/// </summary>
internal sealed partial class ThreadRecorder : CallRecorder
{
    /// <summary>Children searched by walking the list; beyond this many, the owner's index is used.</summary>
    public const int ListSearchLimit = 8;

    private int _nodeCount;
    private Dictionary<long, CallNode>? _childIndex;
    private readonly CallPathBudget _budget;

    // Calls entered while the [truncated] node was on top: they stay on it, and their exits
    // must not pop it. Saved and cleared while a resumed async slice runs on top.
    private int _overflowDepth;
    private int[] _switchOverflow = new int[16];

    // Stopwatch timestamp of the last enter or exit on this thread.
    private long _last;

    // Enter timestamp per shadow-stack depth: the start of an async operation's wall time,
    // and of each timeline event.
    private long[] _enteredAt = new long[64];

    // For a switch entry at depth d, the node that was on top before it (the physical frame
    // below, not the logical caller): restored when the resumed slice ends.
    private CallNode?[] _switchReturn = new CallNode?[16];

    // Each call is also kept for a timeline (.trace.json output); fixed for the recorder's life.
    private readonly bool _timeline;

    /// <param name="owner">The thread whose calls this records.</param>
    /// <param name="budget">Bound on new call paths; the process's (<c>HYBRIDPROF_MAX_CALL_PATHS</c>) unless a test gives its own.</param>
    /// <param name="timeline">Whether each call is also kept for a timeline.</param>
    public ThreadRecorder(Thread owner, CallPathBudget? budget = null, bool timeline = false)
    {
        Owner = owner;
        _timeline = timeline;
        _budget = budget ?? CallPathBudget.Process;
        Root = new CallNode(0, null, this, _nodeCount++);
        Top = Root;
        _last = Stopwatch.GetTimestamp();
    }

    public Thread Owner { get; }

    /// <summary>The tree's root: time outside any instrumented frame is charged here and never reported.</summary>
    public CallNode Root { get; }

    /// <summary>The path on top of this thread's stack.</summary>
    public CallNode Top;

    /// <summary>Stopwatch timestamp of the last event, to charge the open path when a snapshot is taken.</summary>
    public long LastEvent => Volatile.Read(ref _last);

    /// <inheritdoc/>
    public override int TopMethod => Top.Method;

    /// <summary>A method was entered at shadow-stack depth <paramref name="depth"/> (before the push).</summary>
    public override void Enter(int id, int depth)
    {
        long now = Stopwatch.GetTimestamp();
        var top = Top;
        top.Own += now - _last;
        _last = now;
        var child = top.LastChild;
        if (child is null || child.Method != id)
            child = ChildOrOverflow(top, id);
        child.Calls++;
        Top = child;
        var entered = _enteredAt;
        if ((uint)depth < (uint)entered.Length)
            entered[depth] = now;
        else
            GrowEnteredAt(depth, now);
    }

    /// <summary>The frame at <paramref name="depth"/> (after the pop) returns or throws.</summary>
    public override void Exit(int depth)
    {
        long now = Stopwatch.GetTimestamp();
        var top = Top;
        top.Own += now - _last;
        _last = now;
        if (_timeline)
            Record(top.Method, depth, now, resumed: false);
        if (_overflowDepth != 0)
        {
            // A call entered under [truncated] returns: [truncated] stays on top.
            _overflowDepth--;
            return;
        }
        // The root has no parent: an exit without its enter (impossible for woven code) keeps the root.
        Top = top.Parent ?? top;
    }

    /// <summary>A resumed async slice starts at <paramref name="depth"/>: its time goes to the operation's logical path.</summary>
    public override void Resume(AsyncNode node, int depth)
    {
        long now = Stopwatch.GetTimestamp();
        Top.Own += now - _last;
        _last = now;
        if ((uint)depth >= (uint)_switchReturn.Length)
        {
            Array.Resize(ref _switchReturn, Math.Max(depth + 1, _switchReturn.Length * 2));
            Array.Resize(ref _switchOverflow, _switchReturn.Length);
        }
        _switchReturn[depth] = Top;
        _switchOverflow[depth] = _overflowDepth;
        _overflowDepth = 0;
        Top = PathOf(node);
        if ((uint)depth < (uint)_enteredAt.Length)
            _enteredAt[depth] = now;
        else
            GrowEnteredAt(depth, now);
    }

    /// <summary>
    /// The async marker's exit at <paramref name="depth"/> (after the pop): ends a resumed
    /// slice if one started there, else an ordinary frame.
    /// </summary>
    public override void ExitAsync(int depth)
    {
        if ((uint)depth < (uint)_switchReturn.Length && _switchReturn[depth] is { } below)
        {
            long now = Stopwatch.GetTimestamp();
            var top = Top;
            top.Own += now - _last;
            _last = now;
            if (_timeline)
                Record(top.Method, depth, now, resumed: true);
            _switchReturn[depth] = null;
            _overflowDepth = _switchOverflow[depth];
            Top = below;
        }
        else
        {
            Exit(depth);
        }
    }

    /// <summary>When the frame at <paramref name="depth"/> was entered (Stopwatch timestamp).</summary>
    public override long EnteredAt(int depth) =>
        (uint)depth < (uint)_enteredAt.Length ? _enteredAt[depth] : Stopwatch.GetTimestamp();

    /// <summary>The node of an async operation's logical path in this thread's tree, cached on the node.</summary>
    private CallNode PathOf(AsyncNode node)
    {
        // The cache is one reference, so a node resumed on another thread reads either its
        // own tree's node or another tree's, which the owner check rejects.
        if (node.RecordedPath is CallNode cached && cached.Owner == this)
            return cached;
        var path = node.Parent is { } parent ? PathOf(parent) : Root;
        foreach (int id in node.Frames)
            path = path.LastChild is { } last && last.Method == id ? last : path.Child(id);
        // Past the bound the path may end at [truncated], which the remaining frames fold into.
        node.RecordedPath = path;
        return path;
    }

    /// <summary>A node for a new call path, or null once the bound on call paths is reached.</summary>
    internal CallNode? NewNode(int method, CallNode parent) =>
        _budget.TryTake() ? new(method, parent, this, _nodeCount++) : null;

    /// <summary>
    /// The <c>[truncated]</c> child of a node, made past the bound: at most one per node, so
    /// the tree stays within twice the bound.
    /// </summary>
    internal CallNode NewTruncatedNode(CallNode parent) => new(CallNode.TruncatedMethod, parent, this, _nodeCount++);

    // The slow path of an enter. Entering under [truncated] stays on it (see _overflowDepth).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private CallNode ChildOrOverflow(CallNode top, int id)
    {
        if (top.Method != CallNode.TruncatedMethod)
            return top.Child(id);
        _overflowDepth++;
        return top;
    }

    internal CallNode? IndexedChild(CallNode parent, int method) =>
        _childIndex is not null && _childIndex.TryGetValue(Key(parent, method), out var child) ? child : null;

    internal void IndexChild(CallNode parent, CallNode child) =>
        (_childIndex ??= new Dictionary<long, CallNode>())[Key(parent, child.Method)] = child;

    internal void IndexAllChildren(CallNode parent)
    {
        for (var child = parent.FirstChild; child is not null; child = child.NextSibling)
            IndexChild(parent, child);
    }

    private static long Key(CallNode parent, int method) => ((long)parent.Index << 32) | (uint)method;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowEnteredAt(int depth, long now)
    {
        Array.Resize(ref _enteredAt, Math.Max(depth + 1, _enteredAt.Length * 2));
        _enteredAt[depth] = now;
    }
}

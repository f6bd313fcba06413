using System;
using System.Collections.Generic;
using System.Threading;
using HybridProf.Markers;
using HybridProf.Model;

namespace HybridProf.Deterministic;

/// <summary>The end-of-session arithmetic on calling-context trees: walks, and pstats' figures from per-path counts.</summary>
internal static class CallTree
{
    /// <summary>Every node under <paramref name="root"/> (root included, depth 0) in pre-order, without recursion (call paths can be deep).</summary>
    public static IEnumerable<(CallNode Node, int Depth)> Walk(CallNode root)
    {
        var pending = new Stack<(CallNode, int)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            yield return (node, depth);
            for (var child = Volatile.Read(ref node.FirstChild); child is not null; child = child.NextSibling)
                pending.Push((child, depth + 1));
        }
    }

    /// <summary>
    /// Per-function and per-edge figures from the merged tree. Own time and calls add up
    /// over every path; inclusive time is a path's subtree, counted only where the function
    /// is not already on the path above (so recursion is counted once), and so are
    /// primitive calls, as in cProfile.
    /// </summary>
    public static CallTimings Summarize(MergedNode root, RecordingSession.FrameTable frames, Dictionary<int, (long Ticks, long Count)> wall,
        Func<long, long> nanoseconds, List<TimelineCall> timeline, long dropped)
    {
        var inclusive = Inclusive(root);
        var functions = new Dictionary<int, long[]>();
        var edges = new Dictionary<(int, int), long[]>();
        var active = new Dictionary<int, int>();
        // Pre-order with an explicit leave marker, so `active` counts the ancestors of each node.
        var work = new Stack<(MergedNode Node, MergedNode? Parent, bool Leave)>();
        foreach (var child in root.Children)
            work.Push((child, null, false));
        while (work.Count > 0)
        {
            var (node, parent, leave) = work.Pop();
            if (leave)
            {
                active[node.Method]--;
                continue;
            }
            active.TryGetValue(node.Method, out int above);
            bool primitive = above == 0;
            long cum = inclusive[node];
            Add(functions, node.Method, node.Calls, primitive ? node.Calls : 0, node.Own, primitive ? cum : 0);
            if (parent is not null)
                Add(edges, (parent.Method, node.Method), node.Calls, primitive ? node.Calls : 0, node.Own, primitive ? cum : 0);
            active[node.Method] = above + 1;
            work.Push((node, parent, true));
            foreach (var child in node.Children)
                work.Push((child, node, false));
        }

        var functionList = new List<FunctionTiming>();
        foreach (var pair in functions)
        {
            var f = pair.Value;
            // Wall time belongs to async methods; an async iterator completes once per
            // enumeration, which is not a call, so it gets none.
            (long Ticks, long Count) w = default;
            if (MethodRegistry.Lookup(pair.Key)?.IsAsyncMethod == true)
                wall.TryGetValue(pair.Key, out w);
            // Paths seen before the session but not during it.
            if (f[0] == 0 && f[2] == 0 && w.Count == 0)
                continue;
            functionList.Add(new FunctionTiming(frames.Frame(pair.Key), f[0], f[1], nanoseconds(f[2]), nanoseconds(f[3]), nanoseconds(w.Ticks), w.Count));
        }
        var edgeList = new List<CallEdge>();
        foreach (var pair in edges)
        {
            var e = pair.Value;
            if (e[0] == 0 && e[2] == 0)
                continue;
            edgeList.Add(new CallEdge(frames.Frame(pair.Key.Item1), frames.Frame(pair.Key.Item2), e[0], e[1], nanoseconds(e[2]), nanoseconds(e[3])));
        }
        return new CallTimings(functionList, edgeList, timeline, dropped);
    }

    private static void Add<TKey>(Dictionary<TKey, long[]> sums, TKey key, long calls, long primitive, long own, long cum)
        where TKey : notnull
    {
        if (!sums.TryGetValue(key, out var s))
            sums[key] = s = new long[4];
        s[0] += calls;
        s[1] += primitive;
        s[2] += own;
        s[3] += cum;
    }

    // Subtree sums of own time, children before parents.
    private static Dictionary<MergedNode, long> Inclusive(MergedNode root)
    {
        var order = new List<MergedNode>();
        var pending = new Stack<MergedNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            order.Add(node);
            foreach (var child in node.Children)
                pending.Push(child);
        }
        var inclusive = new Dictionary<MergedNode, long>(order.Count);
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            long sum = node.Own;
            foreach (var child in node.Children)
                sum += inclusive[child];
            inclusive[node] = sum;
        }
        return inclusive;
    }
}

/// <summary>One call path of all threads together: the tree the per-function figures are computed from.</summary>
internal sealed class MergedNode
{
    private readonly Dictionary<int, MergedNode> _children = new();

    public MergedNode(int method) => Method = method;

    public int Method { get; }
    public long Calls;
    public long Own;

    public IEnumerable<MergedNode> Children => _children.Values;

    public MergedNode Child(int method)
    {
        if (!_children.TryGetValue(method, out var child))
            _children[method] = child = new MergedNode(method);
        return child;
    }
}

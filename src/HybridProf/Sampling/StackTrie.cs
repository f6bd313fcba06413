using System.Collections.Generic;
using System.Runtime.CompilerServices;
using HybridProf.Configuration;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// Interns stacks as paths in a trie of (parent node, frame id) so that a repeated stack
/// costs one dictionary probe per frame and no allocation. Node 0 is the root; every other
/// node is a call path (a frame under one chain of callers). The trie is capped so a long run
/// with ever-new stacks keeps bounded memory: past the cap, a stack ends at its longest known
/// prefix, which the caller marks <c>[truncated]</c>. Its tick-time methods are compiled once
/// and call only code of ours (<see cref="CompiledOnce"/>).
/// </summary>
internal sealed class StackTrie
{
    private readonly LongKeyTable _children = new();
    // Node n is frame _frames[n] under node _parents[n]; node 0, the root, has no parent.
    private int[] _parents = { -1, 0, 0, 0, 0, 0, 0, 0 };
    private int[] _frames = new int[8];
    private int _count = 1;
    private readonly int _maxPaths;

    /// <param name="maxPaths">Call paths kept (the root aside); about 40 bytes each.</param>
    public StackTrie(int maxPaths = ProfilerOptions.DefaultMaxCallPaths) => _maxPaths = maxPaths;

    /// <summary>
    /// The node of a stack given root first; <paramref name="capped"/> tells that the cap
    /// cut it short (the node is then its longest known prefix).
    /// </summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public int Intern(int[] frames, int count, out bool capped)
    {
        int node = 0;
        capped = false;
        for (int i = 0; i < count; i++)
        {
            long key = Key(node, frames[i]);
            if (_children.TryGetValue(key, out long child))
            {
                node = (int)child;
            }
            else if (_count <= _maxPaths)
            {
                node = Add(key, node, frames[i]);
            }
            else
            {
                capped = true;
                break;
            }
        }
        return node;
    }

    /// <summary>
    /// The child of <paramref name="parent"/> for a frame id, created on first use even past
    /// the cap (used for the one synthetic leaf per node, so at most doubling it).
    /// </summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public int Child(int parent, int frame)
    {
        long key = Key(parent, frame);
        return _children.TryGetValue(key, out long child) ? (int)child : Add(key, parent, frame);
    }

    private static long Key(int parent, int frame) => ((long)parent << 32) | (uint)frame;

    [MethodImpl(CompiledOnce.Optimized)]
    private int Add(long key, int parent, int frame)
    {
        if (_count == _parents.Length)
        {
            _parents = Grown(_parents);
            _frames = Grown(_frames);
        }
        int child = _count++;
        _parents[child] = parent;
        _frames[child] = frame;
        _children.Set(key, child);
        return child;
    }

    [MethodImpl(CompiledOnce.Optimized)]
    private static int[] Grown(int[] array)
    {
        var grown = new int[array.Length * 2];
        for (int i = 0; i < array.Length; i++)
            grown[i] = array[i];
        return grown;
    }

    /// <summary>Number of nodes, the root included (so call paths + 1).</summary>
    public int Count => _count;

    /// <summary>The frame ids of a node's path, root first.</summary>
    public List<int> PathOf(int node)
    {
        var path = new List<int>();
        for (; node > 0; node = _parents[node])
            path.Add(_frames[node]);
        path.Reverse();
        return path;
    }
}

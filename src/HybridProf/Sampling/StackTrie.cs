using System.Collections.Generic;
using HybridProf.Configuration;

namespace HybridProf.Sampling;

/// <summary>
/// Interns stacks as paths in a trie of (parent node, frame id) so that a repeated stack
/// costs one dictionary probe per frame and no allocation. Node 0 is the root; every other
/// node is a call path (a frame under one chain of callers). The trie is capped so a long run
/// with ever-new stacks keeps bounded memory: past the cap, a stack ends at its longest known
/// prefix, which the caller marks <c>[truncated]</c>.
/// </summary>
internal sealed class StackTrie
{
    private readonly Dictionary<long, int> _children = new();
    private readonly List<(int Parent, int Frame)> _nodes = new() { (-1, 0) };
    private readonly int _maxPaths;

    /// <param name="maxPaths">Call paths kept (the root aside); about 40 bytes each.</param>
    public StackTrie(int maxPaths = ProfilerOptions.DefaultMaxCallPaths) => _maxPaths = maxPaths;

    /// <summary>
    /// The node of a stack given root first; <paramref name="capped"/> tells that the cap
    /// cut it short (the node is then its longest known prefix).
    /// </summary>
    public int Intern(int[] frames, int count, out bool capped)
    {
        int node = 0;
        capped = false;
        for (int i = 0; i < count; i++)
        {
            long key = Key(node, frames[i]);
            if (_children.TryGetValue(key, out int child))
            {
                node = child;
            }
            else if (_nodes.Count <= _maxPaths)
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
    public int Child(int parent, int frame)
    {
        long key = Key(parent, frame);
        return _children.TryGetValue(key, out int child) ? child : Add(key, parent, frame);
    }

    private static long Key(int parent, int frame) => ((long)parent << 32) | (uint)frame;

    private int Add(long key, int parent, int frame)
    {
        int child = _nodes.Count;
        _nodes.Add((parent, frame));
        _children.Add(key, child);
        return child;
    }

    /// <summary>Number of nodes, the root included (so call paths + 1).</summary>
    public int Count => _nodes.Count;

    /// <summary>The frame ids of a node's path, root first.</summary>
    public List<int> PathOf(int node)
    {
        var path = new List<int>();
        for (; node > 0; node = _nodes[node].Parent)
            path.Add(_nodes[node].Frame);
        path.Reverse();
        return path;
    }
}

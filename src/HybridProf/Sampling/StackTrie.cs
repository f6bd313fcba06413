using System.Collections.Generic;

namespace HybridProf.Sampling;

/// <summary>
/// Interns stacks as paths in a trie of (parent node, frame id) so that a repeated stack
/// costs one dictionary probe per frame and no allocation. Node 0 is the root.
/// </summary>
internal sealed class StackTrie
{
    private readonly Dictionary<long, int> _children = new();
    private readonly List<(int Parent, int Frame)> _nodes = new() { (-1, 0) };

    /// <summary>The node of a stack given root first.</summary>
    public int Intern(int[] frames, int count)
    {
        int node = 0;
        for (int i = 0; i < count; i++)
            node = Child(node, frames[i]);
        return node;
    }

    /// <summary>The child of <paramref name="parent"/> for a frame id, created on first use.</summary>
    public int Child(int parent, int frame)
    {
        long key = ((long)parent << 32) | (uint)frame;
        if (!_children.TryGetValue(key, out int child))
        {
            child = _nodes.Count;
            _nodes.Add((parent, frame));
            _children.Add(key, child);
        }
        return child;
    }

    /// <summary>Number of nodes, the root included.</summary>
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

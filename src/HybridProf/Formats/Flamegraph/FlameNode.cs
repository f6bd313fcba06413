using System;
using System.Collections.Generic;
using HybridProf.Model;

namespace HybridProf.Formats.Flamegraph;

/// <summary>
/// One box of the flamegraph before layout: a function under one particular chain of callers,
/// with the weight of every stack passing through it. Threads are merged, as in flamegraph.pl.
/// </summary>
internal sealed class FlameNode
{
    /// <summary>Name of the synthetic root that spans the whole profile.</summary>
    public const string RootName = "all";

    private readonly SortedDictionary<string, FlameNode> _children = new(StringComparer.Ordinal);

    private FlameNode(string name, Frame? frame)
    {
        Name = name;
        Frame = frame;
    }

    public string Name { get; }

    /// <summary>The first frame seen with this name here (for file and line); null for the root.</summary>
    public Frame? Frame { get; }

    /// <summary>Weight of all stacks through this node (inclusive).</summary>
    public long Total { get; private set; }

    /// <summary>Children ordered by name (ordinal), so layout and output are deterministic.</summary>
    public IEnumerable<FlameNode> Children => _children.Values;

    /// <summary>Merges every stack of <paramref name="profile"/> into one tree under an <c>all</c> root.</summary>
    public static FlameNode Build(Profile profile)
    {
        var root = new FlameNode(RootName, null);
        foreach (var stack in profile.Stacks)
        {
            var node = root;
            node.Total += stack.Samples;
            foreach (int index in stack.Frames)
            {
                var frame = profile.Frames[index];
                if (!node._children.TryGetValue(frame.Name, out var child))
                {
                    child = new FlameNode(frame.Name, frame);
                    node._children.Add(frame.Name, child);
                }
                child.Total += stack.Samples;
                node = child;
            }
        }
        return root;
    }
}

using System;
using System.Collections.Generic;
using HybridProf.Model;

namespace HybridProf.Analysis;

/// <summary>
/// A profile's stacks merged into one tree, threads merged, as flamegraph.pl draws them: a node
/// is a function under one particular chain of callers, with the weight of every stack passing
/// through it; children are ordered by name (ordinal), so whatever walks the tree is deterministic.
/// Each node is itself a <see cref="CallTree"/>; <see cref="Build"/> gives the root.
/// </summary>
public sealed class CallTree
{
    /// <summary>Name of the synthetic root that spans the whole profile.</summary>
    public const string RootName = "all";

    private readonly SortedDictionary<string, CallTree> _children = new(StringComparer.Ordinal);

    private CallTree(string name, Frame? frame, CallTree? parent)
    {
        Name = name;
        Frame = frame;
        Parent = parent;
    }

    /// <summary>The function's name, or <see cref="RootName"/> for the root.</summary>
    public string Name { get; }

    /// <summary>The first frame seen with this name at this place (for its file and line); null for the root.</summary>
    public Frame? Frame { get; }

    /// <summary>The caller's node; null for the root.</summary>
    public CallTree? Parent { get; }

    /// <summary>Weight of all stacks through this node (inclusive).</summary>
    public long Total { get; private set; }

    /// <summary>Weight of the stacks that end here: time in this function's own code at this place.</summary>
    public long Own { get; private set; }

    /// <summary>The callees, ordered by name (ordinal).</summary>
    public IEnumerable<CallTree> Children => _children.Values;

    /// <summary>The callee named <paramref name="name"/>, or null.</summary>
    public CallTree? Child(string name) => _children.TryGetValue(name, out var child) ? child : null;

    /// <summary>Merges every stack of <paramref name="profile"/> into one tree under an <c>all</c> root.</summary>
    public static CallTree Build(Profile profile)
    {
        var root = new CallTree(RootName, null, null);
        foreach (var stack in profile.Stacks)
        {
            var node = root;
            node.Total += stack.Samples;
            foreach (int index in stack.Frames)
            {
                var frame = profile.Frames[index];
                if (!node._children.TryGetValue(frame.Name, out var child))
                {
                    child = new CallTree(frame.Name, frame, node);
                    node._children.Add(frame.Name, child);
                }
                child.Total += stack.Samples;
                node = child;
            }
            node.Own += stack.Samples;
        }
        return root;
    }

    /// <summary>
    /// The node at the same chain of names in <paramref name="other"/> (another profile's tree),
    /// or null when that profile never took this path.
    /// </summary>
    public CallTree? Counterpart(CallTree other)
    {
        var path = new Stack<string>();
        for (var node = this; node.Parent is not null; node = node.Parent)
            path.Push(node.Name);
        CallTree? there = other;
        while (there is not null && path.Count > 0)
            there = there.Child(path.Pop());
        return there;
    }

    /// <summary>
    /// This node and its descendants in drawing order (parents first, children by name),
    /// leaving out nodes lighter than <paramref name="minWidthPercent"/> of this node's
    /// weight, with their subtrees: the boxes a flamegraph of this tree shows.
    /// </summary>
    public IEnumerable<CallTree> Drawn(double minWidthPercent = 0)
    {
        // An explicit stack, not recursion: profiles can be thousands of frames deep.
        var pending = new Stack<CallTree>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            var placed = new List<CallTree>();
            foreach (var child in node.Children)
            {
                if (IsDrawn(child, minWidthPercent))
                    placed.Add(child);
            }
            // Pushed in reverse so they pop in name order.
            for (int i = placed.Count - 1; i >= 0; i--)
                pending.Push(placed[i]);
        }
    }

    /// <summary>Whether <paramref name="node"/> is heavy enough to draw in a flamegraph of this tree.</summary>
    public bool IsDrawn(CallTree node, double minWidthPercent) => node.Total * 100.0 >= minWidthPercent * Total;
}

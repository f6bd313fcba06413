using HybridProf.Model;

namespace HybridProf.Cli.Profiles;

/// <summary>
/// A profile's stacks merged into one call tree, threads merged, children by name (ordinal):
/// the same tree, in the same order, as the runtime's flamegraph writer draws, so a diff can
/// colour the boxes of that drawing one by one.
/// </summary>
internal sealed class PathTree
{
    private readonly SortedDictionary<string, PathTree> _children = new(StringComparer.Ordinal);

    public PathTree(string name) => Name = name;

    public string Name { get; }
    public long Total { get; private set; }
    public long Own => Total - _children.Values.Sum(c => c.Total);
    public IEnumerable<PathTree> Children => _children.Values;

    public PathTree? Child(string name) => _children.GetValueOrDefault(name);

    public static PathTree Build(Profile profile)
    {
        var root = new PathTree("all");
        foreach (var stack in profile.Stacks)
        {
            var node = root;
            node.Total += stack.Samples;
            foreach (string name in profile.FrameNames(stack))
            {
                if (!node._children.TryGetValue(name, out var child))
                    node._children.Add(name, child = new PathTree(name));
                child.Total += stack.Samples;
                node = child;
            }
        }
        return root;
    }

    /// <summary>
    /// Nodes in the writer's drawing order (parents first, children by name), skipping those
    /// below <paramref name="minWidthPercent"/> of the root with their subtrees, as the writer
    /// does. Each comes with its counterpart in <paramref name="other"/> at the same path, if any.
    /// </summary>
    public IEnumerable<(PathTree Node, PathTree? Other)> Drawn(PathTree? other, double minWidthPercent)
    {
        var pending = new Stack<(PathTree, PathTree?)>();
        pending.Push((this, other));
        while (pending.Count > 0)
        {
            var (node, counterpart) = pending.Pop();
            yield return (node, counterpart);
            var placed = node.Children.Where(c => c.Total * 100.0 >= minWidthPercent * Total).ToList();
            for (int i = placed.Count - 1; i >= 0; i--)
                pending.Push((placed[i], counterpart?.Child(placed[i].Name)));
        }
    }
}

using System.Collections.Generic;
using HybridProf.Analysis;

namespace HybridProf.Formats.Flamegraph;

/// <summary>A node placed in the image: its stack depth (root 0) and its offset in weight units from the left.</summary>
internal readonly record struct FlameBox(CallTree Node, int Depth, long Offset)
{
    /// <summary>
    /// Places the tree, parents before children and children by name. Nodes lighter than
    /// <paramref name="minWidthPercent"/> of the root are dropped with their subtrees; they
    /// still count in their parent's weight, which is why offsets advance past them.
    /// </summary>
    public static List<FlameBox> Layout(CallTree root, double minWidthPercent)
    {
        var boxes = new List<FlameBox>();
        // An explicit stack, not recursion: profiles can be thousands of frames deep.
        var pending = new Stack<FlameBox>();
        pending.Push(new FlameBox(root, 0, 0));
        while (pending.Count > 0)
        {
            var box = pending.Pop();
            boxes.Add(box);
            var placed = new List<FlameBox>();
            long offset = box.Offset;
            foreach (var child in box.Node.Children)
            {
                if (root.IsDrawn(child, minWidthPercent))
                    placed.Add(new FlameBox(child, box.Depth + 1, offset));
                offset += child.Total;
            }
            // Pushed in reverse so they pop, and are written, in name order.
            for (int i = placed.Count - 1; i >= 0; i--)
                pending.Push(placed[i]);
        }
        return boxes;
    }
}

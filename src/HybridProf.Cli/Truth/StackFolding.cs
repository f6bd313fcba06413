namespace HybridProf.Cli.Truth;

/// <summary>
/// Folds a sampler's stacks onto the frames a HybridProf profile shows: every frame that maps to
/// none (the base class library, the runtime, methods the size rule left unmarked, <c>[NoProfile]</c>
/// code) is left out, so its time counts to its nearest caller that maps, as a folded method's
/// time counts to its caller in HybridProf. A stack with no frame that maps has nobody to give
/// its time to and is dropped, its weight counted.
/// </summary>
internal static class StackFolding
{
    /// <summary>Folds <paramref name="stacks"/> with <paramref name="map"/> (a runtime name to a profile frame, or null).</summary>
    public static FoldResult Fold(IEnumerable<TraceStack> stacks, Func<string, string?> map)
    {
        var kept = new List<FoldedStack>();
        double dropped = 0;
        int droppedStacks = 0;
        foreach (var stack in stacks)
        {
            var frames = new List<string>(stack.Frames.Count);
            foreach (string frame in stack.Frames)
            {
                if (map(frame) is { } mapped)
                    frames.Add(mapped);
            }
            if (frames.Count == 0)
            {
                dropped += stack.Weight;
                droppedStacks++;
                continue;
            }
            kept.Add(new FoldedStack(stack.Thread, frames, stack.Weight, stack.Frames.Count > 0 && map(stack.Frames[^1]) is null ? stack.Frames[^1] : null));
        }
        return new FoldResult(kept, dropped, droppedStacks);
    }
}

/// <summary>A stack after folding.</summary>
/// <param name="Thread">Its thread.</param>
/// <param name="Frames">The profile's frames, root first; the last one has the stack's own time.</param>
/// <param name="Weight">The original stack's weight, unchanged.</param>
/// <param name="FoldedLeaf">The original leaf when it was folded into <paramref name="Frames"/>' last one, else null.</param>
internal sealed record FoldedStack(string Thread, IReadOnlyList<string> Frames, double Weight, string? FoldedLeaf);

/// <summary>What <see cref="StackFolding.Fold"/> kept and what it dropped.</summary>
/// <param name="Kept">Stacks with at least one frame that maps, folded.</param>
/// <param name="DroppedWeight">The weight of the stacks with none.</param>
/// <param name="DroppedStacks">How many such stacks.</param>
internal sealed record FoldResult(IReadOnlyList<FoldedStack> Kept, double DroppedWeight, int DroppedStacks);

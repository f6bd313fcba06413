using System;
using System.Collections.Generic;
using System.Linq;
using HybridProf.Model;

namespace HybridProf.Analysis;

/// <summary>
/// Own and total weight per function, the one computation behind the text report, the tool's
/// report, top and diff tables, the agent's live top and the sampled-versus-exact comparison.
/// </summary>
public static class FunctionWeights
{
    private static readonly FunctionWeightOptions Defaults = new();

    /// <summary>Every function of <paramref name="profile"/>, heaviest own weight first, ties by name (ordinal).</summary>
    /// <param name="profile">The profile; threads are merged.</param>
    /// <param name="options">Which stacks count and how leaves are read; null for every stack as it is.</param>
    public static IReadOnlyList<FunctionWeight> Of(Profile profile, FunctionWeightOptions? options = null)
    {
        options ??= Defaults;
        var byName = new Dictionary<string, Sums>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stack in profile.Stacks)
        {
            if (options.Stacks is { } include && !include(stack))
                continue;
            int length = CountedLength(profile, stack, options.ElapsedOwnTime);
            seen.Clear();
            for (int i = 0; i < length; i++)
            {
                var frame = profile.Frames[stack.Frames[i]];
                if (!byName.TryGetValue(frame.Name, out var sums))
                    byName.Add(frame.Name, sums = new Sums(frame));
                else if (sums.Frame.File is null && frame.File is not null)
                    sums.Frame = frame;
                // A recursive function appears more than once in a stack but spent that time only once.
                if (seen.Add(frame.Name))
                    sums.Total += stack.Samples;
                if (i == length - 1)
                    sums.Own += stack.Samples;
            }
        }
        return Sort(byName.Values.Select(s => new FunctionWeight(s.Frame, s.Own, s.Total)), FunctionOrder.Own).ToArray();
    }

    /// <summary>Orders <paramref name="functions"/> by <paramref name="order"/>: heaviest first, or names ascending; ties by name (ordinal).</summary>
    public static IEnumerable<FunctionWeight> Sort(IEnumerable<FunctionWeight> functions, FunctionOrder order) => order switch
    {
        FunctionOrder.Total => functions.OrderByDescending(f => f.Total).ThenBy(f => f.Name, StringComparer.Ordinal),
        FunctionOrder.Name => functions.OrderBy(f => f.Name, StringComparer.Ordinal),
        _ => functions.OrderByDescending(f => f.Own).ThenBy(f => f.Name, StringComparer.Ordinal),
    };

    // How many frames of the stack count, root first: all, or (elapsed own time) none for an
    // [await] leaf and all but a [blocked] leaf that has a caller to give its time to.
    private static int CountedLength(Profile profile, ProfileStack stack, bool elapsedOwnTime)
    {
        int length = stack.Frames.Count;
        if (!elapsedOwnTime)
            return length;
        string leaf = profile.Frames[stack.Frames[length - 1]].Name;
        if (leaf == Frame.Await.Name)
            return 0;
        return length > 1 && leaf == Frame.Blocked.Name ? length - 1 : length;
    }

    private sealed class Sums(Frame frame)
    {
        public Frame Frame { get; set; } = frame;
        public long Own { get; set; }
        public long Total { get; set; }
    }
}

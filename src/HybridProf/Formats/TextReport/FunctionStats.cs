using System;
using System.Collections.Generic;
using System.Linq;
using HybridProf.Model;

namespace HybridProf.Formats.TextReport;

/// <summary>
/// Weight of one function over the whole profile, all threads merged.
/// <see cref="Own"/> counts stacks where it is the leaf (running its own code); <see cref="Total"/>
/// counts stacks that contain it anywhere, once per stack even when it recurses.
/// </summary>
internal sealed class FunctionStats
{
    private FunctionStats(Frame frame) => Frame = frame;

    /// <summary>A frame with this name; one with a source file is preferred, for the location column.</summary>
    public Frame Frame { get; private set; }

    public string Name => Frame.Name;

    public long Own { get; private set; }

    public long Total { get; private set; }

    /// <summary>Every function in the profile, heaviest own weight first, ties by name (ordinal).</summary>
    public static List<FunctionStats> Collect(Profile profile)
    {
        var byName = new Dictionary<string, FunctionStats>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stack in profile.Stacks)
        {
            seen.Clear();
            for (int i = 0; i < stack.Frames.Count; i++)
            {
                var frame = profile.Frames[stack.Frames[i]];
                if (!byName.TryGetValue(frame.Name, out var stats))
                    byName.Add(frame.Name, stats = new FunctionStats(frame));
                else if (stats.Frame.File is null && frame.File is not null)
                    stats.Frame = frame;
                // A recursive function appears more than once in a stack but spent that time only once.
                if (seen.Add(frame.Name))
                    stats.Total += stack.Samples;
                if (i == stack.Frames.Count - 1)
                    stats.Own += stack.Samples;
            }
        }
        return byName.Values
            .OrderByDescending(s => s.Own)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }
}

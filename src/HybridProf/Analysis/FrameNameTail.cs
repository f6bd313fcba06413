using System;
using System.Collections.Generic;

namespace HybridProf.Analysis;

/// <summary>
/// Shortening a frame name from its general end. A name reads from the general to the particular
/// (<c>Shop.Services.Analytics.TopInShard</c>), and the particular end is what tells frames apart,
/// so the leading segments go first, behind an ellipsis: <c>…Analytics.TopInShard</c>, then
/// <c>…TopInShard</c>. The flamegraph's labels and <c>hybridprof top</c>'s names both use it;
/// each decides what to show when not even the member fits.
/// </summary>
public static class FrameNameTail
{
    /// <summary>Marks text left out; one character wide.</summary>
    public const string Ellipsis = "\u2026";

    // Last segments that mean nothing alone and keep the member they belong to: lambdas
    // (Parse.lambda2) and accessors (Count.get). Local functions cannot be told from methods by
    // name, so they keep their enclosing method only while it fits.
    private static readonly HashSet<string> BoundSuffixes = new(StringComparer.Ordinal) { "get", "set", "init", "add", "remove" };

    /// <summary>
    /// <paramref name="name"/> itself when it fits in <paramref name="chars"/> characters, else the
    /// longest tail of whole segments that fits behind the ellipsis, or null when not even the
    /// shortest tail worth showing (<see cref="ShortestTailStart(string)"/>) fits.
    /// </summary>
    public static string? Fit(string name, int chars)
    {
        if (name.Length <= chars)
            return name;
        var starts = SegmentStarts(name);
        int shortest = ShortestTailStart(name, starts);
        // Drop whole leading segments, fewest first, until the rest fits behind the ellipsis.
        foreach (int start in starts)
        {
            if (start > shortest)
                break;
            if (start > 0 && name.Length - start + 1 <= chars)
                return Ellipsis + name.Substring(start);
        }
        return null;
    }

    /// <summary>Where the shortest tail worth showing starts: the last segment, with its owner when it is a lambda or accessor.</summary>
    public static int ShortestTailStart(string name) => ShortestTailStart(name, SegmentStarts(name));

    /// <summary>
    /// Where each dot-separated segment begins (0 first). Dots inside <c>&lt;…&gt;</c>, <c>(…)</c>
    /// and <c>[…]</c> are type names in generic arguments and parameters, not segments; a dot
    /// right after another (<c>Type..ctor</c>) belongs to the member's name.
    /// </summary>
    private static List<int> SegmentStarts(string name)
    {
        var starts = new List<int> { 0 };
        int depth = 0;
        for (int i = 0; i < name.Length; i++)
        {
            char ch = name[i];
            if (ch == '<' || ch == '(' || ch == '[')
                depth++;
            else if ((ch == '>' || ch == ')' || ch == ']') && depth > 0)
                depth--;
            else if (ch == '.' && depth == 0 && i > 0 && name[i - 1] != '.' && i + 1 < name.Length)
                starts.Add(i + 1);
        }
        return starts;
    }

    private static int ShortestTailStart(string name, List<int> starts)
    {
        int last = starts.Count - 1;
        string segment = name.Substring(starts[last]);
        bool bound = BoundSuffixes.Contains(segment) || IsLambda(segment);
        return bound && last > 0 ? starts[last - 1] : starts[last];
    }

    private static bool IsLambda(string segment)
    {
        if (!segment.StartsWith("lambda", StringComparison.Ordinal) || segment.Length == "lambda".Length)
            return false;
        for (int i = "lambda".Length; i < segment.Length; i++)
        {
            if (segment[i] < '0' || segment[i] > '9')
                return false;
        }
        return true;
    }
}

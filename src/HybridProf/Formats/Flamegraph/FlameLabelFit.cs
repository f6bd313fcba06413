using System;
using System.Collections.Generic;

namespace HybridProf.Formats.Flamegraph;

/// <summary>
/// Shortens a frame name to a number of characters. A name reads from the general to the
/// particular (<c>Shop.Services.Analytics.TopInShard</c>), and the particular end is what tells
/// frames apart, so the leading namespace goes first, behind an ellipsis:
/// <c>…Analytics.TopInShard</c>, then <c>…TopInShard</c>. Only when even the last member does not
/// fit is it cut at its end. Mirrored by <c>fitLabel</c> in flamegraph.js, which refits labels
/// after a zoom: the two must agree character for character.
/// </summary>
internal static class FlameLabelFit
{
    /// <summary>Marks text left out; one character wide in the monospace labels.</summary>
    public const string Ellipsis = "\u2026";

    /// <summary>The fewest characters a label has; a narrower box gets none.</summary>
    public const int MinChars = 3;

    // Last segments that mean nothing alone and keep the member they belong to: lambdas
    // (Parse.lambda2) and accessors (Count.get). Local functions cannot be told from methods by
    // name, so they keep their enclosing method only while it fits.
    private static readonly HashSet<string> BoundSuffixes = new(StringComparer.Ordinal) { "get", "set", "init", "add", "remove" };

    /// <summary><paramref name="name"/> in at most <paramref name="chars"/> characters, or empty when fewer than <see cref="MinChars"/>.</summary>
    public static string Fit(string name, int chars)
    {
        if (chars < MinChars)
            return "";
        if (name.Length <= chars)
            return name;
        var starts = SegmentStarts(name);
        int minimal = MinimalTailStart(name, starts);
        // Drop whole leading segments, fewest first, until the rest fits behind the ellipsis.
        foreach (int start in starts)
        {
            if (start > minimal)
                break;
            if (start > 0 && name.Length - start + 1 <= chars)
                return Ellipsis + name.Substring(start);
        }
        // Not even the member fits: keep its beginning, which reads, and cut the end.
        return name.Substring(minimal, chars - 1) + Ellipsis;
    }

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

    /// <summary>Start of the shortest tail worth showing: the last segment, with its owner when it is a lambda or accessor.</summary>
    private static int MinimalTailStart(string name, List<int> starts)
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

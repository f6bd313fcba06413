using HybridProf.Analysis;

namespace HybridProf.Formats.Flamegraph;

/// <summary>
/// Shortens a frame name to a number of characters: the leading namespace goes first
/// (<see cref="FrameNameTail"/>), and only when even the last member does not fit is it cut at
/// its end, whose beginning reads. Mirrored by <c>fitLabel</c> in flamegraph.js, which refits
/// labels after a zoom: the two must agree character for character.
/// </summary>
internal static class FlameLabelFit
{
    /// <summary>Marks text left out; one character wide in the monospace labels.</summary>
    public const string Ellipsis = FrameNameTail.Ellipsis;

    /// <summary>The fewest characters a label has; a narrower box gets none.</summary>
    public const int MinChars = 3;

    /// <summary><paramref name="name"/> in at most <paramref name="chars"/> characters, or empty when fewer than <see cref="MinChars"/>.</summary>
    public static string Fit(string name, int chars)
    {
        if (chars < MinChars)
            return "";
        return FrameNameTail.Fit(name, chars)
            ?? name.Substring(FrameNameTail.ShortestTailStart(name), chars - 1) + Ellipsis;
    }
}

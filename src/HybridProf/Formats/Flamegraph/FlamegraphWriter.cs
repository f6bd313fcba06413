using System;
using System.IO;
using System.Text;
using HybridProf.Analysis;
using HybridProf.Model;

namespace HybridProf.Formats.Flamegraph;

/// <summary>
/// An interactive flame graph as one self-contained SVG file, in the manner of flamegraph.pl and
/// inferno: stacks of all threads merged into one tree with the root (<c>all</c>) at the bottom,
/// widths proportional to weight, children ordered by name. Opened in a browser, a click zooms
/// into a frame, <c>Reset zoom</c> zooms out, and <c>Search</c> (or Ctrl+F) highlights frames
/// matching a regular expression or substring and shows the share of the profile they cover.
/// Output is deterministic: the same profile gives the same bytes under any culture.
/// </summary>
public sealed class FlamegraphWriter : IProfileWriter
{
    /// <summary>A writer with the default <see cref="FlamegraphOptions"/>.</summary>
    public FlamegraphWriter()
        : this(new FlamegraphOptions())
    {
    }

    /// <summary>A writer with the given options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size in <paramref name="options"/> is too small to draw.</exception>
    public FlamegraphWriter(FlamegraphOptions options)
    {
        if (options.Width < 200)
            throw new ArgumentOutOfRangeException(nameof(options), options.Width, "Flamegraph width must be at least 200 pixels.");
        if (options.FrameHeight < 4)
            throw new ArgumentOutOfRangeException(nameof(options), options.FrameHeight, "Flamegraph frame height must be at least 4 pixels.");
        if (!(options.FontSize > 0))
            throw new ArgumentOutOfRangeException(nameof(options), options.FontSize, "Flamegraph font size must be positive.");
        if (!(options.MinWidthPercent >= 0 && options.MinWidthPercent <= 100))
            throw new ArgumentOutOfRangeException(nameof(options), options.MinWidthPercent, "MinWidthPercent must be between 0 and 100.");
        Options = options;
    }

    /// <summary>How the image is drawn.</summary>
    public FlamegraphOptions Options { get; }

    /// <inheritdoc />
    public void Write(Profile profile, Stream output)
    {
        var root = CallTree.Build(profile);
        var boxes = FlameBox.Layout(root, Options.MinWidthPercent);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        FlamegraphSvg.Write(writer, Options, profile.Metadata, root, boxes);
    }
}

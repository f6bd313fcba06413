namespace HybridProf.Formats.Flamegraph;

/// <summary>How <see cref="FlamegraphWriter"/> draws a profile.</summary>
public sealed record FlamegraphOptions
{
    /// <summary>
    /// Heading at the top of the image; null (the default) names the program, when the profile
    /// knows it, and how it was profiled: <c>Shop.Api — cpu mode, 100 Hz, 12.3 s</c>.
    /// </summary>
    public string? Title { get; init; }

    /// <summary>
    /// Line under the title; null (the default) describes the profile:
    /// mode, sampling rate, total weight and duration from <see cref="Model.ProfileMetadata"/>.
    /// </summary>
    public string? Subtitle { get; init; }

    /// <summary>Width of the whole image in pixels. Default 1200; at least 200.</summary>
    public int Width { get; init; } = 1200;

    /// <summary>Height of one stack level in pixels. Default 16; at least 4.</summary>
    public int FrameHeight { get; init; } = 16;

    /// <summary>Font size of frame labels and controls in pixels. Default 12.</summary>
    public double FontSize { get; init; } = 12;

    /// <summary>
    /// Frames whose weight is below this percentage of the total are not drawn (their weight
    /// still counts in their parent), which keeps large profiles small and fast to render.
    /// Default 0.1 (%); 0 draws every frame.
    /// </summary>
    public double MinWidthPercent { get; init; } = 0.1;

    /// <summary>
    /// Colours each box instead of the default palette (a warm colour per function name, cool
    /// grey-blue for synthetic frames), and may add a line to its tooltip; e.g. the
    /// differential flamegraph of <c>hybridprof diff</c>. Null (the default): the palette.
    /// </summary>
    public IFlameColouring? Colouring { get; init; }

    /// <summary>
    /// Test-only switch: when false the script and style sheet are left out, so golden files
    /// check the drawing without changing whenever <c>flamegraph.js</c> does.
    /// </summary>
    internal bool InlineAssets { get; init; } = true;
}

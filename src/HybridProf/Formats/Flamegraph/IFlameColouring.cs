using HybridProf.Analysis;

namespace HybridProf.Formats.Flamegraph;

/// <summary>
/// Colours the boxes of a flamegraph (<see cref="FlamegraphOptions.Colouring"/>). The writer
/// passes each drawn node of the profile's <see cref="CallTree"/>, parents first.
/// </summary>
public interface IFlameColouring
{
    /// <summary>The box's fill, an SVG colour such as <c>rgb(255,120,120)</c>.</summary>
    string Fill(CallTree node);

    /// <summary>Text added under the box's tooltip (name, weight, location), or null for none.</summary>
    string? TooltipNote(CallTree node);
}

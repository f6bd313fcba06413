using HybridProf.Analysis;

namespace HybridProf.Cli.Commands;

/// <summary>
/// Shortens a function name to a width from the namespace side, keeping the method
/// (<see cref="FrameNameTail"/>, the flamegraph's rule): <c>Contoso.Orders.Analytics.TopInShard</c>
/// in 21 columns is <c>…Analytics.TopInShard</c>. A table row then stays one line in a narrow
/// terminal instead of wrapping.
/// </summary>
internal static class FunctionNameFit
{
    public static string Shorten(string name, int width)
    {
        if (name.Length <= width)
            return name;
        if (width <= 1)
            return FrameNameTail.Ellipsis;
        // Even the method alone is too long: its end, which tells overloads and lambdas apart.
        return FrameNameTail.Fit(name, width) ?? FrameNameTail.Ellipsis + name[^(width - 1)..];
    }
}

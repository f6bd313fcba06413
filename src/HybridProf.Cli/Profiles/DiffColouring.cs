using System.Globalization;
using HybridProf.Analysis;
using HybridProf.Formats.Flamegraph;

namespace HybridProf.Cli.Profiles;

/// <summary>
/// Colours the NEW profile's flamegraph by how each box's own share of the profile changed
/// from BASE (red grew, blue shrank, the deeper the colour the larger the change; grey
/// unchanged), and says the change in its tooltip. Shares, not raw counts, are compared, so
/// runs of different lengths can be diffed.
/// </summary>
internal sealed class DiffColouring : IFlameColouring
{
    private readonly CallTree _base;
    private readonly long _newTotal;
    private readonly double _maxDelta;
    private readonly Dictionary<CallTree, CallTree?> _counterparts = new();

    /// <param name="baseline">BASE's tree.</param>
    /// <param name="current">NEW's tree, the one drawn.</param>
    /// <param name="minWidthPercent">The drawing's threshold: the deepest colour goes to the largest change among the boxes drawn.</param>
    public DiffColouring(CallTree baseline, CallTree current, double minWidthPercent)
    {
        _base = baseline;
        _newTotal = current.Total;
        _maxDelta = current.Drawn(minWidthPercent).Select(n => Math.Abs(OwnDelta(n))).DefaultIfEmpty(0).Max();
    }

    public string Fill(CallTree node) => Colour(OwnDelta(node), _maxDelta);

    public string TooltipNote(CallTree node)
    {
        var other = Counterpart(node);
        double own = OwnDelta(node);
        double total = Share(node.Total, _newTotal) - Share(other?.Total ?? 0, _base.Total);
        return string.Create(CultureInfo.InvariantCulture,
            $"change since base: own {own:+0.00;-0.00;0.00} pp, total {total:+0.00;-0.00;0.00} pp{(other is null ? " (new here)" : "")}");
    }

    /// <summary>Change of a path's own share of its profile, in percentage points.</summary>
    private double OwnDelta(CallTree node) =>
        Share(node.Own, _newTotal) - Share(Counterpart(node)?.Own ?? 0, _base.Total);

    /// <summary>
    /// The node at the same path in BASE, or null. Remembered per node, from its parent's: boxes
    /// come parents first, so a deep stack costs one lookup per box, not one walk per box.
    /// </summary>
    private CallTree? Counterpart(CallTree node)
    {
        if (node.Parent is null)
            return _base;
        if (!_counterparts.TryGetValue(node, out var found))
        {
            found = _counterparts.TryGetValue(node.Parent, out var parent) ? parent?.Child(node.Name) : node.Counterpart(_base);
            _counterparts.Add(node, found);
        }
        return found;
    }

    private static double Share(long weight, long total) => total == 0 ? 0 : 100.0 * weight / total;

    private static string Colour(double delta, double max)
    {
        // Changes under 0.05 points are noise at usual sample counts: draw them neutral.
        if (max <= 0 || Math.Abs(delta) < 0.05)
            return "rgb(225,225,225)";
        int depth = (int)Math.Round(40 + 190 * Math.Min(1, Math.Abs(delta) / max));
        int light = 255 - depth;
        return delta > 0
            ? string.Create(CultureInfo.InvariantCulture, $"rgb(255,{light},{light})")
            : string.Create(CultureInfo.InvariantCulture, $"rgb({light},{light},255)");
    }
}

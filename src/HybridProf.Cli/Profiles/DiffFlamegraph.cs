using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HybridProf.Formats.Flamegraph;
using HybridProf.Model;

namespace HybridProf.Cli.Profiles;

/// <summary>
/// A differential flame graph in the manner of flamegraph.pl's difffolded: the boxes of the
/// NEW profile, coloured by how each function's own share of the profile changed from BASE
/// (red grew, blue shrank, the deeper the colour the larger the change; grey unchanged).
/// Shares, not raw counts, are compared, so runs of different lengths can be diffed. The
/// drawing and its zoom/search script are the runtime's flamegraph writer's; only fills and
/// tooltips are changed, box by box, in the writer's drawing order.
/// </summary>
internal static partial class DiffFlamegraph
{
    private const double MinWidthPercent = 0.1;

    [GeneratedRegex("fill=\"[^\"]*\"")]
    private static partial Regex Fill();

    [GeneratedRegex("<g class=\"f\".*?</g>", RegexOptions.Singleline)]
    private static partial Regex Box();

    public static void Write(Profile baseline, Profile current, string path)
    {
        var options = new FlamegraphOptions
        {
            Title = "Differential Flame Graph",
            Subtitle = "Boxes of the new profile; red: own share grew since the base, blue: shrank. Hover for the change.",
            MinWidthPercent = MinWidthPercent,
        };
        using var svgBytes = new MemoryStream();
        new FlamegraphWriter(options).Write(current, svgBytes);
        string svg = Encoding.UTF8.GetString(svgBytes.ToArray());

        var newTree = PathTree.Build(current);
        var baseTree = PathTree.Build(baseline);
        var boxes = newTree.Drawn(baseTree, MinWidthPercent).ToList();
        double maxDelta = boxes.Select(b => Math.Abs(OwnDelta(b.Node, b.Other, newTree, baseTree))).DefaultIfEmpty(0).Max();

        // Boxes are <g class="f">…</g> elements inside <svg id="frames">, in drawing order;
        // tooltips hold line breaks, so elements are matched, not lines.
        int from = svg.IndexOf("<svg id=\"frames\"", StringComparison.Ordinal);
        int to = svg.IndexOf("</svg>", from, StringComparison.Ordinal);
        int next = 0;
        string frames = Box().Replace(svg.Substring(from, to - from), match =>
        {
            if (next >= boxes.Count)
                return match.Value;
            var (node, other) = boxes[next++];
            double own = OwnDelta(node, other, newTree, baseTree);
            double total = Share(node.Total, newTree) - Share(other?.Total ?? 0, baseTree);
            string note = string.Create(CultureInfo.InvariantCulture, $"\nchange since base: own {own:+0.00;-0.00;0.00} pp, total {total:+0.00;-0.00;0.00} pp{(other is null ? " (new here)" : "")}");
            return Fill().Replace(match.Value, $"fill=\"{Colour(own, maxDelta)}\"", 1).Replace("</title>", note + "</title>");
        });
        if (next != boxes.Count)
            throw new InvalidOperationException($"the flamegraph has {next} boxes where {boxes.Count} were expected; the writer's layout changed");
        svg = svg.Substring(0, from) + frames + svg.Substring(to);

        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, svg, new UTF8Encoding(false));
    }

    /// <summary>Change of a path's own share of its profile, in percentage points.</summary>
    private static double OwnDelta(PathTree node, PathTree? other, PathTree newRoot, PathTree baseRoot) =>
        Share(node.Own, newRoot) - Share(other?.Own ?? 0, baseRoot);

    private static double Share(long weight, PathTree root) => root.Total == 0 ? 0 : 100.0 * weight / root.Total;

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

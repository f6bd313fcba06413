using HybridProf.Analysis;
using HybridProf.Formats;
using HybridProf.Formats.Flamegraph;
using HybridProf.Model;

namespace HybridProf.Cli.Profiles;

/// <summary>
/// A differential flame graph in the manner of flamegraph.pl's difffolded: the runtime's
/// flamegraph of the NEW profile, its zoom and search included, coloured by
/// <see cref="DiffColouring"/>.
/// </summary>
internal static class DiffFlamegraph
{
    private const double MinWidthPercent = 0.1;

    public static void Write(Profile baseline, Profile current, string path)
    {
        var options = new FlamegraphOptions
        {
            Title = "Differential Flame Graph",
            Subtitle = "Boxes of the new profile; red: own share grew since the base, blue: shrank. Hover for the change.",
            MinWidthPercent = MinWidthPercent,
            Colouring = new DiffColouring(CallTree.Build(baseline), CallTree.Build(current), MinWidthPercent),
        };
        current.Save(path, new FlamegraphWriter(options));
    }
}

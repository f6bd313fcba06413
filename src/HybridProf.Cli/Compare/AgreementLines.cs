using System.Globalization;

namespace HybridProf.Cli.Compare;

/// <summary>
/// The lines of the agreement report that say what its numbers count: the <c>[GC]</c> share set
/// apart, and the top-N agreement over exactly the rows listed.
/// </summary>
internal static class AgreementLines
{
    /// <summary>The <c>[GC]</c> line, or null when the sampled side has no <c>[GC]</c>.</summary>
    public static string? GarbageCollection(ShareReport report) => report.GcSamples == 0
        ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"  [GC] {report.GcPercent:0.0}% of samples set apart: deterministic time charges pauses to the running function; the shares above are of the other {100 - report.GcPercent:0.0}%");

    /// <summary>How many of the listed rows sampling also ranks in its top of the same size, naming any it ranks there instead.</summary>
    public static string Agreement(ShareReport report)
    {
        string line = string.Create(CultureInfo.InvariantCulture,
            $"  top-{report.TopCount} agreement: {report.TopOverlap}/{report.TopCount} in both tops, Kendall tau {report.KendallTau:0.00}");
        return report.SampledTopNotListed.Count == 0
            ? line
            : line + $" (the sampled top-{report.TopCount} has instead: {string.Join(", ", report.SampledTopNotListed)})";
    }
}

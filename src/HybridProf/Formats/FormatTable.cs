using HybridProf.Formats.Collapsed;
using HybridProf.Formats.Flamegraph;
using HybridProf.Formats.Pprof;
using HybridProf.Formats.Speedscope;
using HybridProf.Formats.TextReport;
using HybridProf.Formats.Timeline;

namespace HybridProf.Formats;

/// <summary>
/// The one table of formats: <see cref="ProfileFormats"/>, the <c>HYBRIDPROF_OUTPUT</c> messages
/// and every command of the tool (help texts, <c>--format</c> choices) read it, so a new
/// format is a folder with its writer (and reader) and a row here (docs/formats.md).
/// </summary>
internal static class FormatTable
{
    /// <summary>In the order help texts list them.</summary>
    public static readonly ProfileFormatInfo[] Rows =
    [
        new(ProfileFormat.Svg, "svg", [".svg"], "interactive flamegraph", () => new FlamegraphWriter()),
        new(ProfileFormat.Collapsed, "collapsed", [".collapsed", ".folded"], "folded stacks for flamegraph.pl and inferno", () => new CollapsedWriter(), () => new CollapsedReader()),
        new(ProfileFormat.Text, "txt", [".txt"], "text report of the top functions", () => new TextReportWriter()),
        new(ProfileFormat.Pprof, "pprof", [".pb.gz"], "gzip-compressed pprof protobuf for go tool pprof and Grafana", () => new PprofWriter(), () => new PprofReader()),
        new(ProfileFormat.Speedscope, "speedscope", [".speedscope.json"], "speedscope JSON for speedscope.app", () => new SpeedscopeWriter(), () => new SpeedscopeReader()),
        new(ProfileFormat.Timeline, "timeline", [".trace.json"], "per-call timeline of a deterministic run for Perfetto", () => new TimelineWriter()),
    ];
}

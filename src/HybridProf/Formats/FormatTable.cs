using System.Collections.Generic;
using HybridProf.Formats.Collapsed;
using HybridProf.Formats.Flamegraph;
using HybridProf.Formats.Pprof;
using HybridProf.Formats.Speedscope;
using HybridProf.Formats.TextReport;
using HybridProf.Formats.Timeline;

namespace HybridProf.Formats;

/// <summary>
/// The one table of formats: each field below is a row, and the only list of formats there is.
/// <see cref="ProfileFormats"/>, the <c>HYBRIDPROF_OUTPUT</c> messages and every command of the
/// tool (help texts, <c>--format</c> choices) read it, so a new format is a folder with its
/// writer (and reader) and one line here (docs/formats.md).
/// </summary>
public sealed partial class ProfileFormat
{
    // Every constructor call appends its row here. Static field initializers run in textual
    // order within one file, so this list must stay above the rows and in this file (the order of
    // initializers across the files of a partial class is unspecified); the rows then land in it
    // in the order they are written, which is the order help texts list them.
    private static readonly List<ProfileFormat> Rows = [];

    /// <summary>Every format, in the order help texts list them.</summary>
    public static IReadOnlyList<ProfileFormat> All { get; } = Rows.AsReadOnly();

    /// <summary>Interactive SVG flamegraph (<c>.svg</c>).</summary>
    public static readonly ProfileFormat Svg = new("svg", [".svg"], "interactive flamegraph", () => new FlamegraphWriter());

    /// <summary>Folded stacks, one line per stack (<c>.collapsed</c>, <c>.folded</c>).</summary>
    public static readonly ProfileFormat Collapsed = new("collapsed", [".collapsed", ".folded"], "folded stacks for flamegraph.pl and inferno", () => new CollapsedWriter(), () => new CollapsedReader());

    /// <summary>Text report of the top functions (<c>.txt</c>).</summary>
    public static readonly ProfileFormat Text = new("txt", [".txt"], "text report of the top functions", () => new TextReportWriter());

    /// <summary>Gzip-compressed pprof protobuf (<c>.pb.gz</c>) for <c>go tool pprof</c>, Pyroscope, Grafana, Parca.</summary>
    public static readonly ProfileFormat Pprof = new("pprof", [".pb.gz"], "gzip-compressed pprof protobuf for go tool pprof and Grafana", () => new PprofWriter(), () => new PprofReader());

    /// <summary>Speedscope JSON (<c>.speedscope.json</c>) for https://www.speedscope.app.</summary>
    public static readonly ProfileFormat Speedscope = new("speedscope", [".speedscope.json"], "speedscope JSON for speedscope.app", () => new SpeedscopeWriter(), () => new SpeedscopeReader());

    /// <summary>Chrome trace events (<c>.trace.json</c>): the per-call timeline of a deterministic run, for Perfetto or chrome://tracing.</summary>
    public static readonly ProfileFormat Timeline = new("timeline", [".trace.json"], "per-call timeline of a deterministic run for Perfetto", () => new TimelineWriter());
}

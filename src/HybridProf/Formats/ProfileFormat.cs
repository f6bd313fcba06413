namespace HybridProf.Formats;

/// <summary>The file formats a profile can be written in.</summary>
public enum ProfileFormat
{
    /// <summary>Interactive SVG flamegraph (<c>.svg</c>).</summary>
    Svg,

    /// <summary>Folded stacks, one line per stack (<c>.collapsed</c>, <c>.folded</c>).</summary>
    Collapsed,

    /// <summary>Text report of the top functions (<c>.txt</c>).</summary>
    Text,

    /// <summary>Gzip-compressed pprof protobuf (<c>.pb.gz</c>) for <c>go tool pprof</c>, Pyroscope, Grafana, Parca.</summary>
    Pprof,

    /// <summary>Speedscope JSON (<c>.speedscope.json</c>) for https://www.speedscope.app.</summary>
    Speedscope,

    /// <summary>Chrome trace events (<c>.trace.json</c>): the per-call timeline of a deterministic run, for Perfetto or chrome://tracing.</summary>
    Timeline,
}

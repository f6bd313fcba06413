using System;
using System.IO;

namespace HybridProf.Formats.Flamegraph;

/// <summary>
/// flamegraph.js and flamegraph.css, embedded in the assembly (see HybridProf.csproj) so they
/// stay real files that editors and linters understand, yet the SVG needs nothing beside it.
/// </summary>
internal static class FlamegraphAssets
{
    private static readonly Lazy<string> LazyScript = new(() => Load("HybridProf.flamegraph.js"));
    private static readonly Lazy<string> LazyCss = new(() => Load("HybridProf.flamegraph.css"));

    public static string Script => LazyScript.Value;

    public static string Css => LazyCss.Value;

    private static string Load(string name)
    {
        using var stream = typeof(FlamegraphAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from HybridProf.dll.");
        using var reader = new StreamReader(stream);
        // Resources are checked out with LF (.editorconfig); normalise anyway so output never depends on git settings.
        return reader.ReadToEnd().Replace("\r\n", "\n").TrimEnd('\n');
    }
}

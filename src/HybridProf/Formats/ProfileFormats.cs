using System;
using System.IO;
using HybridProf.Formats.Flamegraph;

namespace HybridProf.Formats;

/// <summary>Picks a format from a file name and gives its writer.</summary>
public static class ProfileFormats
{
    /// <summary>The format a path's extension names, or null when it names none.</summary>
    public static ProfileFormat? FromPath(string path)
    {
        string name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".svg", StringComparison.Ordinal))
            return ProfileFormat.Svg;
        if (name.EndsWith(".collapsed", StringComparison.Ordinal) || name.EndsWith(".folded", StringComparison.Ordinal))
            return ProfileFormat.Collapsed;
        if (name.EndsWith(".txt", StringComparison.Ordinal))
            return ProfileFormat.Text;
        return null;
    }

    /// <summary>The writer of a format.</summary>
    public static IProfileWriter Writer(ProfileFormat format) => format switch
    {
        ProfileFormat.Svg => new FlamegraphWriter(),
        ProfileFormat.Collapsed => new CollapsedWriter(),
        ProfileFormat.Text => new TextReportWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown profile format"),
    };

    /// <summary>Extensions that pick a format, for messages.</summary>
    public const string KnownExtensions = ".svg, .collapsed, .folded, .txt";
}

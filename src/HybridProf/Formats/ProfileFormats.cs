using System;
using System.IO;
using System.Text;
using HybridProf.Formats.Flamegraph;
using HybridProf.Formats.Pprof;
using HybridProf.Formats.Speedscope;
using HybridProf.Formats.Timeline;
using HybridProf.Model;

namespace HybridProf.Formats;

/// <summary>Picks a format from a file name and gives its writer and, for the formats that can be read back, its reader.</summary>
public static class ProfileFormats
{
    /// <summary>Extensions that pick a format, for messages.</summary>
    public const string KnownExtensions = ".svg, .collapsed, .folded, .txt, .pb.gz, .speedscope.json, .trace.json";

    /// <summary>Extensions of the formats <see cref="Read(string)"/> understands, for messages.</summary>
    public const string ReadableExtensions = ".collapsed, .folded, .pb.gz, .speedscope.json";

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
        if (name.EndsWith(".pb.gz", StringComparison.Ordinal))
            return ProfileFormat.Pprof;
        if (name.EndsWith(".speedscope.json", StringComparison.Ordinal))
            return ProfileFormat.Speedscope;
        if (name.EndsWith(".trace.json", StringComparison.Ordinal))
            return ProfileFormat.Timeline;
        return null;
    }

    /// <summary>The file-name ending of a format, e.g. <c>.pb.gz</c> (<c>.collapsed</c> for folded stacks).</summary>
    public static string Extension(ProfileFormat format) => format switch
    {
        ProfileFormat.Svg => ".svg",
        ProfileFormat.Collapsed => ".collapsed",
        ProfileFormat.Text => ".txt",
        ProfileFormat.Pprof => ".pb.gz",
        ProfileFormat.Speedscope => ".speedscope.json",
        ProfileFormat.Timeline => ".trace.json",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown profile format"),
    };

    /// <summary>The writer of a format.</summary>
    public static IProfileWriter Writer(ProfileFormat format) => format switch
    {
        ProfileFormat.Svg => new FlamegraphWriter(),
        ProfileFormat.Collapsed => new CollapsedWriter(),
        ProfileFormat.Text => new TextReportWriter(),
        ProfileFormat.Pprof => new PprofWriter(),
        ProfileFormat.Speedscope => new SpeedscopeWriter(),
        ProfileFormat.Timeline => new TraceEventWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown profile format"),
    };

    /// <summary>Whether profiles in <paramref name="format"/> can be read back (collapsed, pprof, speedscope).</summary>
    public static bool CanRead(ProfileFormat format) =>
        format is ProfileFormat.Collapsed or ProfileFormat.Pprof or ProfileFormat.Speedscope;

    /// <summary>The reader of a readable format.</summary>
    /// <exception cref="NotSupportedException">The format is written only (SVG, text report).</exception>
    public static IProfileReader Reader(ProfileFormat format) => format switch
    {
        ProfileFormat.Collapsed => new CollapsedStreamReader(),
        ProfileFormat.Pprof => new PprofReader(),
        ProfileFormat.Speedscope => new SpeedscopeReader(),
        _ => throw new NotSupportedException($"{format} files cannot be read back; readable: {ReadableExtensions}"),
    };

    /// <summary>Reads the profile in <paramref name="path"/>, in the format its extension names.</summary>
    /// <exception cref="FormatException">
    /// The extension names no readable format, or the content is malformed; the message starts with the file name.
    /// </exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static Profile Read(string path)
    {
        var format = FromPath(path);
        if (format is not { } known || !CanRead(known))
            throw new FormatException($"{path}: HybridProf cannot read this kind of file; readable extensions: {ReadableExtensions}");
        return Read(path, known);
    }

    /// <summary>Reads the profile in <paramref name="path"/> as <paramref name="format"/>, whatever its extension.</summary>
    /// <exception cref="FormatException">The format is not readable or the content is malformed; the message starts with the file name.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static Profile Read(string path, ProfileFormat format)
    {
        if (!CanRead(format))
            throw new FormatException($"{path}: {format} files cannot be read back; readable extensions: {ReadableExtensions}");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return Reader(format).Read(stream);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    // The collapsed reader works on text; files are UTF-8, as the writer writes them.
    private sealed class CollapsedStreamReader : IProfileReader
    {
        public Profile Read(Stream input)
        {
            using var text = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
            return CollapsedReader.Read(text);
        }
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Text;
using HybridProf.Model;

namespace HybridProf.Formats.Collapsed;

/// <summary>
/// Reads folded stacks (<c>a;b;c 12</c>) back into a profile, so the tools can convert and
/// compare files. A malformed line is an error naming its line number, never a guess.
/// </summary>
public sealed class CollapsedReader : IProfileReader
{
    private static readonly ProfileThread AllThreads = new(0, "all");

    /// <inheritdoc />
    /// <remarks>The file is UTF-8, as <see cref="CollapsedWriter"/> writes it (a byte-order mark is skipped).</remarks>
    public Profile Read(Stream input)
    {
        using var text = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        return Read(text);
    }

    /// <summary>Reads folded stacks from text; all stacks go on one thread, <c>all</c>.</summary>
    /// <param name="reader">The lines.</param>
    /// <param name="metadata">What the profile says of itself, which the format does not keep; cpu mode, rate and duration unknown by default.</param>
    /// <exception cref="FormatException">A line is not <c>frames count</c>.</exception>
    public Profile Read(TextReader reader, ProfileMetadata? metadata = null)
    {
        var builder = new ProfileBuilder();
        int lineNumber = 0;
        long total = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
                continue;
            int space = line.LastIndexOf(' ');
            if (space <= 0 || !long.TryParse(line.Substring(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long count) || count <= 0)
                throw new FormatException($"line {lineNumber} is not 'frame;frame;... count': {Shorten(line)}");
            string[] frames = line.Substring(0, space).Split(';');
            if (Array.Exists(frames, f => f.Length == 0))
                throw new FormatException($"line {lineNumber} has an empty frame name: {Shorten(line)}");
            // Every sum of counts (merged stacks, totals) must fit: bounding the grand total bounds them all.
            if (count > long.MaxValue - total)
                throw new FormatException($"line {lineNumber}: the counts add up to more than 2^63");
            total += count;
            builder.AddStack(AllThreads, Array.ConvertAll(frames, f => new Frame(f)), count);
        }
        return builder.Build(metadata ?? new ProfileMetadata(ProfileMode.Cpu, 0, TimeSpan.Zero));
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line.Substring(0, 77) + "...";
}

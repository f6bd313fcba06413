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
        var buffer = new StringBuilder();
        while ((line = ReadLine(reader, buffer, lineNumber + 1)) is not null)
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

    // A folded line is one stack, at most a few thousand frames; a file with no line breaks
    // (binary, or another format under this name) must not become one huge string first.
    private const int MaxLineChars = 1 << 20;

    // Like TextReader.ReadLine (\n, \r\n or \r end a line), but bounded by MaxLineChars.
    private static string? ReadLine(TextReader reader, StringBuilder line, int lineNumber)
    {
        line.Clear();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
                return line.ToString();
            if (c == '\r')
            {
                if (reader.Peek() == '\n')
                    reader.Read();
                return line.ToString();
            }
            if (line.Length == MaxLineChars)
                throw new FormatException($"line {lineNumber} is longer than {MaxLineChars} characters: {Shorten(line.ToString(0, 80))}");
            line.Append((char)c);
        }
        return line.Length > 0 ? line.ToString() : null;
    }

    // The excerpt goes into a one-line message on a terminal: a line of a binary file must not
    // bring escape sequences, line breaks or unprintable bytes with it, nor a screenful of text.
    private const int MaxExcerptChars = 60;

    private static string Shorten(string line)
    {
        var excerpt = new StringBuilder(MaxExcerptChars + 3);
        foreach (char c in line)
        {
            if (excerpt.Length == MaxExcerptChars)
                return excerpt.Append("...").ToString();
            excerpt.Append(IsPrintable(c) ? c : '?');
        }
        return excerpt.ToString();
    }

    private static bool IsPrintable(char c) => c != '\uFFFD' && CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };
}

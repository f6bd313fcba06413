using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HybridProf.Model;

namespace HybridProf.Formats;

/// <summary>
/// Picks a format from a file name or a name and gives its writer and, for the formats that can
/// be read back, its reader. Everything here comes from one table of formats (<see cref="All"/>).
/// </summary>
public static class ProfileFormats
{
    /// <summary>Every format, in the order help texts list them (<see cref="ProfileFormat.All"/>).</summary>
    public static IReadOnlyList<ProfileFormat> All => ProfileFormat.All;

    /// <summary>Extensions that pick a format, for messages: <c>.svg, .collapsed, …</c>.</summary>
    public static string KnownExtensions { get; } = string.Join(", ", All.SelectMany(f => f.Extensions));

    /// <summary>Extensions of the formats <see cref="Read(string)"/> understands, for messages.</summary>
    public static string ReadableExtensions { get; } = string.Join(", ", All.Where(f => f.CanRead).SelectMany(f => f.Extensions));

    /// <summary>The format whose <see cref="ProfileFormat.Id"/> is <paramref name="id"/> (case-insensitive), or null.</summary>
    public static ProfileFormat? FromId(string id) =>
        All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The format a path's extension names, or null when it names none.</summary>
    public static ProfileFormat? FromPath(string path)
    {
        string name = Path.GetFileName(path).ToLowerInvariant();
        // The longest ending wins, so a format's .x.json is never taken for another's .json.
        return All
            .SelectMany(f => f.Extensions, (f, extension) => (Format: f, Extension: extension))
            .Where(e => name.EndsWith(e.Extension, StringComparison.Ordinal))
            .OrderByDescending(e => e.Extension.Length)
            .Select(e => e.Format)
            .FirstOrDefault();
    }

    /// <summary>The file-name ending of a format, e.g. <c>.pb.gz</c> (<c>.collapsed</c> for folded stacks).</summary>
    public static string Extension(ProfileFormat format) => NotNull(format).Extensions[0];

    /// <summary>The writer of a format, with default options.</summary>
    public static IProfileWriter Writer(ProfileFormat format) => NotNull(format).CreateWriter();

    /// <summary>Whether profiles in <paramref name="format"/> can be read back.</summary>
    public static bool CanRead(ProfileFormat format) => NotNull(format).CanRead;

    /// <summary>The reader of a readable format.</summary>
    /// <exception cref="NotSupportedException">The format is written only (SVG, text report, timeline).</exception>
    public static IProfileReader Reader(ProfileFormat format) => NotNull(format).CreateReader();

    /// <summary>Reads the profile in <paramref name="path"/>, in the format its extension names.</summary>
    /// <exception cref="FormatException">
    /// The extension names no readable format, or the content is malformed; the message starts with the file name.
    /// </exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static Profile Read(string path)
    {
        var format = FromPath(path);
        if (format is not { CanRead: true } known)
            throw new FormatException($"{path}: HybridProf cannot read this kind of file; readable extensions: {ReadableExtensions}");
        return Read(path, known);
    }

    /// <summary>Reads the profile in <paramref name="path"/> as <paramref name="format"/>, whatever its extension.</summary>
    /// <exception cref="FormatException">The format is not readable or the content is malformed; the message starts with the file name.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static Profile Read(string path, ProfileFormat format)
    {
        if (!NotNull(format).CanRead)
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

    // Formats are references: a null from FromPath or FromId passed on unchecked should say so here, not as a NullReferenceException deeper down.
    internal static ProfileFormat NotNull(ProfileFormat? format) =>
        format ?? throw new ArgumentNullException(nameof(format));
}

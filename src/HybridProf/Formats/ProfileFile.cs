using System;
using System.IO;
using HybridProf.Formats.TextReport;
using HybridProf.Model;

namespace HybridProf.Formats;

/// <summary>Saving profiles to files.</summary>
public static class ProfileFile
{
    /// <summary>
    /// Writes the profile to <paramref name="path"/> in the format its extension names.
    /// The file is written beside the target and renamed into place, so a failed write (a full
    /// disk included) never leaves half a profile under the requested name; missing folders are
    /// created. A symbolic link is followed; a device or pipe (<c>/dev/stdout</c>) is written in place.
    /// </summary>
    /// <exception cref="ArgumentException">The extension names no known format.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public static void Save(this Profile profile, string path)
    {
        var format = ProfileFormats.FromPath(path)
            ?? throw new ArgumentException($"'{path}' has no known profile extension ({ProfileFormats.KnownExtensions}).", nameof(path));
        Save(profile, path, format);
    }

    /// <summary>Writes the profile to <paramref name="path"/> in <paramref name="format"/>.</summary>
    public static void Save(this Profile profile, string path, ProfileFormat format) =>
        Save(profile, path, ProfileFormats.Writer(format));

    /// <summary>
    /// Writes the profile to <paramref name="path"/> with <paramref name="writer"/> (e.g. a
    /// flamegraph writer with its own options), as safely as <see cref="Save(Profile, string)"/>.
    /// </summary>
    public static void Save(this Profile profile, string path, IProfileWriter writer)
    {
        string full = Path.GetFullPath(path);
        // A missing folder is created, as a user naming results/run1/profile.svg expects.
        string? folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        string target = OutputTarget.Resolve(full);
        if (OutputTarget.IsSpecialFile(target))
        {
            using var device = new FileStream(target, FileMode.Open, FileAccess.Write);
            writer.Write(profile, device);
            return;
        }

        // Beside the target, so the rename stays on one file system and replaces it in one step.
        string temp = target + ".tmp" + Guid.NewGuid().ToString("N").Substring(0, 8);
        try
        {
            // Disposed before the rename: a full disk fails the write or the final flush, here.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                writer.Write(profile, stream);
#if NET6_0_OR_GREATER
            File.Move(temp, target, overwrite: true);
#else
            if (File.Exists(target))
                File.Delete(target);
            File.Move(temp, target);
#endif
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>Prints the text report of the top functions (own % and total %).</summary>
    public static void WriteReport(this Profile profile, TextWriter writer, int top = TextReportWriter.DefaultTop)
    {
        writer.Write(TextReportWriter.Render(profile, top));
    }
}

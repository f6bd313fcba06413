using System;
using System.IO;
using HybridProf.Model;

namespace HybridProf.Formats;

/// <summary>Saving profiles to files.</summary>
public static class ProfileFile
{
    /// <summary>
    /// Writes the profile to <paramref name="path"/> in the format its extension names.
    /// The file is written beside the target and renamed into place, so a failed write
    /// never leaves half a profile under the requested name; missing folders are created.
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
    public static void Save(this Profile profile, string path, ProfileFormat format)
    {
        string full = Path.GetFullPath(path);
        // A missing folder is created, as a user naming results/run1/profile.svg expects.
        string? folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        string temp = full + ".tmp" + Guid.NewGuid().ToString("N").Substring(0, 8);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                ProfileFormats.Writer(format).Write(profile, stream);
            if (File.Exists(full))
                File.Delete(full);
            File.Move(temp, full);
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

using System;
using System.IO;
using HybridProf.Formats;
using HybridProf.Platform;

namespace HybridProf.Session;

/// <summary>
/// Writes a file that a kill at any moment (SIGKILL included, as a test runner sends to a test
/// host that is slow to exit) leaves whole: the old file or the new one under the name asked
/// for, never half of one, and no temporary file beside it. Used for the <c>HYBRIDPROF_OUTPUT</c>
/// profile, both its checkpoints and its final write.
/// </summary>
internal static class KillSafeFile
{
    // Held only for the renames, so a checkpoint can be kept from replacing the final profile.
    private static readonly object s_publishing = new();

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> (missing folders created,
    /// a symbolic link followed). A device or pipe is written in place.
    /// </summary>
    /// <param name="path">The file asked for.</param>
    /// <param name="content">Writes the content to the stream it is given (and leaves it open).</param>
    /// <param name="stillWanted">Asked just before the file takes the name, under the same lock as every other write here: false drops it.</param>
    /// <returns>False when <paramref name="stillWanted"/> dropped the file.</returns>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public static bool Write(string path, Action<Stream> content, Func<bool>? stillWanted = null)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        Directory.CreateDirectory(folder);
        string target = OutputTarget.Resolve(full);
        if (OutputTarget.IsSpecialFile(target))
        {
            using var device = new FileStream(target, FileMode.Open, FileAccess.Write);
            content(device);
            return true;
        }

        // Names beside the target, so the rename stays on one file system and replaces it in one step.
        string staging = target + ".tmp" + Guid.NewGuid().ToString("N").Substring(0, 8);
        using (var unnamed = UnnamedFile.TryCreate(Path.GetDirectoryName(target)!))
        {
            if (unnamed is not null)
            {
                using var stream = new FileStream(unnamed, FileAccess.Write);
                content(stream);
                stream.Flush(); // A full disk fails here, before the file has a name.
                lock (s_publishing)
                {
                    if (stillWanted is not null && !stillWanted())
                        return false;
                    UnnamedFile.Publish(unnamed, staging, target);
                    return true;
                }
            }
        }
        return WriteNamedTemporary(staging, target, content, stillWanted);
    }

    /// <summary>
    /// Where there is no unnamed file (not Linux, or a file system without O_TMPFILE): a named
    /// temporary file renamed over the target. A failure deletes it, but a kill while it is
    /// written leaves it behind (<c>profile.collapsed.tmp1a2b3c4d</c>, whole or part-written);
    /// the file under the name asked for is still whole.
    /// </summary>
    private static bool WriteNamedTemporary(string temporary, string target, Action<Stream> content, Func<bool>? stillWanted)
    {
        try
        {
            // Disposed before the rename: a full disk fails the write or the final flush, here.
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                content(stream);
            lock (s_publishing)
            {
                if (stillWanted is not null && !stillWanted())
                    return false;
#if NET6_0_OR_GREATER
                File.Move(temporary, target, overwrite: true);
#else
                if (File.Exists(target))
                    File.Delete(target);
                File.Move(temporary, target);
#endif
                return true;
            }
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}

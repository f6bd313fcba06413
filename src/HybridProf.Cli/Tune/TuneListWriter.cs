using HybridProf.Cli.Commands;

namespace HybridProf.Cli.Tune;

/// <summary>
/// Writes the tune list whole or not at all: into a file beside it, then renamed over it, so a
/// full disk or a kill mid-write never leaves half a list for the next build to read.
/// </summary>
internal static class TuneListWriter
{
    /// <summary>Fails now, before minutes of runs, if the list could not be written later.</summary>
    /// <exception cref="UsageException">Its folder is missing or not writable, or the file is read-only.</exception>
    public static void CheckWritable(string path)
    {
        string folder = FolderOf(path);
        if (!Directory.Exists(folder))
            throw new UsageException($"cannot write '{path}': the folder {folder} does not exist");
        Attempt(path, () =>
        {
            if (File.Exists(path))
                File.Open(path, FileMode.Open, FileAccess.Write).Dispose();
            File.Delete(CreateSibling(path));
        });
    }

    /// <exception cref="UsageException">It cannot be written.</exception>
    public static void Write(string path, string text) => Attempt(path, () =>
    {
        string sibling = CreateSibling(path);
        try
        {
            File.WriteAllText(sibling, text);
            File.Move(sibling, path, overwrite: true);
        }
        finally
        {
            File.Delete(sibling);
        }
    });

    /// <summary>The folder the list is in; the functions whose source lies under it are the ones it may name.</summary>
    public static string FolderOf(string path) => Path.GetDirectoryName(Path.GetFullPath(path))!;

    private static string CreateSibling(string path)
    {
        string sibling = Path.Combine(FolderOf(path), $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.Create(sibling).Dispose();
        return sibling;
    }

    private static void Attempt(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{path}': {e.Message}");
        }
    }
}

namespace HybridProf.Cli.Commands;

/// <summary>A private temporary folder for the profiles a launched app writes; deleted when disposed.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (an app that outlived us) must not turn a result into a failure.
        }
    }
}

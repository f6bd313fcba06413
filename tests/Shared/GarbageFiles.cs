namespace HybridProf.Testing;

/// <summary>Damaged inputs that no reader may take for a profile, shared by the library's and the tool's tests.</summary>
public static class GarbageFiles
{
    /// <summary>
    /// Writes <paramref name="size"/> random bytes to <paramref name="path"/> (the same bytes every
    /// run), starting with one that is neither gzip's magic nor a protobuf tag (field 0, wire type 7),
    /// so a reader that checks the start refuses it at byte 0.
    /// </summary>
    public static string WriteRandomPprof(string path, int size)
    {
        var bytes = new byte[size];
        new Random(20261205).NextBytes(bytes);
        bytes[0] = 0x07;
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

using System.IO.Compression;
using HybridProf.Formats;

namespace HybridProf.Tests.Formats;

/// <summary>
/// A large file that is not a profile at all is refused from its first bytes, in memory that
/// does not grow with the file: the readers check the start before they read the rest.
/// </summary>
public sealed class LargeGarbageTests : IDisposable
{
    // Large enough that reading it whole would stand out, small enough to write quickly.
    private const int GarbageBytes = 32 << 20;

    // Buffers, the checked start, GZipStream's window: a few hundred kilobytes, whatever the file's size.
    private const long AllocationBound = 4 << 20;

    private readonly string _folder = Directory.CreateTempSubdirectory("hybridprof-garbage-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Random_bytes_named_pb_gz_are_refused_at_the_start_without_reading_the_file_whole()
    {
        string path = GarbageFiles.WriteRandomPprof(Path.Combine(_folder, "garbage.pb.gz"), GarbageBytes);

        var (error, allocated) = ReadAndMeasure(path);

        Assert.StartsWith($"{path}: pprof: ", error.Message);
        Assert.Contains("(in Profile at byte 0)", error.Message);
        Assert.True(allocated < AllocationBound, $"{allocated:N0} bytes allocated to refuse a {GarbageBytes:N0}-byte file");
    }

    [Fact]
    public void Garbage_in_a_valid_gzip_wrapper_is_refused_without_inflating_it_whole()
    {
        string path = Path.Combine(_folder, "wrapped.pb.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            // 0xFF bytes never end a varint: no protobuf message starts like this.
            var block = Enumerable.Repeat((byte)0xFF, 1 << 20).ToArray();
            for (int i = 0; i < GarbageBytes / block.Length; i++)
                gzip.Write(block);
        }

        var (error, allocated) = ReadAndMeasure(path);

        Assert.Contains("pprof: varint longer than", error.Message);
        Assert.True(allocated < AllocationBound, $"{allocated:N0} bytes allocated to refuse {GarbageBytes:N0} bytes of gzipped garbage");
    }

    [Fact]
    public void A_folded_file_without_line_breaks_is_refused_without_becoming_one_string()
    {
        string path = Path.Combine(_folder, "one-line.collapsed");
        File.WriteAllText(path, new string('a', GarbageBytes / 4));

        var (error, allocated) = ReadAndMeasure(path);

        Assert.StartsWith($"{path}: line 1 is longer than ", error.Message);
        Assert.True(error.Message.Length < 200, error.Message);
        Assert.True(allocated < GarbageBytes / 2, $"{allocated:N0} bytes allocated to refuse a {GarbageBytes / 4:N0}-character line");
    }

    private static (FormatException Error, long Allocated) ReadAndMeasure(string path)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<FormatException>(() => ProfileFormats.Read(path));
        return (error, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

using HybridProf.EndToEnd.Tests;

namespace HybridProf.Cli.Tests;

/// <summary>
/// <c>report</c> on files that are not profiles at all: refused from their first bytes in memory
/// that does not grow with the file, in one line that is safe to print on a terminal.
/// Needs only the built command.
/// </summary>
public sealed class GarbageInputTests : IDisposable
{
    private const int LargeFileBytes = 64 << 20;

    // The GC heap of the CLI is capped at half the file's size: a reader that takes the file in
    // whole runs out of memory instead of answering, one that checks the start first does not.
    private static readonly Dictionary<string, string> HeapBelowFileSize = new()
    {
        ["DOTNET_GCHeapHardLimit"] = "0x" + (LargeFileBytes / 2).ToString("x"),
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("hybridprof-garbage-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_large_garbage_pb_gz_is_refused_in_one_line_with_a_heap_smaller_than_the_file()
    {
        string path = GarbageFiles.WriteRandomPprof(Path.Combine(_folder, "garbage.pb.gz"), LargeFileBytes);

        var report = ProcessRunner.Run("dotnet", $"\"{Cli.CliPath}\" report \"{path}\"", _folder, HeapBelowFileSize, TimeSpan.FromMinutes(2));

        Assert.Equal(1, report.ExitCode);
        string line = Assert.Single(report.StderrLines);
        Assert.StartsWith($"hybridprof: {path}: pprof: ", line);
        Assert.Contains("at byte 0", line);
    }

    [Fact]
    public void A_binary_collapsed_file_is_refused_in_one_printable_line_naming_file_and_line()
    {
        string path = Path.Combine(_folder, "binary.collapsed");
        var bytes = new byte[1 << 20];
        new Random(5).NextBytes(bytes);
        // Escape sequences and bell in the first line: what a raw echo would play on a terminal.
        "\u001b[2J\u001b]0;pwned\u0007\r\0"u8.CopyTo(bytes);
        File.WriteAllBytes(path, bytes);

        var report = ProcessRunner.Run("dotnet", $"\"{Cli.CliPath}\" report \"{path}\"", _folder, timeout: TimeSpan.FromMinutes(2));

        Assert.Equal(1, report.ExitCode);
        string line = Assert.Single(report.StderrLines);
        Assert.StartsWith($"hybridprof: {path}: line ", line);
        Assert.Matches(@": line \d+ ", line);
        Assert.DoesNotContain(line, char.IsControl);
        Assert.DoesNotContain('\uFFFD', line);
        Assert.True(line.Length < path.Length + 200, $"{line.Length} characters: {line}");
        // A char, compared ordinally: culture-aware string search ignores control characters.
        Assert.DoesNotContain('\u001b', report.Stderr);
    }
}

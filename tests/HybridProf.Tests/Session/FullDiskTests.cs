using System.Diagnostics;
using HybridProf.Formats.Collapsed;
using HybridProf.Formats;
using HybridProf.Model;
using HybridProf.Session;

namespace HybridProf.Tests.Session;

/// <summary>
/// A profile that cannot be written where asked (a full disk: Linux's <c>/dev/full</c> fails
/// every write with ENOSPC) goes to the temp directory, with one line naming both paths; if
/// that fails too, one line says the profile is lost, and nothing is thrown.
/// </summary>
[Collection(DiagnosticsSinkCollection.Name)]
public sealed class FullDiskTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hybridprof-full-disk-").FullName;

    private static readonly Profile Sample = Build();

    [Theory]
    [InlineData("profile.svg")]
    [InlineData("profile.pb.gz")]
    public void A_full_disk_while_writing_sends_the_profile_to_the_temp_directory(string name)
    {
        string link = Path.Combine(_folder, name);
        File.CreateSymbolicLink(link, "/dev/full");

        var line = Assert.Single(Messages(() => ProfileOutput.Write(Sample, link, "HYBRIDPROF_OUTPUT", "test"), link));
        Assert.Contains("No space left on device", line);
        string fallback = line[(line.IndexOf("; writing ", StringComparison.Ordinal) + "; writing ".Length)..^" instead.".Length];
        try
        {
            Assert.Equal(Path.GetTempPath(), Path.GetDirectoryName(fallback) + Path.DirectorySeparatorChar);
            Assert.EndsWith(name[name.IndexOf('.')..], fallback);
            string content = fallback.EndsWith(".svg", StringComparison.Ordinal)
                ? File.ReadAllText(fallback)
                : string.Join(";", ProfileFormats.Read(fallback).Frames.Select(f => f.Name));
            Assert.Contains("Shop.Checkout", content);
        }
        finally
        {
            File.Delete(fallback);
        }

        // The link still points at the device, and nothing half-written is left beside it.
        Assert.Equal("/dev/full", new FileInfo(link).LinkTarget);
        Assert.Equal(new[] { link }, Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void When_the_temp_directory_fails_too_one_line_says_the_profile_is_lost()
    {
        string link = Path.Combine(_folder, "profile.collapsed");
        File.CreateSymbolicLink(link, "/dev/full");
        const string Unwritable = "/proc/hybridprof-no-such-folder";

        var line = Assert.Single(Messages(() => ProfileOutput.Write(Sample, link, "HYBRIDPROF_OUTPUT", "test", Unwritable), link));
        Assert.Contains("No space left on device", line);
        Assert.Contains($"neither could {Unwritable}/hybridprof-", line);
        Assert.EndsWith("the profile is lost.", line);
    }

    [Fact]
    public void A_pipe_is_written_in_place_not_replaced()
    {
        string fifo = Path.Combine(_folder, "profile.collapsed");
        using (var mkfifo = Process.Start("mkfifo", $"\"{fifo}\""))
            mkfifo.WaitForExit();
        string? received = null;
        var reader = new Thread(() => received = File.ReadAllText(fifo));
        reader.Start();

        Sample.Save(fifo);
        reader.Join();

        Assert.Equal(WrittenProfileText(), received);
        Assert.Equal(0, new FileInfo(fifo).Length);
        Assert.Equal(new[] { fifo }, Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_link_to_a_regular_file_is_kept_and_its_target_replaced()
    {
        string target = Path.Combine(_folder, "latest.collapsed");
        File.WriteAllText(target, "old 1\n");
        string link = Path.Combine(_folder, "profile.collapsed");
        File.CreateSymbolicLink(link, target);

        Sample.Save(link);

        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal(WrittenProfileText(), File.ReadAllText(target));
        Assert.Equal(2, Directory.GetFileSystemEntries(_folder).Length);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string WrittenProfileText()
    {
        using var stream = new MemoryStream();
        new CollapsedWriter().Write(Sample, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    // The lines this call printed about its path (tests running meanwhile print their own).
    private static List<string> Messages(Action action, string path)
    {
        var messages = new List<string>();
        var previous = Diagnostics.Sink;
        Diagnostics.Sink = m => { lock (messages) messages.Add(m); };
        try
        {
            action();
        }
        finally
        {
            Diagnostics.Sink = previous;
        }
        lock (messages)
            return messages.Where(m => m.Contains(path, StringComparison.Ordinal)).ToList();
    }

    private static Profile Build()
    {
        var builder = new ProfileBuilder();
        var thread = new ProfileThread(1, "main");
        builder.AddStack(thread, new[] { new Frame("Shop.Main"), new Frame("Shop.Checkout") }, 40);
        builder.AddStack(thread, new[] { new Frame("Shop.Main"), new Frame("Shop.Browse") }, 2);
        return builder.Build(new ProfileMetadata(ProfileMode.Cpu, 100, TimeSpan.FromSeconds(1)));
    }
}

/// <summary>Tests that listen to the profiler's process-wide message sink run alone, so no other test swaps it meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DiagnosticsSinkCollection
{
    public const string Name = "diagnostics sink";
}

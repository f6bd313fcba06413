using System.Text;
using HybridProf.Contracts;
using HybridProf.Configuration;
using HybridProf.Formats;
using HybridProf.Model;
using HybridProf.Platform;
using HybridProf.Session;

namespace HybridProf.Tests.Session;

/// <summary>
/// The file behind <c>HYBRIDPROF_OUTPUT</c>'s checkpoints and final write: replaced in one step,
/// with no temporary file beside it at any moment. A SIGKILL cannot run cleanup code, so what
/// it leaves is what the folder holds at the moment it lands: the tests look at the folder
/// while the content is being written (the only moment that can last), and find the old file
/// alone, whole, under its name; the new file has no name until it is complete.
/// </summary>
public sealed class KillSafeFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hybridprof-kill-safe-").FullName;

    [Fact]
    public void While_the_new_file_is_written_the_folder_holds_only_the_old_one_and_then_only_the_new_one()
    {
        string path = Path.Combine(_folder, "profile.collapsed");
        File.WriteAllText(path, "old 1\n");
        string[]? duringWrite = null;
        string? oldDuringWrite = null;

        bool written = KillSafeFile.Write(path, stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes("new 2\n"));
            stream.Flush();
            duringWrite = Directory.GetFileSystemEntries(_folder);
            oldDuringWrite = File.ReadAllText(path);
        });

        Assert.True(written);
        Assert.Equal(new[] { path }, duringWrite);
        Assert.Equal("old 1\n", oldDuringWrite);
        Assert.Equal("new 2\n", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_write_that_fails_midway_leaves_the_old_file_and_nothing_else()
    {
        string path = Path.Combine(_folder, "profile.collapsed");
        File.WriteAllText(path, "old 1\n");

        Assert.Throws<IOException>(() => KillSafeFile.Write(path, stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes("half"));
            throw new IOException("disk gone");
        }));

        Assert.Equal("old 1\n", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_write_no_longer_wanted_never_takes_the_name()
    {
        string path = Path.Combine(_folder, "profile.collapsed");
        File.WriteAllText(path, "final 3\n");

        bool written = KillSafeFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes("stale 1\n")), stillWanted: () => false);

        Assert.False(written);
        Assert.Equal("final 3\n", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_missing_folder_is_created()
    {
        string path = Path.Combine(_folder, "results", "run1", "profile.collapsed");

        KillSafeFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes("a 1\n")));

        Assert.Equal("a 1\n", File.ReadAllText(path));
    }

    [Fact]
    public void Linux_writes_through_an_unnamed_file()
    {
        if (!OperatingSystem.IsLinux())
            return;
        // The temp folder here is tmpfs or ext4, both of which have O_TMPFILE: the plain
        // temporary-file fallback (which a kill mid-write can leave behind) is not what runs.
        using var unnamed = UnnamedFile.TryCreate(_folder);
        Assert.NotNull(unnamed);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void Checkpoints_are_never_more_often_than_twenty_times_their_cost()
    {
        var pace = new CheckpointPace(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), pace.Interval);
        pace.Took(TimeSpan.FromMilliseconds(10));
        Assert.Equal(TimeSpan.FromSeconds(1), pace.Interval);
        pace.Took(TimeSpan.FromMilliseconds(300));
        Assert.Equal(TimeSpan.FromSeconds(6), pace.Interval);
        Assert.False(pace.IsDue);
    }

    [Fact]
    public void A_running_session_is_checkpointed_to_its_file()
    {
        string path = Path.Combine(_folder, "checkpoint.collapsed");
        var session = Profiler.Start(new ProfilerOptions { Mode = ProfileMode.Wall, RateHz = 200, OutputPath = path });
        var checkpoint = ProfileCheckpoint.Start(session, path, "HYBRIDPROF_OUTPUT");
        try
        {
            // Polled, not timed: a loaded machine only takes longer.
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
            while (!File.Exists(path) && DateTime.UtcNow < deadline)
                Thread.Sleep(50);
            Assert.True(File.Exists(path), "no checkpoint within a minute");
            ProfileFormats.Read(path);
        }
        finally
        {
            checkpoint.Finish();
            session.Stop();
        }
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

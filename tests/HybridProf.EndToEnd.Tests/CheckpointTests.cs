using System.Diagnostics;

namespace HybridProf.EndToEnd.Tests;

/// <summary>
/// While a <c>HYBRIDPROF_OUTPUT</c> app runs, its file holds a recent checkpoint of the profile,
/// so a SIGKILL (which runs no exit code at all) still leaves a whole profile and nothing else.
/// </summary>
[Collection(PackedAppCollection.Name)]
public sealed class CheckpointTests(PackedApp app)
{
    [Theory]
    [InlineData("cpu")]
    [InlineData("deterministic")]
    public void A_killed_app_leaves_its_latest_checkpoint_and_no_temporary_file(string mode)
    {
        string folder = Path.Combine(app.Root, "checkpoint-" + Guid.NewGuid().ToString("N")[..6]);
        string output = Path.Combine(folder, mode + ".collapsed");
        using var process = ProcessRunner.Start("dotnet", $"\"{app.AppPath}\" serve", app.AppDirectory,
            ProfileContentTests.Env(output, ("HYBRIDPROF_MODE", mode)), out _, out var stderr);
        try
        {
            // Polled, not timed: a checkpoint naming the app's work must appear while it runs.
            var clock = Stopwatch.StartNew();
            while (!Checkpointed(output) && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
                Thread.Sleep(100);
            Assert.True(Checkpointed(output), $"no checkpoint naming Workloads.Heavy at {output}; stderr: {stderr}");
        }
        finally
        {
            process.Kill(); // SIGKILL: nothing of the app's runs after this.
            process.WaitForExit();
        }

        var profile = Collapsed.Read(output);
        Assert.True(profile.OwnSamples("Workloads.Heavy") > 0);
        Assert.Equal(new[] { output }, Directory.GetFileSystemEntries(folder));
    }

    // Each checkpoint takes the name whole, so whatever is read here is a complete file.
    private static bool Checkpointed(string path)
    {
        try
        {
            return File.Exists(path) && File.ReadAllText(path).Contains("Workloads.Heavy", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}

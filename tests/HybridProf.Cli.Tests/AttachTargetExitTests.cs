using System.Diagnostics;
using HybridProf.EndToEnd.Tests;
using HybridProf.Formats;

namespace HybridProf.Cli.Tests;

/// <summary>
/// <c>record -p</c> with no duration, and the target goes away mid-recording (asked to stop,
/// or killed): the tool notices, writes the samples gathered until its last snapshot and says
/// that the process exited, instead of waiting on and then losing everything.
/// </summary>
[Collection(PackedAppCollection.Name)]
public sealed class AttachTargetExitTests(PackedApp app)
{
    private readonly Cli _cli = new(app);

    [Theory]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public void The_samples_gathered_until_the_target_went_are_written(string signal)
    {
        using var running = _cli.StartApp("serve");
        string output = app.OutputPath($"target-{signal}.pb.gz");
        using var record = _cli.Start($"record -p {running.Pid} -o \"{output}\"", out var stdout, out var stderr);
        // Time for the recording to take a few snapshots (one every 2 s on an unhurried machine);
        // a wait, not a measurement: nothing below depends on how long it really took.
        Thread.Sleep(TimeSpan.FromSeconds(7));
        using (var kill = Process.Start("kill", $"-{signal} {running.Pid}"))
            kill.WaitForExit();

        // A hang guard only: the tool looks at its target every second.
        Assert.True(record.WaitForExit(TimeSpan.FromMinutes(1)), $"record still waits after its target got SIG{signal}\n{stderr}");
        record.WaitForExit();
        string said = stderr.ToString();
        Assert.True(record.ExitCode == 0, said);
        Assert.Contains($"process {running.Pid} exited; wrote {output} with what was gathered until", said);
        Assert.DoesNotContain("Broken pipe", said);

        var profile = ProfileFormats.Read(output);
        Assert.Contains(profile.Frames, f => f.Name == "E2eApp.Workloads.Heavy");
        Assert.True(profile.TotalSamples > 20, $"{profile.TotalSamples} samples\n{said}");
    }
}

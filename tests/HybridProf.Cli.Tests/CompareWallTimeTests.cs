using HybridProf.EndToEnd.Tests;

namespace HybridProf.Cli.Tests;

/// <summary>An app that prints no <c>elapsed_ms=</c> line is timed from start to exit, and the output says so.</summary>
[Collection(PackedAppCollection.Name)]
public sealed class CompareWallTimeTests(PackedApp app)
{
    [Fact]
    public void An_app_without_its_own_timing_is_timed_by_wall_clock()
    {
        var run = new Cli(app).Run($"compare --rounds 1 --rate 500 -- dotnet \"{app.AppPath}\" burn 0.5");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("medians of wall time from start to exit (start-up and profile writing included", run.Stdout);
        Assert.Contains("samples at 500 Hz", run.Stdout);
        Assert.Matches(@"(?m)^ +\d+\.\d\d  \[ *\d+\.\d\d, +\d+\.\d\d\] +\d+\.\d\d +[+-]\d+\.\d\d    E2eApp\.Workloads\.Heavy", run.Stdout);
        Assert.DoesNotContain("finished", run.Stdout); // the app's output is captured
    }
}

using HybridProf.EndToEnd.Tests;

namespace HybridProf.Cli.Tests;

/// <summary>
/// <c>record -o x.trace.json</c> of a sampled run: the app's profile has no per-call timings,
/// so the tool refuses the timeline in one line and writes no file, rather than an empty trace.
/// </summary>
[Collection(PackedAppCollection.Name)]
public sealed class RecordTimelineRefusalTests(PackedApp app)
{
    private readonly Cli _cli = new(app);

    [Fact]
    public void Record_of_a_sampled_run_to_a_timeline_is_refused_and_writes_nothing()
    {
        string output = app.OutputPath("sampled.trace.json");
        var run = _cli.Run($"record -o \"{output}\" -- dotnet \"{app.AppPath}\" burn 0.5");
        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(run.StderrLines, l => l.StartsWith("hybridprof:", StringComparison.Ordinal));
        Assert.StartsWith($"hybridprof: {output}: no timeline to write", line);
        Assert.Contains($"HYBRIDPROF_MODE=deterministic HYBRIDPROF_OUTPUT={Path.GetFileName(output)}", line);
        Assert.False(File.Exists(output), "record wrote an empty timeline");
    }
}

using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HybridProf.EndToEnd.Tests;

[Collection(PackedAppCollection.Name)]
public sealed class ProfileContentTests(PackedApp app)
{
    private static readonly Regex CompilerName = new(@"MoveNext|b__\d|g__|<>c|d__\d|<Main>\$|DisplayClass|\|", RegexOptions.Compiled);

    [Fact]
    public void Cpu_samples_split_three_to_one_between_functions_that_burn_three_to_one()
    {
        string output = app.OutputPath("burn.collapsed");
        var run = app.Run("burn 4", Env(output, ("HYBRIDPROF_RATE", "1000")));
        Assert.True(run.ExitCode == 0, run.Stderr);

        var profile = Collapsed.Read(output);
        long heavy = profile.OwnSamples("Workloads.Heavy");
        long light = profile.OwnSamples("Workloads.Light");
        double share = 100.0 * heavy / (heavy + light);
        Assert.True(heavy + light > 1000, $"only {heavy + light} samples");
        Assert.InRange(share, 70, 80);
        Assert.Contains(profile.Stacks, s => string.Join(";", s.Frames) == "E2eApp.Program.Main;E2eApp.Workloads.BurnThreeToOne;E2eApp.Workloads.Heavy");
    }

    [Fact]
    public void No_sample_after_a_catch_still_shows_the_frames_that_threw()
    {
        string output = app.OutputPath("exceptions.collapsed");
        var run = app.Run("exceptions 2", Env(output, ("HYBRIDPROF_RATE", "1000")));
        Assert.True(run.ExitCode == 0, run.Stderr);

        var profile = Collapsed.Read(output);
        var afterCatch = profile.Stacks.Where(s => s.Frames.Any(f => f.EndsWith(".AfterCatch", StringComparison.Ordinal))).ToList();
        Assert.True(afterCatch.Sum(s => s.Count) > 100, "the catch handler was hardly sampled");
        Assert.DoesNotContain(afterCatch, s => s.Frames.Any(f => f.EndsWith(".Thrower", StringComparison.Ordinal)));
        Assert.True(profile.OwnSamples("Workloads.Thrower") > 50, "the thrower was hardly sampled");
    }

    [Fact]
    public void Frames_read_like_the_source_and_never_like_the_compiler()
    {
        string output = app.OutputPath("shapes.collapsed");
        var run = app.Run("shapes 3", Env(output, ("HYBRIDPROF_RATE", "1000"), ("HYBRIDPROF_MODE", "wall")));
        Assert.True(run.ExitCode == 0, run.Stderr);

        var frames = Collapsed.Read(output).AllFrames.ToList();
        Assert.DoesNotContain(frames, f => CompilerName.IsMatch(f));
        Assert.Contains("E2eApp.Shapes.RunAsync", frames);
        Assert.Contains("E2eApp.Shapes.Numbers", frames);
        Assert.Contains("E2eApp.Shapes.RunAll.lambda1", frames);
        Assert.Contains("E2eApp.Shapes.RunAll.Local", frames);
        Assert.Contains("E2eApp.Box<T>.Peek", frames);
    }

    [Fact]
    public void Wall_mode_sees_blocked_threads_and_cpu_mode_does_not()
    {
        string wall = app.OutputPath("wall.collapsed");
        string cpu = app.OutputPath("cpu.collapsed");
        Assert.Equal(0, app.Run("sleep 2", Env(wall, ("HYBRIDPROF_MODE", "wall"))).ExitCode);
        // 1 kHz: the thread computes only 5% of the time, and a share needs samples.
        Assert.Equal(0, app.Run("sleep 2", Env(cpu, ("HYBRIDPROF_MODE", "cpu"), ("HYBRIDPROF_RATE", "1000"))).ExitCode);

        var wallProfile = Collapsed.Read(wall);
        var cpuProfile = Collapsed.Read(cpu);
        long wallBlocked = wallProfile.Stacks.Where(s => s.Frames[^1] == "[blocked]" && s.Frames[^2] == "E2eApp.Workloads.Sleeper").Sum(s => s.Count);
        double wallSleep = (double)wallBlocked / wallProfile.Total;
        double cpuSleep = (double)cpuProfile.Stacks.Where(s => s.Frames.Contains("E2eApp.Workloads.Sleeper")).Sum(s => s.Count) / Math.Max(1, cpuProfile.Total);
        Assert.True(wallSleep > 0.8, $"wall mode put {wallSleep:P0} in Sleeper;[blocked]");
        Assert.True(cpuSleep < 0.2, $"cpu mode put {cpuSleep:P0} in Sleeper");
        Assert.DoesNotContain(cpuProfile.AllFrames, f => f == "[blocked]");
    }

    [Theory]
    [InlineData("cpu", "profile.svg")]
    [InlineData("wall", "profile.svg")]
    [InlineData("cpu", "profile.txt")]
    [InlineData("wall", "profile.folded")]
    [InlineData("cpu", "profile.pb.gz")]
    [InlineData("wall", "profile.speedscope.json")]
    public void Every_mode_writes_every_format(string mode, string name)
    {
        string output = app.OutputPath(name);
        var run = app.Run("burn 1", Env(output, ("HYBRIDPROF_MODE", mode)));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains(run.StderrLines, l => l.StartsWith("HybridProf: wrote " + output, StringComparison.Ordinal));

        string text = name.EndsWith(".gz") ? Gunzip(output) : File.ReadAllText(output);
        Assert.Contains("E2eApp.Workloads.Heavy", text);
        if (name.EndsWith(".svg"))
            Assert.Equal("svg", XDocument.Parse(text).Root!.Name.LocalName);
        if (name.EndsWith(".txt"))
            Assert.Matches(@"(?m)^\s*\d+(\.\d+)?\s+\d+(\.\d+)?\s+\d+\s+\d+\s+E2eApp\.Workloads\.Heavy", text);
        if (name.EndsWith(".folded"))
            Assert.Matches(@"(?m)^E2eApp\.Program\.Main;E2eApp\.Workloads\.BurnThreeToOne;E2eApp\.Workloads\.Heavy \d+$", text);
    }

    // pprof's string table holds the frame names as plain UTF-8 inside the gzip stream.
    private static string Gunzip(string path)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    internal static Dictionary<string, string> Env(string output, params (string Key, string Value)[] more)
    {
        var env = new Dictionary<string, string> { ["HYBRIDPROF_OUTPUT"] = output };
        foreach (var (key, value) in more)
            env[key] = value;
        return env;
    }
}

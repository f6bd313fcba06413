using HybridProf.EndToEnd.Tests;
using Xunit.Abstractions;

namespace HybridProf.Cli.Tests.Tune;

/// <summary>
/// <c>hybridprof tune</c> on a fresh app built from the packed package: it writes the list
/// into the project, rebuilds, and the rebuilt app no longer has the left-out method as a
/// frame of its own; the build warns about a line that names nothing.
/// </summary>
[Collection(PackedAppCollection.Name)]
public sealed class TuneEndToEndTests(PackedApp app, ITestOutputHelper output)
{
    private const string Build = "build -c Release -o out";

    [Fact]
    public void Tune_leaves_out_the_hot_one_liner_and_the_rebuilt_app_honours_the_list()
    {
        string project = app.CopySources("tune-" + Guid.NewGuid().ToString("N")[..6]);
        string list = Path.Combine(project, "hybridprof-tune.txt");
        File.WriteAllText(list, "# mine\nE2eApp.Counted.F\nE2eApp.No.Such  # gone\n");

        // The package hands the project's list to the generator: a name that matches nothing is a warning on its line.
        var build = ProcessRunner.RunChecked("dotnet", Build, project, timeout: TimeSpan.FromMinutes(10));
        Assert.Contains($"{list}(3,1): warning HPROF003: 'E2eApp.No.Such' names no method of this assembly's method table", build.Stdout);

        // 0.1 % of the run: the 3 million calls of Add are far over it whatever the machine's speed.
        var tune = ProcessRunner.Run("dotnet", $"\"{Cli.CliPath}\" tune --budget 0.1 --rounds 1 --build \"dotnet {Build}\" -- dotnet out/E2eApp.dll hot 3",
            project, timeout: TimeSpan.FromMinutes(10));
        output.WriteLine(tune.Stdout + tune.Stderr);
        Assert.True(tune.ExitCode == 0, tune.Stderr);
        // Add 3 million times, Run and Main once.
        Assert.Contains("3,000,002 calls of instrumented methods in one deterministic run", tune.Stdout);
        Assert.Matches(@"(?m)^ +3,000,000 +\d+ ns +\d+\.\d ms  E2eApp\.Hot\.Add$", tune.Stdout);
        Assert.Contains("wrote hybridprof-tune.txt: ", tune.Stdout);
        Assert.Contains("woven, not profiling: before ", tune.Stdout);

        string[] lines = File.ReadAllLines(list);
        Assert.Equal(["# mine", "E2eApp.Counted.F", "E2eApp.No.Such  # gone"], lines[..3]);
        Assert.Contains(lines, l => l.StartsWith("E2eApp.Hot.Add  # 3,000,000 calls", StringComparison.Ordinal));

        // The rebuilt app: Add is no frame of its own any more; its time is Run's.
        string report = Path.Combine(project, "after.txt");
        var run = ProcessRunner.Run("dotnet", "out/E2eApp.dll hot 1", project,
            new Dictionary<string, string> { ["HYBRIDPROF_MODE"] = "deterministic", ["HYBRIDPROF_OUTPUT"] = report }, TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.Stderr);
        string text = File.ReadAllText(report);
        Assert.DoesNotContain("(E2eApp.Hot.Add)", text);
        Assert.Matches(@"(?m)^ +1 .*\(E2eApp\.Hot\.Run\)$", text);
    }
}

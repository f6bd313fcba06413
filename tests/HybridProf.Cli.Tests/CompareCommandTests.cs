using HybridProf.EndToEnd.Tests;
using Xunit.Abstractions;

namespace HybridProf.Cli.Tests;

/// <summary><c>hybridprof compare</c>: its baselines, and what a user sees when the command or the options are wrong.</summary>
public sealed class CompareCommandTests(ITestOutputHelper output)
{
    private static readonly string Woven = Cli.ProgramPath("Workloads");

    private ProcessRunner.Result Run(string arguments)
    {
        var result = Cli.RunAlone(arguments, TimeSpan.FromMinutes(2));
        output.WriteLine(result.Stdout + result.Stderr);
        return result;
    }

    [Fact]
    public void Without_plain_the_baseline_is_the_woven_build_not_profiling()
    {
        var run = Run($"compare --rounds 1 -- dotnet \"{Woven}\" burn 100");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("baseline: the same woven build, not profiling", run.Stdout);
        Assert.Matches(@"(?m)^  woven, not profiling +\d+\.\d ms   x1\.000   \(runs: \d+\)$", run.Stdout);
        Assert.Contains("Workloads.Burn.Large", run.Stdout);
        // The workload's own output ("elapsed_ms=… check=…") is captured, not passed through.
        Assert.DoesNotContain("check=", run.Stdout);
    }

    [Fact]
    public void A_failing_command_is_one_message_with_its_last_output_and_exit_code_1()
    {
        var run = Run($"compare -- dotnet \"{Woven}\" no-such-workload");
        Assert.Equal(1, run.ExitCode);
        var messages = run.StderrLines.Where(l => l.StartsWith("hybridprof:", StringComparison.Ordinal)).ToList();
        string message = Assert.Single(messages);
        Assert.Contains("exited with code 2 (round 1 of 3, woven, not profiling); nothing compared", message);
        Assert.Contains("unknown workload no-such-workload", run.Stderr); // the child's own words, shown because it failed
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void A_command_that_leaves_no_profile_is_told_both_causes_it_may_have()
    {
        var run = Run($"compare --rounds 1 -- dotnet \"{Cli.ProgramPath("Workloads.Plain")}\" burn 10");
        Assert.Equal(1, run.ExitCode);
        string said = Assert.Single(run.StderrLines);
        Assert.Contains("wrote none (sampling 100 Hz, exit code 0). Either it runs no instrumented code (add the HybridProf package", said);
        Assert.Contains("or it lost its profile on the way out", said);
        Assert.DoesNotContain("never ran instrumented code", said);
    }

    [Fact]
    public void A_run_that_loses_its_profile_after_earlier_runs_wrote_theirs_is_told_so()
    {
        // The first two runs (not profiling, then sampling at 100 Hz) are real; the third
        // (deterministic) exits at once with code 0, as an app whose profile is lost would.
        string counter = Path.Combine(Path.GetTempPath(), "hybridprof-compare-" + Guid.NewGuid().ToString("N")[..8]);
        string script = $"n=$(cat {counter} 2>/dev/null || echo 0); echo $((n+1)) > {counter}; [ $n -ge 2 ] && exit 0; exec dotnet '{Woven}' burn 10";
        var run = Run($"compare --rounds 1 --rate 100 -- sh -c \"{script}\"");
        File.Delete(counter);
        Assert.Equal(1, run.ExitCode);
        string said = Assert.Single(run.StderrLines);
        Assert.Contains("wrote none in this run (deterministic, exit code 0), though earlier runs did: it runs instrumented code and lost this run's profile", said);
    }

    [Theory]
    [InlineData("compare --rounds abc -- dotnet x.dll", "--rounds takes a whole number, not 'abc'")]
    [InlineData("compare --rounds 0 -- dotnet x.dll", "--rounds must be at least 1")]
    [InlineData("compare --rate 20000 -- dotnet x.dll", "--rate must be from 1 to 10000")]
    [InlineData("compare --top 0 -- dotnet x.dll", "--top must be at least 1")]
    [InlineData("compare --plain \"dotnet 'x.dll\" -- dotnet x.dll", "--plain: the quote ' at position 8")]
    [InlineData("compare --plain \" \" -- dotnet x.dll", "--plain needs a command")]
    [InlineData("compare --bogus -- dotnet x.dll", "unknown option '--bogus'")]
    [InlineData("compare --rounds", "Required argument missing for option: '--rounds'")]
    [InlineData("compare", "nothing to compare: give the instrumented command after `--`")]
    [InlineData("compare -- no-such-program-here", "cannot start 'no-such-program-here'")]
    public void Option_mistakes_are_one_line_on_stderr_and_exit_code_1(string arguments, string expected)
    {
        var run = Run(arguments);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.StderrLines));
        Assert.StartsWith("hybridprof: ", run.Stderr);
        Assert.Equal("", run.Stdout); // no help page dumped
    }
}

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
    public void A_command_that_is_not_instrumented_is_told_what_to_add()
    {
        var run = Run($"compare --rounds 1 -- dotnet \"{Cli.ProgramPath("Workloads.Plain")}\" burn 10");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("never ran instrumented code", Assert.Single(run.StderrLines));
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

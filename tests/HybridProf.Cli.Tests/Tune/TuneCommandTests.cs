using HybridProf.EndToEnd.Tests;
using Xunit.Abstractions;

namespace HybridProf.Cli.Tests.Tune;

/// <summary><c>hybridprof tune</c>: what a user sees when the command, the options or the list are wrong.</summary>
public sealed class TuneCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hybridprof-tune-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ProcessRunner.Result Run(string arguments)
    {
        var result = ProcessRunner.Run("dotnet", $"\"{Cli.CliPath}\" {arguments}", _folder, timeout: TimeSpan.FromMinutes(3));
        output.WriteLine(result.Stdout + result.Stderr);
        return result;
    }

    private string ListPath => Path.Combine(_folder, "hybridprof-tune.txt");

    [Theory]
    [InlineData("tune", "nothing to tune: give the instrumented command after `--`")]
    [InlineData("tune --budget 101 -- dotnet x.dll", "--budget must be from 0 to 100")]
    [InlineData("tune --budget -1 -- dotnet x.dll", "--budget must be from 0 to 100")]
    [InlineData("tune --budget two -- dotnet x.dll", "--budget takes a number, not 'two'")]
    [InlineData("tune --max-own-ns 0 -- dotnet x.dll", "--max-own-ns must be more than 0")]
    [InlineData("tune --rounds 0 -- dotnet x.dll", "--rounds must be at least 1")]
    [InlineData("tune --top 0 -- dotnet x.dll", "--top must be at least 1")]
    [InlineData("tune --build \"dotnet 'x\" -- dotnet x.dll", "--build: the quote ' at position 8")]
    [InlineData("tune --plain \" \" -- dotnet x.dll", "--plain needs a command")]
    [InlineData("tune -o no-such-folder/list.txt -- dotnet x.dll", "cannot write 'no-such-folder/list.txt': the folder")]
    [InlineData("tune --bogus -- dotnet x.dll", "unknown option '--bogus'")]
    [InlineData("tune -- no-such-program-here", "cannot start 'no-such-program-here'")]
    public void Mistakes_are_one_line_on_stderr_and_exit_code_1(string arguments, string expected)
    {
        var run = Run(arguments);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.StderrLines));
        Assert.StartsWith("hybridprof: ", run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.False(File.Exists(ListPath));
    }

    [Fact]
    public void A_file_that_is_not_a_tune_list_is_never_overwritten()
    {
        string readme = Path.Combine(_folder, "README.md");
        File.WriteAllText(readme, "# My app\n\nThis app parses things.\n");

        var run = Run($"tune -o README.md -- dotnet \"{Cli.ProgramPath("Workloads")}\" parser 1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'README.md' is not a tune list (line 3, 'This app parses things.', is not a frame name); nothing was run or written", Assert.Single(run.StderrLines));
        Assert.Equal("# My app\n\nThis app parses things.\n", File.ReadAllText(readme));
    }

    [Fact]
    public void An_app_that_is_not_instrumented_is_told_what_to_add()
    {
        var run = Run($"tune --rounds 1 -- dotnet \"{Cli.ProgramPath("Workloads.Plain")}\" parser 1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Either it runs no instrumented code (add the HybridProf package", Assert.Single(run.StderrLines));
        Assert.False(File.Exists(ListPath));
    }

    [Fact]
    public void A_failing_command_is_one_message_with_its_last_output()
    {
        var run = Run($"tune -- dotnet \"{Cli.ProgramPath("Workloads")}\" no-such-workload");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("exited with code 2 (round 1 of 3, woven, not profiling); nothing tuned", run.StderrLines[0]);
        Assert.Contains("unknown workload no-such-workload", run.Stderr);
        Assert.False(File.Exists(ListPath));
    }

    [Fact]
    public void A_list_outside_the_apps_sources_is_refused_after_the_count()
    {
        // The workloads' sources are in the repository, not under this test's folder.
        var run = Run($"tune --rounds 1 -- dotnet \"{Cli.ProgramPath("Workloads")}\" parser 1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"no function of the run has its source under {_folder}, the tune list's folder", Assert.Single(run.StderrLines));
        Assert.False(File.Exists(ListPath));
    }
}

using HybridProf.EndToEnd.Tests;

namespace HybridProf.Cli.Tests;

/// <summary>
/// The README's test command (./test.sh) sets up what the tests need or says in one line why it
/// cannot. Run here with a PATH of its own, where go, tmux and apt-get are missing or stand-ins,
/// and with HYBRIDPROF_TEST_SETUP_ONLY=1 so that it stops after the set-up.
/// </summary>
public sealed class TestScriptTests : IDisposable
{
    private readonly string _bin = Path.Combine(Path.GetTempPath(), "hybridprof-testsh-" + Guid.NewGuid().ToString("N")[..8]);

    public TestScriptTests()
    {
        Directory.CreateDirectory(_bin);
        // Only what the script itself calls besides the tools it checks for.
        foreach (string tool in new[] { "dirname", "id" })
            File.CreateSymbolicLink(Path.Combine(_bin, tool), Which(tool));
    }

    [Fact]
    public void Without_the_tools_and_without_apt_get_it_says_so_in_one_line_and_fails()
    {
        var run = Script();
        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(Lines(run.Stderr));
        Assert.Contains("golang-go", line);
        Assert.Contains("tmux", line);
        Assert.Contains("no apt-get", line);
    }

    [Fact]
    public void It_installs_what_is_missing_with_apt_get()
    {
        string log = Path.Combine(_bin, "apt.log");
        StandIn("apt-get", $"echo \"$@\" >> '{log}'");
        StandIn("sudo", "\"$@\"");
        var run = Script();
        Assert.True(run.ExitCode == 0, run.Stderr);
        var calls = File.ReadAllLines(log);
        Assert.Contains(calls, c => c.Contains("update"));
        var install = Assert.Single(calls, c => c.StartsWith("install", StringComparison.Ordinal));
        Assert.Contains("golang-go", install);
        Assert.Contains("tmux", install);
    }

    [Fact]
    public void When_apt_get_fails_it_says_so_and_runs_no_test()
    {
        StandIn("apt-get", "echo 'E: Unable to locate package' >&2; exit 100");
        StandIn("sudo", "\"$@\"");
        var run = Script();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("test.sh: apt-get could not install", run.Stderr);
        Assert.Contains("none ran", run.Stderr);
    }

    private ProcessRunner.Result Script() =>
        ProcessRunner.Run(Which("bash"), $"\"{Path.Combine(PackedApp.RepositoryRoot, "test.sh")}\"", _bin,
            new Dictionary<string, string> { ["PATH"] = _bin, ["HYBRIDPROF_TEST_SETUP_ONLY"] = "1" }, TimeSpan.FromMinutes(1));

    private void StandIn(string name, string body)
    {
        string path = Path.Combine(_bin, name);
        File.WriteAllText(path, $"#!{Which("bash")}\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Where(l => l.Trim().Length > 0);

    private static string Which(string tool) =>
        new[] { "/usr/bin", "/bin", "/usr/sbin", "/sbin" }.Select(d => Path.Combine(d, tool)).First(File.Exists);

    public void Dispose() => Directory.Delete(_bin, recursive: true);
}

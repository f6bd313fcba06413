using System.Diagnostics;

namespace HybridProf.EndToEnd.Tests;

[Collection(PackedAppCollection.Name)]
public sealed class LifecycleTests(PackedApp app)
{
    [Theory]
    [InlineData("HYBRIDPROF_RATE", "fast")]
    [InlineData("HYBRIDPROF_MODE", "turbo")]
    [InlineData("HYBRIDPROF_DURATION", "-3")]
    public void A_bad_variable_gives_one_line_and_the_app_still_runs(string variable, string value)
    {
        string output = app.OutputPath("bad.collapsed");
        var run = app.Run("burn 0.5", ProfileContentTests.Env(output, (variable, value)));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("finished", run.Stdout);
        var complaint = Assert.Single(run.StderrLines, l => l.Contains(variable));
        Assert.Contains($"'{value}'", complaint);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void An_unwritable_output_gives_one_line_and_the_profile_goes_to_the_temp_directory()
    {
        string output = "/proc/hybridprof-cannot-write-here/profile.collapsed";
        var run = app.Run("burn 0.5", ProfileContentTests.Env(output));
        Assert.Equal(0, run.ExitCode);
        var complaint = Assert.Single(run.StderrLines, l => l.Contains("HYBRIDPROF_OUTPUT"));
        Assert.Contains(output, complaint);
        string fallback = complaint[(complaint.IndexOf("writing ", StringComparison.Ordinal) + "writing ".Length)..^" instead.".Length];
        Assert.True(File.Exists(fallback), $"no fallback file at {fallback}");
        Assert.Contains("Workloads.Heavy", File.ReadAllText(fallback));
    }

    [Fact]
    public void A_full_disk_while_writing_gives_one_line_naming_both_paths_and_the_profile_goes_to_the_temp_directory()
    {
        // Every write to /dev/full fails with ENOSPC, as on a full disk: after the file was opened.
        string output = app.OutputPath("full.collapsed");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.CreateSymbolicLink(output, "/dev/full");
        var run = app.Run("burn 0.5", ProfileContentTests.Env(output));
        Assert.Equal(0, run.ExitCode);
        var complaint = Assert.Single(run.StderrLines, l => l.Contains("HYBRIDPROF_OUTPUT"));
        Assert.Contains(output, complaint);
        Assert.Contains("No space left on device", complaint);
        string fallback = complaint[(complaint.IndexOf("writing ", StringComparison.Ordinal) + "writing ".Length)..^" instead.".Length];
        Assert.StartsWith(Path.GetTempPath(), fallback);
        Assert.Contains("Workloads.Heavy", File.ReadAllText(fallback));
        Assert.Equal("/dev/full", new FileInfo(output).LinkTarget);
    }

    [Fact]
    public void The_pid_placeholder_is_replaced()
    {
        string output = app.OutputPath("p-{pid}.collapsed");
        var run = app.Run("burn 0.3", ProfileContentTests.Env(output));
        Assert.Equal(0, run.ExitCode);
        var written = Directory.GetFiles(Path.GetDirectoryName(output)!, Path.GetFileName(output).Replace("{pid}", "*"));
        Assert.Matches(@"p-\d+\.collapsed$", Assert.Single(written));
    }

    [Fact]
    public void Duration_stops_profiling_early_and_the_app_runs_on()
    {
        string output = app.OutputPath("duration.collapsed");
        var run = app.Run("burn 3", ProfileContentTests.Env(output, ("HYBRIDPROF_DURATION", "0.5")));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("finished", run.Stdout);
        Assert.Contains(run.StderrLines, l => l.Contains("duration elapsed"));
        long samples = Collapsed.Read(output).Total;
        Assert.InRange(samples, 10, 100); // 0.5 s at 100 Hz, not 3 s
    }

    [Theory]
    [InlineData("exit", 3)]
    [InlineData("crash", -1)]
    public void Environment_exit_and_unhandled_exceptions_still_write_the_profile(string scenario, int expectedExit)
    {
        string output = app.OutputPath(scenario + ".collapsed");
        var run = app.Run(scenario + " 0.5", ProfileContentTests.Env(output));
        if (expectedExit >= 0)
            Assert.Equal(expectedExit, run.ExitCode);
        else
            Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Workloads.Heavy", File.ReadAllText(output));
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public void A_signal_still_writes_the_profile(string signal)
    {
        string output = app.OutputPath(signal + ".collapsed");
        using var process = ProcessRunner.Start("dotnet", $"\"{app.AppPath}\" serve", app.AppDirectory,
            ProfileContentTests.Env(output), out var stdout, out var stderr);
        var clock = Stopwatch.StartNew();
        while (!stdout.ToString().Contains("ready") && clock.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(50);
        Thread.Sleep(700);
        ProcessRunner.RunChecked("kill", $"-{signal} {process.Id}", app.AppDirectory);
        Assert.True(process.WaitForExit(30_000), "the app did not stop");
        Assert.True(File.Exists(output), $"no profile after SIG{signal}; stderr: {stderr}");
        Assert.Contains("Workloads.Heavy", File.ReadAllText(output));
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public void A_signal_that_ends_the_app_removes_its_agent_socket(string signal)
    {
        // No handler of the app's cancels the signal, so the runtime ends the process by it and
        // raises no ProcessExit: the signal handler itself must remove the socket.
        string agents = Path.Combine(app.Root, "agents-" + Guid.NewGuid().ToString("N")[..6]);
        using var process = ProcessRunner.Start("dotnet", $"\"{app.AppPath}\" serve", app.AppDirectory,
            ProfileContentTests.Env(app.OutputPath(signal + "-socket.collapsed"), ("HYBRIDPROF_AGENT_DIR", agents)), out _, out var stderr);
        string socket = Path.Combine(agents, $"hybridprof-{process.Id}.sock");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(socket) && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(50);
        Assert.True(File.Exists(socket), $"no agent socket at {socket}; stderr: {stderr}");
        ProcessRunner.RunChecked("kill", $"-{signal} {process.Id}", app.AppDirectory);
        Assert.True(process.WaitForExit(30_000), "the app did not stop");
        Assert.False(File.Exists(socket), $"the socket outlived the app after SIG{signal}");
    }

    [Fact]
    public void The_app_was_built_with_no_weaver_file_in_its_folder()
    {
        Assert.False(File.Exists(Path.Combine(app.AppDirectory, "FodyWeavers.xml")));
        Assert.Contains("HybridProf", File.ReadAllText(Path.Combine(app.AppDirectory, "E2eApp.csproj")));
    }
}

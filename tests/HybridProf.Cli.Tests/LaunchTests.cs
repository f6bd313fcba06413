using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using HybridProf.EndToEnd.Tests;
using HybridProf.Formats;

namespace HybridProf.Cli.Tests;

/// <summary><c>hybridprof record -o FILE -- COMMAND</c>: the tool launches the app and writes its profile.</summary>
[Collection(PackedAppCollection.Name)]
public sealed class LaunchTests(PackedApp app)
{
    private readonly Cli _cli = new(app);

    [Fact]
    public void Record_launches_the_app_and_writes_the_profile_in_the_asked_format()
    {
        string output = app.OutputPath("launch.speedscope.json");
        var run = _cli.Run($"record -o \"{output}\" --rate 200 -- dotnet \"{app.AppPath}\" burn 1.5");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("finished", run.Stdout); // the app's own output passes through
        Assert.Contains($"wrote {output}", run.Stderr);
        // The app's own line about the temporary file it handed the tool is not shown.
        Assert.DoesNotContain("HybridProf: wrote", run.Stderr);

        var profile = ProfileFormats.Read(output);
        Assert.Contains(profile.Frames, f => f.Name == "E2eApp.Workloads.Heavy");
        Assert.True(profile.TotalSamples > 100, $"{profile.TotalSamples} samples");
    }

    [Fact]
    public void The_apps_exit_code_passes_through_and_the_profile_is_still_written()
    {
        string output = app.OutputPath("exit.collapsed");
        var run = _cli.Run($"record -o \"{output}\" --mode wall -- dotnet \"{app.AppPath}\" exit 0.5");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("E2eApp.Workloads.Heavy", File.ReadAllText(output));
    }

    [Fact]
    public void Record_dotnet_run_of_a_project_that_references_HybridProf_builds_it_as_it_is_outside_its_folders()
    {
        string project = app.CopySources("zero-edit-packaged");
        string output = app.OutputPath("packaged.collapsed");
        string builds = Path.Combine(app.Root, "zero-edit-builds");

        var run = ProcessRunner.Run("dotnet", $"\"{Cli.CliPath}\" record -o \"{output}\" --build-dir \"{builds}\" -- dotnet run -c Release -- burn 1", project, _cli.Environment(), TimeSpan.FromMinutes(5));

        // Its own package instruments it: the tool adds nothing (a second generator would not
        // even compile), and the build still goes to the tool's folder, not the project's.
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.DoesNotContain(lines, l => l.StartsWith("HybridProf: ", StringComparison.Ordinal)); // no line of the zero-edit targets
        Assert.Single(lines, l => l.StartsWith("Fody/HybridProf: instrumented", StringComparison.Ordinal)); // woven once
        Assert.Contains("E2eApp.Workloads.Heavy", File.ReadAllText(output));
        Assert.False(Directory.Exists(Path.Combine(project, "obj")), "the build wrote the project's own obj/");
        Assert.False(Directory.Exists(Path.Combine(project, "bin")), "the build wrote the project's own bin/");
    }

    [Fact]
    public void A_command_that_is_not_instrumented_is_told_what_to_add()
    {
        string output = app.OutputPath("none.svg");
        var run = _cli.Run($"record -o \"{output}\" -- dotnet --version");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("never ran instrumented code", run.Stderr);
        Assert.Contains("[assembly: HybridProf.Profile]", run.Stderr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void An_instrumented_app_killed_by_a_signal_is_told_so_not_to_add_the_package()
    {
        string output = app.OutputPath("killed.collapsed");
        using var cli = _cli.Start($"record -o \"{output}\" -- dotnet \"{app.AppPath}\" serve", out _, out var stderr);
        // The app's agent socket: it ran instrumented code, and its name gives its pid.
        string? socket = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (socket is null && !cli.HasExited && DateTime.UtcNow < deadline)
        {
            socket = Directory.Exists(_cli.AgentDirectory) ? Directory.GetFiles(_cli.AgentDirectory, "hybridprof-*.sock").FirstOrDefault() : null;
            Thread.Sleep(50);
        }
        Assert.True(socket is not null, $"the app's agent never came up.\nstderr:\n{Text(stderr)}");
        int appPid = int.Parse(Path.GetFileName(socket)["hybridprof-".Length..^".sock".Length]);

        Assert.Equal(0, kill(appPid, 9));

        Assert.True(cli.WaitForExit(60_000), $"still running.\nstderr:\n{Text(stderr)}");
        cli.WaitForExit();
        Assert.Equal(128 + 9, cli.ExitCode); // as a shell reports a child that SIGKILL ended
        Assert.DoesNotContain("never ran instrumented code", Text(stderr));
        Assert.DoesNotContain("Add the HybridProf package", Text(stderr));
        // The app keeps a checkpoint of its profile on disk from about a second after it starts:
        // killed before the first, it leaves nothing; after, the tool writes that checkpoint.
        if (File.Exists(output))
            Assert.Contains("exited on signal 9 (SIGKILL) before it could write at exit: this is its latest checkpoint", Text(stderr));
        else
            Assert.Contains("exited on signal 9 (SIGKILL) before writing its profile", Text(stderr));
    }

    [Fact]
    public void Ctrl_C_stops_recording_and_still_writes_the_file()
    {
        string output = app.OutputPath("interrupted.pb.gz");
        // stdin redirected, as under a CI runner: no terminal, so the app hears only what the tool passes on.
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = app.Root };
        foreach (string arg in new[] { Cli.CliPath, "record", "-o", output, "--", "dotnet", app.AppPath, "serve" })
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in _cli.Environment())
            info.Environment[key] = value;
        using var cli = Process.Start(info)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        cli.OutputDataReceived += (_, e) => { lock (stdout) stdout.AppendLine(e.Data); };
        cli.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        cli.BeginOutputReadLine();
        cli.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Text(stdout).Contains("ready") && DateTime.UtcNow < deadline)
            Thread.Sleep(50);
        Thread.Sleep(1000);
        Assert.Equal(0, kill(cli.Id, 2));
        Assert.True(cli.WaitForExit(60_000), $"still running.\nstderr:\n{Text(stderr)}");
        cli.WaitForExit();
        Assert.True(File.Exists(output), $"no profile.\nstderr:\n{Text(stderr)}");
        Assert.Contains(ProfileFormats.Read(output).Frames, f => f.Name == "E2eApp.Workloads.Heavy");
    }

    [Fact]
    public void Record_without_a_command_or_pid_explains_itself()
    {
        var run = _cli.Run($"record -o \"{app.OutputPath("x.svg")}\"");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nothing to record", run.Stderr);
    }

    private static string Text(StringBuilder builder)
    {
        lock (builder)
            return builder.ToString();
    }

    [DllImport("libc")]
    private static extern int kill(int pid, int signal);

    [Fact]
    public void A_launch_that_starts_instrumented_children_gives_one_profile_with_every_process_labelled()
    {
        string output = app.OutputPath("family.pb.gz");
        var run = _cli.Run($"record -o \"{output}\" --rate 500 -- dotnet \"{app.AppPath}\" children 1.5");
        Assert.True(run.ExitCode == 0, run.Stderr);

        var profile = ProfileFormats.Read(output);
        // Each thread carries its process: "E2eApp (pid N): thread 1".
        var byProcess = profile.Stacks
            .GroupBy(s => profile.Threads[s.Thread].Name.Split(':')[0])
            .ToDictionary(g => g.Key, g => g.SelectMany(s => profile.FrameNames(s)).ToHashSet());
        Assert.Equal(3, byProcess.Count);
        Assert.All(byProcess.Keys, label => Assert.Matches(@"^E2eApp \(pid \d+\)$", label));
        Assert.Single(byProcess, p => p.Value.Contains("E2eApp.Children.ParentWork"));
        Assert.Equal(2, byProcess.Count(p => p.Value.Contains("E2eApp.Children.ChildWork")));
    }

    [Fact]
    public void Separate_writes_one_profile_per_process_named_by_its_pid()
    {
        string folder = Path.GetDirectoryName(app.OutputPath("x"))!;
        string name = "separate-" + Guid.NewGuid().ToString("N")[..6];
        var run = _cli.Run($"record --separate -o \"{Path.Combine(folder, name + "-{pid}.collapsed")}\" -- dotnet \"{app.AppPath}\" children 0.5");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var files = Directory.GetFiles(folder, name + "-*.collapsed");
        Assert.Equal(3, files.Length);
        Assert.Single(files, f => File.ReadAllText(f).Contains("E2eApp.Children.ParentWork"));

        var refused = _cli.Run($"record --separate -o \"{Path.Combine(folder, "no-pid.svg")}\" -- dotnet \"{app.AppPath}\" burn 0.1");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("put {pid} in the output path", refused.Stderr);
    }
}

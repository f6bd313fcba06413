using System.Diagnostics;
using HybridProf.EndToEnd.Tests;
using HybridProf.Formats;

namespace HybridProf.Cli.Tests;

/// <summary>The agent needs no runtime help: a NativeAOT build can be attached to, listed and dumped.</summary>
[Collection(PackedAppCollection.Name)]
public sealed class NativeAotAgentTests(PackedApp app)
{
    [Fact]
    public void A_native_aot_app_can_be_attached_to()
    {
        string publish = Path.Combine(app.Root, "aot-agent");
        string source = app.CopySources("aot-agent-app");
        ProcessRunner.RunChecked("dotnet", $"publish -c Release -r linux-x64 -p:PublishAot=true -o \"{publish}\"", source, timeout: TimeSpan.FromMinutes(15));

        var cli = new Cli(app);
        var env = cli.Environment(("DOTNET_EnableDiagnostics", "0"));
        var process = ProcessRunner.Start(Path.Combine(publish, "E2eApp"), "serve", app.AppDirectory, env, out var stdout, out var stderr);
        using var running = new RunningApp(process, Path.Combine(cli.AgentDirectory, $"hybridprof-{process.Id}.sock"), stdout, stderr);
        var clock = Stopwatch.StartNew();
        while (!File.Exists(running.Socket) && clock.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
            Thread.Sleep(50);
        Assert.True(File.Exists(running.Socket), $"no agent socket.\nstderr:\n{running.Stderr}");

        var ps = cli.Run("ps");
        Assert.Contains(running.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), ps.Stdout);

        string output = app.OutputPath("aot-attach.collapsed");
        var record = cli.Run($"record -p {running.Pid} -o \"{output}\" --duration 1");
        Assert.True(record.ExitCode == 0, record.Stderr);
        Assert.Contains(ProfileFormats.Read(output).Frames, f => f.Name == "E2eApp.Workloads.Heavy");

        var dump = cli.Run($"dump -p {running.Pid} --track-ms 0");
        Assert.True(dump.ExitCode == 0, dump.Stderr);
        Assert.Contains("E2eApp.Program.Main", dump.Stdout);
        Assert.False(process.HasExited);
    }
}

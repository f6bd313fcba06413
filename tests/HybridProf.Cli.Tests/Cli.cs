using System.Diagnostics;
using System.Text;
using HybridProf.EndToEnd.Tests;

[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]

namespace HybridProf.Cli.Tests;

/// <summary>
/// Runs the built <c>hybridprof</c> command, and instrumented apps for it to talk to, with a
/// private agent directory per test class so parallel runs and other processes stay out.
/// </summary>
public sealed class Cli
{
    public Cli(PackedApp app)
    {
        App = app;
        AgentDirectory = Path.Combine(app.Root, "agents-" + Guid.NewGuid().ToString("N")[..6]);
    }

    public PackedApp App { get; }

    public string AgentDirectory { get; }

    /// <summary>The CLI's build output, same configuration as these tests.</summary>
    public static string CliPath { get; } = FindCli();

    public Dictionary<string, string> Environment(params (string Key, string Value)[] extra)
    {
        var env = new Dictionary<string, string> { ["HYBRIDPROF_AGENT_DIR"] = AgentDirectory };
        foreach (var (key, value) in extra)
            env[key] = value;
        return env;
    }

    public ProcessRunner.Result Run(string arguments, TimeSpan? timeout = null) =>
        ProcessRunner.Run("dotnet", $"\"{CliPath}\" {arguments}", App.Root, Environment(), timeout ?? TimeSpan.FromMinutes(2));

    public Process Start(string arguments, out StringBuilder stdout, out StringBuilder stderr) =>
        ProcessRunner.Start("dotnet", $"\"{CliPath}\" {arguments}", App.Root, Environment(), out stdout, out stderr);

    /// <summary>Starts the end-to-end app and waits until its agent's socket exists.</summary>
    public RunningApp StartApp(string scenario)
    {
        var process = ProcessRunner.Start("dotnet", $"\"{App.AppPath}\" {scenario}", App.AppDirectory, Environment(), out var stdout, out var stderr);
        string socket = Path.Combine(AgentDirectory, $"hybridprof-{process.Id}.sock");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(socket))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                try { process.Kill(); } catch (InvalidOperationException) { }
                throw new InvalidOperationException($"the app's agent socket {socket} never appeared.\nstdout:\n{stdout}\nstderr:\n{stderr}");
            }
            Thread.Sleep(50);
        }
        return new RunningApp(process, socket, stdout, stderr);
    }

    private static string FindCli()
    {
        // tests/HybridProf.Cli.Tests/bin/<Configuration>/net10.0/ → src/HybridProf.Cli/bin/<Configuration>/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = output.Parent!.Name;
        string path = Path.Combine(PackedApp.RepositoryRoot, "src", "HybridProf.Cli", "bin", configuration, output.Name, "HybridProf.Cli.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build src/HybridProf.Cli first", path);
    }
}

/// <summary>An app under test; disposing kills it.</summary>
public sealed class RunningApp(Process process, string socket, StringBuilder stdout, StringBuilder stderr) : IDisposable
{
    public Process Process { get; } = process;
    public int Pid => Process.Id;
    public string Socket { get; } = socket;
    public string Stdout { get { lock (stdout) return stdout.ToString(); } }
    public string Stderr { get { lock (stderr) return stderr.ToString(); } }

    public void Dispose()
    {
        try
        {
            if (!Process.HasExited)
                Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }
        Process.Dispose();
    }
}

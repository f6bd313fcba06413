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

    /// <summary>The test run's own copy of the CLI's build output (same configuration as these tests).</summary>
    public static string CliPath { get; } = ProgramPath("HybridProf.Cli");

    public Dictionary<string, string> Environment(params (string Key, string Value)[] extra)
    {
        var env = new Dictionary<string, string> { ["HYBRIDPROF_AGENT_DIR"] = AgentDirectory };
        foreach (var (key, value) in extra)
            env[key] = value;
        return env;
    }

    public ProcessRunner.Result Run(string arguments, TimeSpan? timeout = null) =>
        ProcessRunner.Run("dotnet", $"\"{CliPath}\" {arguments}", App.Root, Environment(), timeout ?? TimeSpan.FromMinutes(2));

    /// <summary>Runs the CLI in <paramref name="directory"/> and shows what it printed in the test's output.</summary>
    public static ProcessRunner.Result RunIn(string directory, string arguments, Xunit.Abstractions.ITestOutputHelper output)
    {
        var result = ProcessRunner.Run("dotnet", $"\"{CliPath}\" {arguments}", directory);
        output.WriteLine(result.Stdout + result.Stderr);
        return result;
    }

    /// <summary>Runs the CLI with no app of this fixture's around, in a fresh temporary folder.</summary>
    public static ProcessRunner.Result RunAlone(string arguments, TimeSpan? timeout = null)
    {
        string directory = Directory.CreateTempSubdirectory("hybridprof-cli-").FullName;
        try
        {
            return ProcessRunner.Run("dotnet", $"\"{CliPath}\" {arguments}", directory, timeout: timeout ?? TimeSpan.FromMinutes(2));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

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

    /// <summary>
    /// A program the build copied beside the tests (ProgramsUnderTest.targets): a private copy, so
    /// nothing else in a test run that rebuilds, packs or cleans the repository's projects can
    /// change or remove it while the tests use it.
    /// </summary>
    public static string ProgramPath(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "programs", name, name + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{name} is missing beside the tests; build this test project (it copies the programs it runs)", path);
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

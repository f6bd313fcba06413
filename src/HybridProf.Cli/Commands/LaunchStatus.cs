using System.Text.Json;
using HybridProf.Agent;
using HybridProf.Cli.Agent;

namespace HybridProf.Cli.Commands;

/// <summary>
/// The live status line of a launch, on stderr (stdout belongs to the app): elapsed time and
/// the samples of the app's session, read once a second from the agent whose <c>hello</c>
/// echoes this launch's id. The line only in a terminal, on its last row below the app's output
/// (<see cref="BottomStatusLine"/>); elsewhere the agent is still looked for, to know whether
/// the app ran instrumented code. Never fails the recording.
/// </summary>
internal sealed class LaunchStatus(string launchId)
{
    private readonly HashSet<int> _strangers = new();
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private readonly BottomStatusLine _line = new();
    private TimeSpan? _lastTick;
    private int? _pid;

    /// <summary>
    /// The app's agent answered: it ran instrumented code. Looked for even when no line is
    /// shown, so that a run that loses its profile is not taken for one without the package.
    /// </summary>
    public bool FoundApp => _pid is not null;

    /// <summary>Called at every turn of the wait: looks for the app each time, shows the line once a second.</summary>
    public void Tick(TimeSpan elapsed)
    {
        // At every turn, not once a second: Ctrl+C soon after the agent came up must still find it.
        LookForApp();
        if (!_enabled || (_lastTick is { } last && elapsed - last < TimeSpan.FromSeconds(1)))
            return;
        _lastTick = elapsed;
        string samples;
        try
        {
            samples = Samples() is { } n ? $"{n:N0} samples (pid {_pid})" : "waiting for instrumented code";
        }
        catch (Exception e) when (e is AgentException or IOException or JsonException or KeyNotFoundException)
        {
            samples = "";
        }
        _line.Show($"hybridprof: recording {elapsed.TotalSeconds:0} s, {samples}, Ctrl+C to stop");
    }

    /// <summary>Erases the line and gives its row back; safe to call more than once.</summary>
    public void Clear()
    {
        if (_enabled)
            _line.Clear();
    }

    private void LookForApp()
    {
        if (_pid is not null)
            return;
        try
        {
            _pid = Find();
        }
        catch (Exception e) when (e is AgentException or IOException or JsonException or KeyNotFoundException)
        {
        }
    }

    private long? Samples()
    {
        _pid ??= Find();
        if (_pid is not { } pid)
            return null;
        using var client = AgentClient.Connect(pid);
        var hello = client.Send("hello");
        return hello.TryGetProperty("autoSession", out var session) ? session.GetProperty("samples").GetInt64() : null;
    }

    private int? Find()
    {
        string directory = AgentPaths.Directory();
        if (!Directory.Exists(directory))
            return null;
        foreach (string path in Directory.EnumerateFiles(directory, AgentPaths.Prefix + "*" + AgentPaths.Suffix))
        {
            if (AgentPaths.PidOf(path) is not { } pid || _strangers.Contains(pid))
                continue;
            if (AgentDirectory.Probe(path, pid) is not { } process)
                continue; // Not answering yet (bound, not listening) or gone: ask again next turn.
            if (process.LaunchId == launchId)
                return pid;
            _strangers.Add(pid);
        }
        return null;
    }
}

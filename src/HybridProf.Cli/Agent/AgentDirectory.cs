using System.Text.Json;
using HybridProf.Agent;

namespace HybridProf.Cli.Agent;

/// <summary>A process whose agent answered <c>hello</c>.</summary>
internal sealed record AgentProcess(int Pid, string Name, string CommandLine, string Runtime, string LaunchId, JsonElement Hello);

/// <summary>Finds live agents in the per-user directory and removes the sockets of dead processes.</summary>
internal static class AgentDirectory
{
    /// <summary>Every process that accepts a connection and answers <c>hello</c>, by pid.</summary>
    public static List<AgentProcess> List(string? directory = null, bool cleanStale = true)
    {
        directory ??= AgentPaths.Directory();
        var found = new List<AgentProcess>();
        if (!Directory.Exists(directory))
            return found;
        foreach (string path in Directory.EnumerateFiles(directory, AgentPaths.Prefix + "*" + AgentPaths.Suffix))
        {
            if (AgentPaths.PidOf(path) is not { } pid)
                continue;
            if (Probe(path, pid) is { } process)
                found.Add(process);
            else if (cleanStale && !ProcessLiveness.IsAlive(pid))
                TryDelete(path);
        }
        found.Sort((a, b) => a.Pid.CompareTo(b.Pid));
        return found;
    }

    /// <summary>The agent at <paramref name="path"/>, or null when nothing answers there.</summary>
    public static AgentProcess? Probe(string path, int pid)
    {
        try
        {
            using var client = AgentClient.ConnectPath(path, pid);
            var hello = client.Send("hello");
            return new AgentProcess(pid, Text(hello, "process"), Text(hello, "commandLine"), Text(hello, "runtime"), Text(hello, "launchId"), hello);
        }
        catch (AgentException)
        {
            return null;
        }
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

#if NET8_0_OR_GREATER
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using HybridProf.Analysis;
using HybridProf.Model;
using HybridProf.Session;

namespace HybridProf.Agent;

/// <summary>The read-only commands: who is this process, what is it doing, what is hot.</summary>
internal sealed partial class AgentCommands
{
    /// <summary>Rows in a <c>top</c> reply: enough for any terminal, small enough to send every second.</summary>
    private const int TopRows = 200;

    private AgentReply Hello()
    {
        var reply = AgentReply.Ok();
        var json = reply.Json;
        json.WriteNumber("protocol", AgentProtocol.Version);
        json.WriteNumber("pid", Environment.ProcessId);
        json.WriteString("process", ProcessName());
        json.WriteString("commandLine", string.Join(" ", Environment.GetCommandLineArgs()));
        json.WriteString("runtime", RuntimeInformation.FrameworkDescription);
        json.WriteString("hybridprof", typeof(AgentCommands).Assembly.GetName().Version?.ToString() ?? "");
        json.WriteString("launchId", Environment.GetEnvironmentVariable(AgentProtocol.LaunchIdVariable) ?? "");
        json.WriteNumber("sessions", LiveSessions);
        if (_autoSession() is { } auto)
        {
            json.WriteStartObject("autoSession");
            json.WriteString("mode", Name(auto.Options.Mode));
            json.WriteNumber("rateHz", auto.Options.RateHz);
            json.WriteNumber("samples", auto.SampleCount);
            json.WriteBoolean("running", auto.IsRunning);
            json.WriteEndObject();
        }
        return reply;
    }

    private static AgentReply Top(AgentRequest request, Dictionary<int, ProfilerSession> sessions)
    {
        if (!TryGetSession(request, sessions, out var session, out var error))
            return error;
        var profile = session.Snapshot();
        string? thread = string.IsNullOrEmpty(request.Thread) ? null : request.Thread;
        Func<ProfileStack, bool> ofThread = stack =>
            thread is null || profile.Threads[stack.Thread].Name.IndexOf(thread, StringComparison.OrdinalIgnoreCase) >= 0;
        long samples = profile.Stacks.Where(ofThread).Sum(s => s.Samples);
        var functions = FunctionWeights.Of(profile, new FunctionWeightOptions { Stacks = ofThread });

        var reply = AgentReply.Ok();
        var json = reply.Json;
        json.WriteNumber("samples", samples);
        json.WriteNumber("rateHz", profile.Metadata.RateHz);
        json.WriteString("mode", Name(profile.Metadata.Mode));
        json.WriteNumber("durationMs", (long)profile.Metadata.Duration.TotalMilliseconds);
        json.WriteStartArray("functions");
        foreach (var function in FunctionWeights.Sort(functions, FunctionOrder.Total).Take(TopRows))
        {
            json.WriteStartObject();
            json.WriteString("name", function.Name);
            json.WriteNumber("own", function.Own);
            json.WriteNumber("total", function.Total);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        return reply;
    }

    private static AgentReply Dump(AgentRequest request)
    {
        int trackMs = Math.Clamp(request.TrackMs ?? 0, 0, AgentProtocol.MaxTrackMs);
        Inspection.StackDump dump;
        // The agent tracks pending operations from its start, so no wait is needed; trackMs
        // still waits first when asked (and tracks where the agent's own tracking ended).
        using (Profiler.TrackPendingOperations())
        {
            if (trackMs > 0)
                Thread.Sleep(trackMs);
            dump = Profiler.Dump();
        }

        var reply = AgentReply.Ok();
        var json = reply.Json;
        json.WriteStartArray("threads");
        foreach (var thread in dump.Threads)
        {
            json.WriteStartObject();
            json.WriteNumber("id", thread.ManagedThreadId);
            json.WriteString("name", thread.Name);
            WriteFrames(json, thread.Frames);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("pending");
        foreach (var op in dump.PendingOperations)
        {
            json.WriteStartObject();
            json.WriteNumber("pendingMs", (long)op.Pending.TotalMilliseconds);
            WriteFrames(json, op.Frames);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        return reply;
    }

    private static void WriteFrames(System.Text.Json.Utf8JsonWriter json, IReadOnlyList<string> frames)
    {
        json.WriteStartArray("frames");
        foreach (string frame in frames)
            json.WriteStringValue(frame);
        json.WriteEndArray();
    }

    private static string ProcessName()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            return process.ProcessName;
        }
        catch (Exception)
        {
            return "";
        }
    }
}
#endif

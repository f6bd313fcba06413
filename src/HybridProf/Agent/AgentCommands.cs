#if NET8_0_OR_GREATER
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using HybridProf.Configuration;
using HybridProf.Formats.Pprof;
using HybridProf.Model;
using HybridProf.Session;

namespace HybridProf.Agent;

/// <summary>The commands of docs/agent-protocol.md. Each returns one reply; none touches the app's threads.</summary>
internal sealed partial class AgentCommands
{
    private static int s_nextSession;
    private static int s_liveSessions;
    private readonly Func<ProfilerSession?> _autoSession;

    /// <param name="autoSession">The session the <c>HYBRIDPROF_*</c> variables started, if any (its sample count shows in <c>hello</c>).</param>
    public AgentCommands(Func<ProfilerSession?> autoSession) => _autoSession = autoSession;

    public AgentReply Handle(AgentRequest request, Dictionary<int, ProfilerSession> sessions) => request.Command switch
    {
        "hello" => Hello(),
        "start" => Start(request, sessions),
        "snapshot" => Profile(request, sessions, stop: false),
        "stop" => Profile(request, sessions, stop: true),
        "status" => Status(request, sessions),
        "top" => Top(request, sessions),
        "dump" => Dump(request),
        _ => AgentReply.Error("unknown-command", $"'{request.Command}' is not a command; known: hello, start, status, snapshot, stop, top, dump"),
    };

    private static AgentReply Start(AgentRequest request, Dictionary<int, ProfilerSession> sessions)
    {
        if (sessions.Count >= AgentProtocol.MaxSessionsPerConnection)
            return AgentReply.Error("too-many-sessions", $"a connection may run at most {AgentProtocol.MaxSessionsPerConnection} sessions");
        ProfileMode mode;
        switch (request.Mode?.ToLowerInvariant())
        {
            case null or "cpu": mode = ProfileMode.Cpu; break;
            case "wall": mode = ProfileMode.Wall; break;
            default: return AgentReply.Error("bad-argument", $"mode '{request.Mode}' is not cpu or wall");
        }
        int rate = request.RateHz ?? ProfilerOptions.DefaultRateHz;
        if (!ProfilerOptions.IsValidRate(rate))
            return AgentReply.Error("bad-argument", $"rateHz {rate} is not from 1 to {ProfilerOptions.MaxRateHz}");

        // The process's bound on call paths (HYBRIDPROF_MAX_CALL_PATHS) holds for attached sessions too.
        var session = Profiler.Start(new ProfilerOptions { Mode = mode, RateHz = rate, MaxCallPaths = CallPathLimit.ForProcess });
        int id = Interlocked.Increment(ref s_nextSession);
        sessions.Add(id, session);
        Interlocked.Increment(ref s_liveSessions);
        var reply = AgentReply.Ok();
        reply.Json.WriteNumber("session", id);
        reply.Json.WriteString("mode", Name(session.Options.Mode));
        reply.Json.WriteNumber("rateHz", session.Options.RateHz);
        return reply;
    }

    private static AgentReply Profile(AgentRequest request, Dictionary<int, ProfilerSession> sessions, bool stop)
    {
        if (!TryGetSession(request, sessions, out var session, out var error))
            return error;
        var profile = stop ? session.Stop() : session.Snapshot();
        if (stop && sessions.Remove(request.Session!.Value))
            Interlocked.Decrement(ref s_liveSessions);
        using var bytes = new MemoryStream();
        new PprofWriter().Write(profile, bytes);
        var reply = AgentReply.Ok();
        reply.Json.WriteNumber("samples", profile.TotalSamples);
        reply.Json.WriteString("format", "pprof");
        reply.Json.WriteBase64String("profile", bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        return reply;
    }

    private static AgentReply Status(AgentRequest request, Dictionary<int, ProfilerSession> sessions)
    {
        if (!TryGetSession(request, sessions, out var session, out var error))
            return error;
        // A counter read: cheap enough to ask every second, unlike a snapshot.
        var reply = AgentReply.Ok();
        reply.Json.WriteNumber("samples", session.SampleCount);
        reply.Json.WriteBoolean("running", session.IsRunning);
        return reply;
    }

    private static bool TryGetSession(AgentRequest request, Dictionary<int, ProfilerSession> sessions, out ProfilerSession session, out AgentReply error)
    {
        error = null!;
        if (request.Session is { } id && sessions.TryGetValue(id, out session!))
            return true;
        session = null!;
        error = AgentReply.Error("no-session", request.Session is null
            ? "this command needs \"session\", the id \"start\" returned"
            : $"session {request.Session} was not started on this connection, or has stopped");
        return false;
    }

    /// <summary>Sessions started through the agent and still running, on all connections.</summary>
    internal static int LiveSessions => Volatile.Read(ref s_liveSessions);

    /// <summary>Stops the sessions of a connection that closed.</summary>
    internal static void StopAll(Dictionary<int, ProfilerSession> sessions)
    {
        foreach (var session in sessions.Values)
        {
            session.Stop();
            Interlocked.Decrement(ref s_liveSessions);
        }
        sessions.Clear();
    }

    internal static string Name(ProfileMode mode) => mode.ToString().ToLowerInvariant();
}
#endif

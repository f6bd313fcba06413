#if NET8_0_OR_GREATER
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using HybridProf.Session;

namespace HybridProf.Agent;

/// <summary>
/// One client, served on its own background thread: read a request, write its reply, until the
/// client closes. A bad frame or malformed request gets an error reply and the connection is
/// closed; nothing that happens here reaches the app. Sessions a client started stop when it
/// goes, so a client that dies cannot leave a sampler running.
/// </summary>
internal sealed class AgentConnection
{
    private readonly Socket _socket;
    private readonly AgentCommands _commands;
    private readonly Dictionary<int, ProfilerSession> _sessions = new();

    public AgentConnection(Socket socket, AgentCommands commands)
    {
        _socket = socket;
        _commands = commands;
    }

    public void Serve()
    {
        try
        {
            while (ServeOne())
            {
            }
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            // The client went away mid-frame: nothing to answer.
        }
        finally
        {
            AgentCommands.StopAll(_sessions);
            _socket.Dispose();
        }
    }

    private bool ServeOne()
    {
        byte[]? body;
        try
        {
            body = AgentFrames.Read(_socket, AgentFrames.MaxRequestBytes);
        }
        catch (InvalidDataException e)
        {
            return Reply(AgentReply.Error("bad-frame", e.Message), keepOpen: false);
        }
        if (body is null)
            return false;

        AgentRequest request;
        try
        {
            request = AgentRequest.Parse(body);
        }
        catch (FormatException e)
        {
            return Reply(AgentReply.Error("bad-request", e.Message), keepOpen: false);
        }
        if (request.Version != AgentProtocol.Version)
            return Reply(AgentReply.Error("unsupported-version", $"this agent speaks protocol version {AgentProtocol.Version}, not {request.Version}"), keepOpen: false);

        AgentReply reply;
        try
        {
            reply = _commands.Handle(request, _sessions);
        }
        catch (Exception e)
        {
            reply = AgentReply.Error("internal", $"{e.GetType().Name}: {e.Message}");
        }
        return Reply(reply, keepOpen: true);
    }

    private bool Reply(AgentReply reply, bool keepOpen)
    {
        using (reply)
            AgentFrames.Write(_socket, reply.Finish().Span);
        return keepOpen;
    }
}
#endif

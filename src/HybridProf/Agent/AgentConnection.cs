#if NET8_0_OR_GREATER
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using HybridProf.Session;

namespace HybridProf.Agent;

/// <summary>
/// One client, served on its own background thread: read a request, write its reply, until the
/// client closes. A bad frame, a malformed request or a client too slow (see
/// <see cref="AgentLimits.RequestTimeout"/>) gets an error reply and the connection is closed;
/// nothing that happens here reaches the app. Sessions a client started stop when it
/// goes, so a client that dies cannot leave a sampler running.
/// </summary>
internal sealed class AgentConnection
{
    private readonly Socket _socket;
    private readonly AgentCommands _commands;
    private readonly AgentLimits _limits;
    private readonly Dictionary<int, ProfilerSession> _sessions = new();

    public AgentConnection(Socket socket, AgentCommands commands, AgentLimits limits)
    {
        _socket = socket;
        _commands = commands;
        _limits = limits;
        // A client that stops taking replies is dropped too, instead of holding this thread.
        _socket.SendTimeout = (int)limits.RequestTimeout.TotalMilliseconds;
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
            DiscardUnreadInput();
            _socket.Dispose();
        }
    }

    // Closing with bytes unread makes the client's next read fail with "connection reset", and it
    // may lose the error reply just sent: discard what has already arrived (at most a request's worth).
    private void DiscardUnreadInput()
    {
        try
        {
            var scratch = new byte[4096];
            for (int left = AgentFrames.MaxRequestBytes; left > 0 && _socket.Available > 0;)
            {
                int n = _socket.Receive(scratch, 0, Math.Min(scratch.Length, left), SocketFlags.None);
                if (n <= 0)
                    break;
                left -= n;
            }
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    private bool ServeOne()
    {
        byte[]? body;
        try
        {
            // A connection with a running session may wait between requests (record -p waits out
            // its duration); one without may not keep a thread for nothing.
            TimeSpan? idle = _sessions.Count == 0 ? _limits.RequestTimeout : null;
            body = AgentFrames.Read(_socket, AgentFrames.MaxRequestBytes, idle, _limits.RequestTimeout);
        }
        catch (InvalidDataException e)
        {
            return Reply(AgentReply.Error("bad-frame", e.Message), keepOpen: false);
        }
        catch (TimeoutException e)
        {
            return Reply(AgentReply.Error("timeout", e.Message), keepOpen: false);
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

#if NET8_0_OR_GREATER
using System;
using System.IO;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Threading;

namespace HybridProf.Agent;

/// <summary>
/// A listening control socket and its accept loop. Each client is served on its own background
/// thread, at most <see cref="AgentLimits.MaxConnections"/> at once; one more is answered
/// <c>busy</c> and closed at once, without reading anything from it.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class AgentListener : IDisposable
{
    private readonly Socket _socket;
    private readonly AgentCommands _commands;
    private readonly AgentLimits _limits;
    private int _connections;
    private int _closing;

    private AgentListener(Socket socket, AgentCommands commands, AgentLimits limits)
    {
        _socket = socket;
        _commands = commands;
        _limits = limits;
    }

    /// <summary>Binds a socket at <paramref name="path"/> (0600), replacing a stale file there.</summary>
    public static AgentListener Bind(string path, AgentCommands commands, AgentLimits limits)
    {
        // A file left by a dead process with our (reused) pid is stale by definition.
        if (File.Exists(path))
            File.Delete(path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            // The directory is already 0700, so nobody else could reach the socket before this.
            File.SetUnixFileMode(path, AgentPaths.SocketMode);
            socket.Listen(limits.MaxConnections);
            return new AgentListener(socket, commands, limits);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Clients being served right now (each holds a thread).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Accepts clients until <see cref="Dispose"/>; runs on the caller's thread.</summary>
    public void Run()
    {
        while (Volatile.Read(ref _closing) == 0)
        {
            Socket client;
            try
            {
                client = _socket.Accept();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.Interrupted && Volatile.Read(ref _closing) == 0)
            {
                continue; // A signal interrupted accept(); the listener is fine.
            }
            catch (Exception) when (Volatile.Read(ref _closing) != 0)
            {
                return; // Closed: accept() ends with "operation aborted", which is no news.
            }
            if (Interlocked.Increment(ref _connections) > _limits.MaxConnections)
            {
                Interlocked.Decrement(ref _connections);
                RefuseBusy(client);
                continue;
            }
            var connection = new AgentConnection(client, _commands, _limits);
            var thread = new Thread(() =>
            {
                try
                {
                    connection.Serve();
                }
                catch (Exception)
                {
                    // Serve handles its own failures; this is the last guard before the app.
                }
                finally
                {
                    Interlocked.Decrement(ref _connections);
                }
            })
            { IsBackground = true, Name = "HybridProf agent client" };
            thread.Start();
        }
    }

    private void RefuseBusy(Socket client)
    {
        try
        {
            // Bounded like any reply: a client that does not read cannot hold the accept loop.
            client.SendTimeout = (int)_limits.RequestTimeout.TotalMilliseconds;
            using var reply = AgentReply.Error("busy", $"the agent serves at most {_limits.MaxConnections} clients at once");
            AgentFrames.Write(client, reply.Finish().Span);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>Stops accepting; clients being served finish on their own threads.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _closing, 1);
        _socket.Dispose();
    }
}
#endif

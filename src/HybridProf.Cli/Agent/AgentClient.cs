using System.Buffers;
using System.Net.Sockets;
using System.Text.Json;
using HybridProf.Agent;

namespace HybridProf.Cli.Agent;

/// <summary>
/// One connection to a process's control agent (docs/agent-protocol.md): a request is a JSON
/// object written with <see cref="Utf8JsonWriter"/>, a reply a <see cref="JsonDocument"/>.
/// </summary>
internal sealed class AgentClient : IDisposable
{
    private readonly Socket _socket;

    private AgentClient(Socket socket, int pid)
    {
        _socket = socket;
        Pid = pid;
    }

    public int Pid { get; }

    /// <summary>Connects to the agent of <paramref name="pid"/>.</summary>
    /// <exception cref="AgentException">No agent listens for that process.</exception>
    public static AgentClient Connect(int pid, string? directory = null)
    {
        string path = AgentPaths.SocketPath(directory ?? AgentPaths.Directory(), pid);
        // Told apart from "not instrumented": a mistyped or exited process id needs a different fix.
        if (!File.Exists(path) && !ProcessLiveness.IsAlive(pid))
            throw new AgentException($"no process {pid} (see `hybridprof ps` for the instrumented ones)");
        if (!File.Exists(path))
            throw new AgentException($"process {pid} has no HybridProf agent (no {path}). Is it running, instrumented ([assembly: HybridProf.Profile]), on .NET 8 or newer, and without HYBRIDPROF_AGENT=0? `hybridprof ps` lists the processes that are.");
        return ConnectPath(path, pid);
    }

    /// <exception cref="AgentException">Nothing accepts a connection at <paramref name="path"/>.</exception>
    public static AgentClient ConnectPath(string path, int pid)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return new AgentClient(socket, pid);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new AgentException($"cannot connect to the agent of process {pid} at {path}: {e.Message}", e);
        }
    }

    /// <summary>Sends <c>{"v":1,"cmd":…}</c> plus what <paramref name="extra"/> writes, and returns the reply.</summary>
    /// <exception cref="AgentException">The agent answered with an error, or the connection failed.</exception>
    public JsonElement Send(string command, Action<Utf8JsonWriter>? extra = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v", AgentProtocol.Version);
            json.WriteString("cmd", command);
            extra?.Invoke(json);
            json.WriteEndObject();
        }
        return SendRaw(buffer.WrittenSpan);
    }

    /// <summary>Sends any bytes as one frame (tests send malformed requests this way) and reads the reply.</summary>
    public JsonElement SendRaw(ReadOnlySpan<byte> body)
    {
        byte[] reply;
        try
        {
            AgentFrames.Write(_socket, body);
            reply = AgentFrames.Read(_socket, AgentFrames.MaxReplyBytes)
                ?? throw new AgentException($"process {Pid} closed the connection without replying (did it exit?)");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            throw new AgentException($"the connection to process {Pid} failed: {e.Message}", e);
        }
        var root = JsonDocument.Parse(reply).RootElement.Clone();
        if (!root.TryGetProperty("ok", out var ok) || !ok.GetBoolean())
        {
            string code = root.TryGetProperty("error", out var c) ? c.GetString() ?? "" : "";
            string message = root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            throw new AgentException($"process {Pid} refused '{code}': {message}") { Code = code };
        }
        return root;
    }

    public void Dispose() => _socket.Dispose();
}

/// <summary>A failure talking to an agent, with a message meant for the user.</summary>
internal sealed class AgentException : Exception
{
    public AgentException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>The agent's error code (<c>bad-request</c>, <c>no-session</c>, …), or empty.</summary>
    public string Code { get; init; } = "";
}

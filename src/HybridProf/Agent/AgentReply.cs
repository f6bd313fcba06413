#if NET8_0_OR_GREATER
using System;
using System.Buffers;
using System.Text.Json;

namespace HybridProf.Agent;

/// <summary>Builds one reply object with <see cref="Utf8JsonWriter"/>: <c>{"v":1,"ok":…, …}</c>.</summary>
internal sealed class AgentReply : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    private AgentReply(bool ok)
    {
        Json = new Utf8JsonWriter(_buffer);
        Json.WriteStartObject();
        Json.WriteNumber("v", AgentProtocol.Version);
        Json.WriteBoolean("ok", ok);
    }

    /// <summary>Where handlers write their properties, inside the open reply object.</summary>
    public Utf8JsonWriter Json { get; }

    public static AgentReply Ok() => new(true);

    /// <summary>An error reply; <paramref name="code"/> is one of the codes listed in docs/agent-protocol.md.</summary>
    public static AgentReply Error(string code, string message)
    {
        var reply = new AgentReply(false);
        reply.Json.WriteString("error", code);
        reply.Json.WriteString("message", message);
        return reply;
    }

    /// <summary>Closes the object and returns the UTF-8 bytes.</summary>
    public ReadOnlyMemory<byte> Finish()
    {
        Json.WriteEndObject();
        Json.Flush();
        return _buffer.WrittenMemory;
    }

    public void Dispose() => Json.Dispose();
}
#endif

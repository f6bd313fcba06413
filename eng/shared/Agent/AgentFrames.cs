#if NET8_0_OR_GREATER
using System;
using System.Buffers.Binary;
using System.IO;
using System.Net.Sockets;

namespace HybridProf.Agent;

/// <summary>
/// The framing of docs/agent-protocol.md: a 4-byte big-endian length, then that many bytes
/// of UTF-8 JSON. Requests are small, so the agent refuses any frame over
/// <see cref="MaxRequestBytes"/> before reading it: a hostile length cannot make the app allocate.
/// Compiled into the agent and into every client, so both frame alike.
/// </summary>
internal static partial class AgentFrames
{
    /// <summary>Largest request the agent reads: 64 KiB (requests are a few hundred bytes).</summary>
    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>Largest reply a client accepts: 512 MiB (a profile can be large, but not unbounded).</summary>
    public const int MaxReplyBytes = 512 * 1024 * 1024;

    private const int HeaderBytes = 4;

    /// <summary>
    /// Reads one frame. Null when the peer closed the connection cleanly between frames.
    /// </summary>
    /// <exception cref="InvalidDataException">The length is zero or above <paramref name="maxBytes"/>, or the frame is cut short.</exception>
    public static byte[]? Read(Socket socket, int maxBytes)
    {
        var header = new byte[HeaderBytes];
        int got = ReceiveAll(socket, header);
        if (got == 0)
            return null;
        if (got < header.Length)
            throw new InvalidDataException("the connection closed inside a frame header");
        var body = new byte[BodyLength(header, maxBytes)];
        if (ReceiveAll(socket, body) < body.Length)
            throw new InvalidDataException("the connection closed inside a frame");
        return body;
    }

    public static void Write(Socket socket, ReadOnlySpan<byte> body)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)body.Length);
        SendAll(socket, header);
        SendAll(socket, body);
    }

    // Judged from the header alone, so a hostile length is refused before anything is allocated.
    private static uint BodyLength(ReadOnlySpan<byte> header, int maxBytes)
    {
        uint length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length == 0 || length > (uint)maxBytes)
            throw new InvalidDataException($"a frame of {length} bytes is outside 1..{maxBytes}");
        return length;
    }

    private static int ReceiveAll(Socket socket, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = socket.Receive(buffer.Slice(total));
            if (n == 0)
                break;
            total += n;
        }
        return total;
    }

    private static void SendAll(Socket socket, ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
            buffer = buffer.Slice(socket.Send(buffer));
    }
}
#endif

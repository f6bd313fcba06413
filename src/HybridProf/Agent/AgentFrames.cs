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
/// </summary>
internal static class AgentFrames
{
    /// <summary>Largest request the agent reads: 64 KiB (requests are a few hundred bytes).</summary>
    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>Largest reply a client accepts: 512 MiB (a profile can be large, but not unbounded).</summary>
    public const int MaxReplyBytes = 512 * 1024 * 1024;

    /// <summary>
    /// Reads one frame. Null when the peer closed the connection cleanly between frames.
    /// </summary>
    /// <exception cref="InvalidDataException">The length is zero or above <paramref name="maxBytes"/>, or the frame is cut short.</exception>
    public static byte[]? Read(Socket socket, int maxBytes)
    {
        var header = new byte[4];
        int got = ReceiveAll(socket, header);
        if (got == 0)
            return null;
        if (got < header.Length)
            throw new InvalidDataException("the connection closed inside a frame header");
        uint length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length == 0 || length > (uint)maxBytes)
            throw new InvalidDataException($"a frame of {length} bytes is outside 1..{maxBytes}");
        var body = new byte[length];
        if (ReceiveAll(socket, body) < body.Length)
            throw new InvalidDataException("the connection closed inside a frame");
        return body;
    }

    /// <summary>
    /// Reads one request with deadlines: the first byte within <paramref name="idle"/> (null: no
    /// limit), then the rest of the frame within <paramref name="whole"/>, however slowly it trickles in.
    /// </summary>
    /// <exception cref="InvalidDataException">The length is zero or above <paramref name="maxBytes"/>, or the frame is cut short.</exception>
    /// <exception cref="TimeoutException">A deadline passed.</exception>
    public static byte[]? Read(Socket socket, int maxBytes, TimeSpan? idle, TimeSpan whole)
    {
        var header = new byte[4];
        socket.ReceiveTimeout = idle is { } wait ? Milliseconds(wait) : 0;
        int first = Receive(socket, header.AsSpan(0, 1), "no request arrived within " + Seconds(idle ?? whole));
        if (first == 0)
            return null;
        long deadline = Environment.TickCount64 + (long)whole.TotalMilliseconds;
        string late = "a request did not arrive whole within " + Seconds(whole);
        if (ReceiveBy(socket, header.AsSpan(1), deadline, late) < header.Length - 1)
            throw new InvalidDataException("the connection closed inside a frame header");
        uint length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length == 0 || length > (uint)maxBytes)
            throw new InvalidDataException($"a frame of {length} bytes is outside 1..{maxBytes}");
        var body = new byte[length];
        if (ReceiveBy(socket, body, deadline, late) < body.Length)
            throw new InvalidDataException("the connection closed inside a frame");
        return body;
    }

    // Fills the buffer unless the peer closes; each wait is cut to the time left.
    private static int ReceiveBy(Socket socket, Span<byte> buffer, long deadline, string late)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            long left = deadline - Environment.TickCount64;
            if (left <= 0)
                throw new TimeoutException(late);
            socket.ReceiveTimeout = (int)Math.Min(int.MaxValue, left);
            int n = Receive(socket, buffer.Slice(total), late);
            if (n == 0)
                break;
            total += n;
        }
        return total;
    }

    private static int Receive(Socket socket, Span<byte> buffer, string late)
    {
        try
        {
            return socket.Receive(buffer);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
            throw new TimeoutException(late, e);
        }
    }

    private static int Milliseconds(TimeSpan span) => (int)Math.Max(1, Math.Min(int.MaxValue, span.TotalMilliseconds));

    private static string Seconds(TimeSpan span) => FormattableString.Invariant($"{span.TotalSeconds:0.###} s");

    public static void Write(Socket socket, ReadOnlySpan<byte> body)
    {
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)body.Length);
        SendAll(socket, header);
        SendAll(socket, body);
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

#if NET8_0_OR_GREATER
using System;
using System.IO;
using System.Net.Sockets;

namespace HybridProf.Agent;

// The agent's half of the framing: reading a request against the deadlines of
// docs/agent-protocol.md. The half a client shares is in eng/shared/Agent/AgentFrames.cs.
internal static partial class AgentFrames
{
    /// <summary>
    /// Reads one request with deadlines: the first byte within <paramref name="idle"/> (null: no
    /// limit), then the rest of the frame within <paramref name="whole"/>, however slowly it trickles in.
    /// </summary>
    /// <exception cref="InvalidDataException">The length is zero or above <paramref name="maxBytes"/>, or the frame is cut short.</exception>
    /// <exception cref="TimeoutException">A deadline passed.</exception>
    public static byte[]? Read(Socket socket, int maxBytes, TimeSpan? idle, TimeSpan whole)
    {
        var header = new byte[HeaderBytes];
        socket.ReceiveTimeout = idle is { } wait ? Milliseconds(wait) : 0;
        int first = Receive(socket, header.AsSpan(0, 1), "no request arrived within " + Seconds(idle ?? whole));
        if (first == 0)
            return null;
        long deadline = Environment.TickCount64 + (long)whole.TotalMilliseconds;
        string late = "a request did not arrive whole within " + Seconds(whole);
        if (ReceiveBy(socket, header.AsSpan(1), deadline, late) < header.Length - 1)
            throw new InvalidDataException("the connection closed inside a frame header");
        var body = new byte[BodyLength(header, maxBytes)];
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
}
#endif

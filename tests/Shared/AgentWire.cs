using System.Buffers.Binary;
using System.IO;
using System.Net.Sockets;
using System.Text.Json;

namespace HybridProf.Testing;

/// <summary>
/// The control socket's framing as the tests speak it by hand (docs/agent-protocol.md): a
/// 4-byte big-endian length, then that many bytes of JSON. Shared by the in-process agent
/// tests and the ones against real processes.
/// </summary>
public static class AgentWire
{
    /// <summary>The frame carrying <paramref name="body"/>.</summary>
    public static byte[] Frame(byte[] body)
    {
        var frame = new byte[4 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)body.Length);
        body.CopyTo(frame, 4);
        return frame;
    }

    /// <summary>Reads one reply frame (within the socket's receive timeout) and parses it.</summary>
    public static JsonElement ReadReply(Socket socket)
    {
        var header = ReceiveExactly(socket, 4);
        var body = ReceiveExactly(socket, (int)BinaryPrimitives.ReadUInt32BigEndian(header));
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static byte[] ReceiveExactly(Socket socket, int count)
    {
        var buffer = new byte[count];
        int got = 0;
        while (got < count)
        {
            int n = socket.Receive(buffer, got, count - got, SocketFlags.None);
            if (n == 0)
                throw new EndOfStreamException($"connection closed after {got} of {count} bytes");
            got += n;
        }
        return buffer;
    }
}

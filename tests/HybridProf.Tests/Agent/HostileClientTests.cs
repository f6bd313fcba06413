using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CsCheck;
using HybridProf.Agent;

namespace HybridProf.Tests.Agent;

/// <summary>
/// Clients that lie, babble, stall or pile up: each gets an error reply or is dropped, holds a
/// thread and a slot only for a bounded time, and a well-behaved client is served throughout.
/// The agent runs in this test process, on a socket of its own, with short waits.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileClientTests
{
    [Fact]
    public void A_length_prefix_of_two_gigabytes_is_refused_without_reading_or_allocating()
    {
        using var agent = TestAgent.Start(new AgentLimits());
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var client = agent.Connect();
        client.Send(new byte[] { 0x7F, 0xFF, 0xFF, 0xFF });

        var reply = ReadReply(client);
        Assert.Equal("bad-frame", reply.GetProperty("error").GetString());
        Assert.Contains("2147483647 bytes is outside 1..65536", reply.GetProperty("message").GetString());
        Assert.True(IsClosed(client), "the connection stayed open");
        // The whole process, other tests included, allocated far less than the claimed frame.
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - allocated < 1L << 30, "something allocated a gigabyte");
        agent.AssertServes();
    }

    [Fact]
    public void Random_garbage_gets_an_error_reply_or_a_closed_connection_and_the_agent_serves_on()
    {
        using var agent = TestAgent.Start(new AgentLimits { RequestTimeout = TimeSpan.FromSeconds(2) });
        Gen.Byte.Array[1, 200].Sample(garbage =>
        {
            using var client = agent.Connect();
            client.Send(garbage);
            // Half-close: a frame the garbage left open ends here, as when a client dies mid-request.
            client.Shutdown(SocketShutdown.Send);
            client.ReceiveTimeout = 10_000;
            byte[] rest = ReadToEnd(client);
            if (rest.Length == 0)
                return; // Closed without a word: a clean end between frames.
            uint length = BinaryPrimitives.ReadUInt32BigEndian(rest);
            Assert.Equal(rest.Length - 4, (int)length);
            using var reply = JsonDocument.Parse(rest.AsMemory(4));
            Assert.Equal(1, reply.RootElement.GetProperty("v").GetInt32());
            Assert.True(reply.RootElement.TryGetProperty("ok", out _));
        }, iter: 200, threads: 1);
        agent.AssertServes();
        agent.WaitForNoConnections();
    }

    [Fact]
    public void A_client_that_stalls_mid_request_does_not_hold_up_others()
    {
        using var agent = TestAgent.Start(new AgentLimits { RequestTimeout = TimeSpan.FromSeconds(60) });
        using var stalled = agent.Connect();
        stalled.Send(HalfARequest());
        agent.WaitForConnections(1);

        // Served while the stalled client is still connected and unanswered (no reply, no end).
        agent.AssertServes();
        Assert.False(stalled.Poll(0, SelectMode.SelectRead), "the stalled client was answered or closed");
    }

    [Fact]
    public void A_client_that_stalls_mid_request_is_dropped_after_the_request_timeout()
    {
        using var agent = TestAgent.Start(new AgentLimits { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        using var stalled = agent.Connect();
        stalled.Send(HalfARequest());

        var reply = ReadReply(stalled);
        Assert.Equal("timeout", reply.GetProperty("error").GetString());
        Assert.Contains("did not arrive whole within 0.3 s", reply.GetProperty("message").GetString());
        Assert.True(IsClosed(stalled), "the stalled connection stayed open");
        // Its thread is gone: no connection is being served any more.
        agent.WaitForNoConnections();
        agent.AssertServes();
    }

    [Fact]
    public void Connections_past_the_cap_are_refused_busy_and_abandoned_ones_are_dropped()
    {
        var limits = new AgentLimits { MaxConnections = 4, RequestTimeout = TimeSpan.FromMilliseconds(500) };
        using var agent = TestAgent.Start(limits);
        var silent = Enumerable.Range(0, 4).Select(_ => agent.Connect()).ToList();
        agent.WaitForConnections(4);

        using (var extra = agent.Connect())
        {
            var busy = ReadReply(extra);
            Assert.Equal("busy", busy.GetProperty("error").GetString());
            Assert.Contains("at most 4 clients", busy.GetProperty("message").GetString());
            Assert.True(IsClosed(extra), "the refused connection stayed open");
        }

        // Opened and never used: each is told and closed once the request timeout passes.
        foreach (var client in silent)
        {
            Assert.Equal("timeout", ReadReply(client).GetProperty("error").GetString());
            Assert.True(IsClosed(client));
            client.Dispose();
        }
        agent.WaitForNoConnections();

        // Many opened and closed at once by a client that gives up: none is left behind.
        for (int i = 0; i < 100; i++)
            agent.Connect().Dispose();
        agent.WaitForNoConnections();
        agent.AssertServes();
    }

    [Fact]
    public void A_client_with_a_running_session_may_wait_between_requests()
    {
        using var agent = TestAgent.Start(new AgentLimits { RequestTimeout = TimeSpan.FromMilliseconds(200) });
        using var client = agent.Connect();
        var started = Exchange(client, """{"v":1,"cmd":"start","mode":"wall"}""");
        int session = started.GetProperty("session").GetInt32();
        // Longer than the timeout: record -p sends nothing until its duration is over.
        Thread.Sleep(1000);
        var stopped = Exchange(client, $$"""{"v":1,"cmd":"stop","session":{{session}}}""");
        Assert.True(stopped.GetProperty("ok").GetBoolean());
    }

    private static byte[] HalfARequest()
    {
        byte[] body = """{"v":1,"cmd":"hello"}"""u8.ToArray();
        var frame = AgentWire.Frame(body);
        return frame.AsSpan(0, 4 + body.Length / 2).ToArray();
    }

    internal static JsonElement Exchange(Socket client, string request)
    {
        client.Send(AgentWire.Frame(Encoding.UTF8.GetBytes(request)));
        return ReadReply(client);
    }

    internal static JsonElement ReadReply(Socket client)
    {
        client.ReceiveTimeout = 30_000;
        return AgentWire.ReadReply(client);
    }

    private static bool IsClosed(Socket client)
    {
        client.ReceiveTimeout = 30_000;
        return client.Receive(new byte[1]) == 0;
    }

    private static byte[] ReadToEnd(Socket client)
    {
        var all = new MemoryStream();
        var buffer = new byte[4096];
        int n;
        while ((n = client.Receive(buffer)) > 0)
            all.Write(buffer, 0, n);
        return all.ToArray();
    }

    /// <summary>An agent on a socket of its own in a fresh folder, listening on a background thread.</summary>
    private sealed class TestAgent : IDisposable
    {
        private readonly string _folder;
        private readonly Thread _thread;

        private TestAgent(string folder, AgentListener listener)
        {
            _folder = folder;
            Listener = listener;
            _thread = new Thread(listener.Run) { IsBackground = true, Name = "test agent" };
            _thread.Start();
        }

        public AgentListener Listener { get; }

        public string Path => System.IO.Path.Combine(_folder, "agent.sock");

        public static TestAgent Start(AgentLimits limits)
        {
            string folder = Directory.CreateTempSubdirectory("hp-agent-").FullName;
            var listener = AgentListener.Bind(System.IO.Path.Combine(folder, "agent.sock"), new AgentCommands(() => null), limits);
            return new TestAgent(folder, listener);
        }

        public Socket Connect()
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(Path));
            return socket;
        }

        /// <summary>The probe: a new client says hello and is answered.</summary>
        public void AssertServes()
        {
            using var probe = Connect();
            var hello = Exchange(probe, """{"v":1,"cmd":"hello"}""");
            Assert.True(hello.GetProperty("ok").GetBoolean());
            Assert.Equal(Environment.ProcessId, hello.GetProperty("pid").GetInt32());
        }

        public void WaitForConnections(int count) => WaitFor(() => Listener.Connections == count, $"{count} connections");

        public void WaitForNoConnections() => WaitFor(() => Listener.Connections == 0, "no connections");

        // Polls a counter the agent's threads update; the bound only keeps a broken agent from hanging the run.
        private void WaitFor(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, $"never reached {what}: {Listener.Connections} connections");
                Thread.Sleep(10);
            }
        }

        public void Dispose()
        {
            Listener.Dispose();
            _thread.Join();
            Directory.Delete(_folder, recursive: true);
        }
    }
}

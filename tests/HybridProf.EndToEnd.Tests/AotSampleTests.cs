using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace HybridProf.EndToEnd.Tests;

/// <summary>
/// samples/AotConsole, built against this repository's projects (eng/InRepoHybridProf.*) and
/// published with NativeAOT: no AOT or trim warning from HybridProf, a profile through the
/// environment variables with the diagnostics channel off, and one through the control socket.
/// In the packed-app collection only so that it never shares the cores with the sample-counting tests.
/// </summary>
[Collection(PackedAppCollection.Name)]
public sealed class AotSampleTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hybridprof-aot-sample-").FullName;

    [Fact]
    public void The_aot_sample_publishes_cleanly_and_is_profiled_by_variables_and_through_the_socket()
    {
        string binary = Publish();

        string output = Path.Combine(_root, "aot.collapsed");
        var run = ProcessRunner.Run(binary, "5000000 3", _root,
            ProfileContentTests.Env(output, ("HYBRIDPROF_RATE", "1000"), ("DOTNET_EnableDiagnostics", "0"), ("HYBRIDPROF_AGENT", "0")),
            TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.Stderr);
        var profile = Collapsed.Read(output);
        Assert.True(profile.Total > 100, $"only {profile.Total} samples");
        foreach (string function in new[] { "AotConsole.Program.Main", "AotConsole.Program.Sieve", "AotConsole.Program.TrialDivision", "AotConsole.Program.IsPrime" })
            Assert.Contains(function, profile.AllFrames);
        Assert.Contains(profile.Stacks, s => s.Frames.SequenceEqual(new[] { "AotConsole.Program.Main", "AotConsole.Program.TrialDivision", "AotConsole.Program.IsPrime" }));

        ProfileThroughTheSocket(binary);
    }

    private string Publish()
    {
        string project = Path.Combine(PackedApp.RepositoryRoot, "samples", "AotConsole", "AotConsole.csproj");
        string publish = Path.Combine(_root, "publish");
        // The project sets PublishAot (a global property would reach the netstandard2.0 projects it
        // references, which cannot be AOT-compiled). A fresh native folder, so the AOT compiler runs (and warns) even when the repository's build is up to date.
        var result = ProcessRunner.RunChecked("dotnet",
            $"publish \"{project}\" -c Release -r linux-x64 -p:NativeIntermediateOutputPath=\"{Path.Combine(_root, "native")}/\" -o \"{publish}\"",
            PackedApp.RepositoryRoot, timeout: TimeSpan.FromMinutes(15));
        Assert.Matches("Generating native code", result.Stdout);
        Assert.DoesNotMatch(@"warning IL\d+.*HybridProf", result.Stdout);
        Assert.DoesNotMatch(@"warning IL\d+", result.Stdout);
        return Path.Combine(publish, "AotConsole");
    }

    private void ProfileThroughTheSocket(string binary)
    {
        string agents = Path.Combine(_root, "agents");
        var env = new Dictionary<string, string> { ["HYBRIDPROF_AGENT_DIR"] = agents, ["DOTNET_EnableDiagnostics"] = "0" };
        using var process = ProcessRunner.Start(binary, "20000000 100000", _root, env, out _, out var stderr);
        try
        {
            string socketPath = Path.Combine(agents, $"hybridprof-{process.Id}.sock");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!File.Exists(socketPath))
            {
                Assert.True(DateTime.UtcNow < deadline && !process.HasExited, $"no agent socket.\nstderr:\n{stderr}");
                Thread.Sleep(50);
            }

            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            socket.ReceiveTimeout = 60_000;
            Assert.Equal(process.Id, Exchange(socket, """{"v":1,"cmd":"hello"}""").GetProperty("pid").GetInt32());
            int session = Exchange(socket, """{"v":1,"cmd":"start","mode":"cpu","rateHz":1000}""").GetProperty("session").GetInt32();
            Thread.Sleep(1500);
            var top = Exchange(socket, $$"""{"v":1,"cmd":"top","session":{{session}}}""");
            var names = top.GetProperty("functions").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
            Assert.Contains("AotConsole.Program.Main", names);
            Assert.Contains(names, n => n is "AotConsole.Program.Sieve" or "AotConsole.Program.IsPrime");

            var stopped = Exchange(socket, $$"""{"v":1,"cmd":"stop","session":{{session}}}""");
            Assert.True(stopped.GetProperty("samples").GetInt64() > 100, stopped.ToString());
            // pprof's string table holds the frame names as plain UTF-8 inside the gzip stream.
            using var gzip = new GZipStream(new MemoryStream(stopped.GetProperty("profile").GetBytesFromBase64()), CompressionMode.Decompress);
            Assert.Contains("AotConsole.Program.Main", new StreamReader(gzip, Encoding.UTF8).ReadToEnd());
            Assert.False(process.HasExited, $"the app exited.\nstderr:\n{stderr}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    // One request frame out, one reply frame back (docs/agent-protocol.md).
    private static JsonElement Exchange(Socket socket, string request)
    {
        byte[] body = Encoding.UTF8.GetBytes(request);
        var frame = new byte[4 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)body.Length);
        body.CopyTo(frame, 4);
        socket.Send(frame);
        byte[] header = Receive(socket, 4);
        var reply = JsonDocument.Parse(Receive(socket, (int)BinaryPrimitives.ReadUInt32BigEndian(header))).RootElement.Clone();
        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.ToString());
        return reply;
    }

    private static byte[] Receive(Socket socket, int count)
    {
        var buffer = new byte[count];
        for (int got = 0; got < count;)
        {
            int n = socket.Receive(buffer, got, count - got, SocketFlags.None);
            if (n == 0)
                throw new EndOfStreamException($"the agent closed the connection after {got} of {count} bytes");
            got += n;
        }
        return buffer;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

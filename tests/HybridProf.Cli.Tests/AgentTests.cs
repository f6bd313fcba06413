using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using HybridProf.EndToEnd.Tests;
using HybridProf.Formats;

namespace HybridProf.Cli.Tests;

/// <summary>The commands that talk to a running app through its agent: record -p, top, dump, ps; and the socket itself.</summary>
[Collection(PackedAppCollection.Name)]
public sealed class AgentTests(PackedApp app)
{
    private readonly Cli _cli = new(app);

    [Fact]
    public async Task Record_attaches_for_two_seconds_and_the_app_keeps_running()
    {
        using var running = _cli.StartApp("serve");
        string output = app.OutputPath("attach.pb.gz");
        var record = _cli.Run($"record -p {running.Pid} -o \"{output}\" --duration 2");
        Assert.True(record.ExitCode == 0, record.Stderr);
        Assert.Contains($"process {running.Pid} runs on", record.Stderr);

        var profile = ProfileFormats.Read(output);
        Assert.InRange(profile.Metadata.Duration.TotalSeconds, 1.5, 10);
        Assert.Contains(profile.Frames, f => f.Name == "E2eApp.Workloads.Heavy");
        Assert.True(profile.TotalSamples > 50, $"{profile.TotalSamples} samples");

        // Still serving: alive, and its agent serves several clients at once.
        Thread.Sleep(300);
        Assert.False(running.Process.HasExited);
        var clients = Enumerable.Range(0, 3)
            .Select(i => Task.Run(() => _cli.Run($"record -p {running.Pid} -o \"{app.OutputPath($"again{i}.collapsed")}\" --duration 1")))
            .Append(Task.Run(() => _cli.Run($"top -p {running.Pid} --once --interval 0.5")))
            .ToArray();
        foreach (var result in await Task.WhenAll(clients))
            Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.False(running.Process.HasExited);
    }

    [Fact]
    public void Top_renders_frames_non_interactively()
    {
        using var running = _cli.StartApp("serve");
        var top = _cli.Run($"top -p {running.Pid} --iterations 2 --interval 0.5 -n 5");
        Assert.True(top.ExitCode == 0, top.Stderr);
        foreach (string column in new[] { "%Own", "%Total", "OwnTime", "TotalTime", "Function" })
            Assert.Contains(column, top.Stdout);
        Assert.Contains("E2eApp.Workloads.Heavy", top.Stdout);
        Assert.Contains("E2eApp.Program.Main", top.Stdout);
        Assert.Equal(2, top.Stdout.Split('\n').Count(l => l.StartsWith($"Process {running.Pid}", StringComparison.Ordinal)));

        // The thread filter: the burning main thread is "thread 1"; no thread is called this.
        var filtered = _cli.Run($"top -p {running.Pid} --once --interval 0.5 --thread no-such-thread");
        Assert.True(filtered.ExitCode == 0, filtered.Stderr);
        Assert.Contains(": 0 samples in the last interval", filtered.Stdout);
        Assert.DoesNotContain("E2eApp.Workloads.Heavy", filtered.Stdout);
        Assert.False(running.Process.HasExited);
    }

    [Fact]
    public void Dump_lists_a_pending_async_operation_with_its_logical_stack()
    {
        using var running = _cli.StartApp("asyncwait 120");
        var dump = _cli.Run($"dump -p {running.Pid}");
        Assert.True(dump.ExitCode == 0, dump.Stderr);
        Assert.Contains("pending async operation(s)", dump.Stdout);
        var lines = dump.Stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        int pending = lines.FindIndex(l => l.StartsWith("Pending ", StringComparison.Ordinal) && !l.Contains("awaiting"));
        Assert.True(pending >= 0, dump.Stdout);
        // Leaf first: the innermost wait, then its awaiting callers.
        Assert.Equal("    E2eApp.AsyncWork.DelayLeaf", lines[pending + 1]);
        Assert.Equal("    E2eApp.AsyncWork.Sleepy", lines[pending + 2]);
    }

    [Fact]
    public void Dump_lists_operations_pending_since_before_it_was_asked_for_once_each_with_stack_and_age()
    {
        using var running = _cli.StartApp("pending 120");
        Thread.Sleep(500); // the requests have waited at least this long when the dump comes
        var dump = _cli.Run($"dump -p {running.Pid}");
        Assert.True(dump.ExitCode == 0, dump.Stderr);
        var lines = dump.Stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("20 pending async operation(s)", dump.Stdout);

        // Each request once, at its innermost wait, leaf first, with how long it has waited;
        // the handlers and Run, which await instrumented operations, are in those stacks only.
        var entries = Enumerable.Range(0, lines.Count).Where(i => lines[i].StartsWith("Pending ", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, entries.Count);
        foreach (int i in entries)
        {
            long age = long.Parse(lines[i].Split(' ')[1].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(age >= 500, lines[i]);
            Assert.Equal(
                new[] { "E2eApp.PendingRequests.Fetch", "E2eApp.PendingRequests.Handle", "E2eApp.PendingRequests.Run", "E2eApp.Program.Main" },
                lines.Skip(i + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()));
        }
    }

    [Fact]
    public void Ps_lists_the_app_and_forgets_dead_processes()
    {
        using var running = _cli.StartApp("serve");
        // A socket left by a process that died (SIGKILL leaves one): ps must not list it, and removes it.
        string stale = Path.Combine(_cli.AgentDirectory, "hybridprof-999999.sock");
        using (var orphan = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
            orphan.Bind(new UnixDomainSocketEndPoint(stale));

        var ps = _cli.Run("ps");
        Assert.True(ps.ExitCode == 0, ps.Stderr);
        var row = Assert.Single(ps.Stdout.Split('\n'), l => l.TrimStart().StartsWith(running.Pid + " ", StringComparison.Ordinal));
        Assert.Contains("E2eApp.dll", row);
        Assert.DoesNotContain("999999", ps.Stdout);
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public void The_socket_is_owner_only()
    {
        using var running = _cli.StartApp("serve");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(running.Socket));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_cli.AgentDirectory));
    }

    [Fact]
    public void Malformed_and_oversized_requests_get_an_error_reply_and_the_app_runs_on()
    {
        using var running = _cli.StartApp("serve");

        var notJson = Exchange(running.Socket, AgentWire.Frame(Encoding.UTF8.GetBytes("{not json")));
        Assert.False(notJson.Reply.GetProperty("ok").GetBoolean());
        Assert.Equal("bad-request", notJson.Reply.GetProperty("error").GetString());
        Assert.True(notJson.ClosedAfter);

        // Claims 1 GiB: refused from the header alone, nothing allocated.
        var oversized = Exchange(running.Socket, [0x40, 0, 0, 0]);
        Assert.Equal("bad-frame", oversized.Reply.GetProperty("error").GetString());
        Assert.True(oversized.ClosedAfter);

        var wrongVersion = Exchange(running.Socket, AgentWire.Frame("{\"v\":99,\"cmd\":\"hello\"}"u8.ToArray()));
        Assert.Equal("unsupported-version", wrongVersion.Reply.GetProperty("error").GetString());

        var hello = Exchange(running.Socket, AgentWire.Frame("{\"v\":1,\"cmd\":\"hello\"}"u8.ToArray()));
        Assert.True(hello.Reply.GetProperty("ok").GetBoolean());
        Assert.Equal(running.Pid, hello.Reply.GetProperty("pid").GetInt32());
        Assert.False(running.Process.HasExited);
        var record = _cli.Run($"record -p {running.Pid} -o \"{app.OutputPath("after.collapsed")}\" --duration 0.5");
        Assert.True(record.ExitCode == 0, record.Stderr);
    }

    [Fact]
    public void Works_without_the_runtime_diagnostics_channel()
    {
        // The agent is a plain socket of the app's own: DOTNET_EnableDiagnostics=0 changes nothing.
        var cli = new Cli(app);
        var env = cli.Environment(("DOTNET_EnableDiagnostics", "0"));
        var process = ProcessRunner.Start("dotnet", $"\"{app.AppPath}\" serve", app.AppDirectory, env, out var stdout, out var stderr);
        using var running = new RunningApp(process, Path.Combine(cli.AgentDirectory, $"hybridprof-{process.Id}.sock"), stdout, stderr);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(running.Socket) && DateTime.UtcNow < deadline)
            Thread.Sleep(50);
        var record = cli.Run($"record -p {running.Pid} -o \"{app.OutputPath("nodiag.collapsed")}\" --duration 1");
        Assert.True(record.ExitCode == 0, record.Stderr);
    }

    private static (JsonElement Reply, bool ClosedAfter) Exchange(string path, byte[] bytes)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(path));
        socket.ReceiveTimeout = 10_000;
        socket.Send(bytes);
        var reply = AgentWire.ReadReply(socket);
        bool closed;
        socket.ReceiveTimeout = 1_000;
        try
        {
            closed = socket.Receive(new byte[1]) == 0;
        }
        catch (SocketException)
        {
            closed = false; // timed out: still open
        }
        return (reply, closed);
    }
}

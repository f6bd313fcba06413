using System.CommandLine;
using System.Text.Json;
using HybridProf.Cli.Agent;
using Spectre.Console;

namespace HybridProf.Cli.Commands;

/// <summary><c>hybridprof dump -p PID</c>: every thread's logical stack and every pending async operation, once.</summary>
internal static class DumpCommand
{
    public static Command Create()
    {
        var pid = Options.Pid(required: true);
        var track = new Option<int>("--track-ms")
        {
            Description = "Milliseconds to wait before dumping (default 0, at most 10000). The app's agent tracks pending async operations from its start, so none is needed; it helps only when that tracking was off.",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("dump", "Print every instrumented thread's logical stack and every pending async operation (with its age) of a running app.") { pid, track };
        command.SetAction(result => Guard.Run(() =>
        {
            using var client = AgentClient.Connect(result.GetValue(pid));
            var reply = client.Send("dump", json => json.WriteNumber("trackMs", result.GetValue(track)));
            Render(Terminal.Create(), client.Pid, reply);
            return 0;
        }));
        return command;
    }

    private static void Render(IAnsiConsole console, int pid, JsonElement reply)
    {
        var threads = reply.GetProperty("threads").EnumerateArray().ToList();
        console.MarkupLine($"[bold]Process {pid}: {threads.Count} thread(s) in instrumented code[/]");
        foreach (var thread in threads)
        {
            console.MarkupLine(Markup.Escape($"Thread {thread.GetProperty("id").GetInt32()} \"{thread.GetProperty("name").GetString()}\""));
            WriteStack(console, thread);
        }
        var pending = reply.GetProperty("pending").EnumerateArray()
            .OrderByDescending(p => p.GetProperty("pendingMs").GetInt64()).ToList();
        console.MarkupLine($"[bold]{pending.Count} pending async operation(s)[/]");
        foreach (var op in pending)
        {
            console.MarkupLine(Markup.Escape($"Pending {op.GetProperty("pendingMs").GetInt64():N0} ms"));
            WriteStack(console, op);
        }
    }

    // Leaf first, like a debugger's stack trace: the interesting frame is on top.
    private static void WriteStack(IAnsiConsole console, JsonElement owner)
    {
        var frames = owner.GetProperty("frames").EnumerateArray().Select(f => f.GetString() ?? "").Reverse();
        foreach (string frame in frames)
            console.MarkupLine("    " + Markup.Escape(frame));
    }
}

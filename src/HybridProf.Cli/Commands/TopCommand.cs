using System.CommandLine;
using HybridProf.Cli.Agent;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HybridProf.Cli.Commands;

/// <summary>
/// <c>hybridprof top -p PID</c>: a live table in the manner of <c>py-spy top</c>. The
/// percentages are of the samples of the last interval (what is hot now); OwnTime and
/// TotalTime add up since the start.
/// </summary>
internal static class TopCommand
{
    public static Command Create()
    {
        var pid = Options.Pid(required: true);
        var mode = Options.Mode();
        var rate = Options.Rate();
        var sort = Options.Sort();
        var rows = Options.Top(25);
        var interval = new Option<double>("--interval") { Description = "Seconds between refreshes (default 1).", DefaultValueFactory = _ => 1.0 };
        var iterations = new Option<int>("--iterations") { Description = "Refresh this many times, printing each table one after another, then exit (for scripts and tests; default: live until Ctrl+C)." };
        var thread = new Option<string?>("--thread", "-t") { Description = "Only threads whose name contains this text (case-insensitive), e.g. \".NET TP Worker\"." };
        var once = new Option<bool>("--once") { Description = "Same as --iterations 1: one table after one interval." };
        var command = new Command("top", "Show the functions a running app spends its time in, refreshed every second (like py-spy top). Ctrl+C quits.")
        {
            pid, mode, rate, sort, rows, interval, iterations, once, thread,
        };
        command.SetAction(result => Guard.Run(() =>
        {
            int count = result.GetValue(once) ? 1 : result.GetValue(iterations);
            double seconds = result.GetValue(interval);
            if (seconds is < 0.1 or > 3600)
                throw new UsageException("--interval must be from 0.1 to 3600 seconds");
            var view = new TopView(Options.ParseSort(result.GetValue(sort)), Math.Max(1, result.GetValue(rows)));
            using var interrupt = new Interrupt();
            using var client = AgentClient.Connect(result.GetValue(pid));
            var started = client.Send("start", json =>
            {
                json.WriteString("mode", result.GetValue(mode));
                json.WriteNumber("rateHz", result.GetValue(rate));
            });
            int session = started.GetProperty("session").GetInt32();
            var wait = TimeSpan.FromSeconds(seconds);
            Func<IRenderable?> refresh = () =>
            {
                if (interrupt.Handle.WaitOne(wait))
                    return null;
                return view.Update(client.Pid, client.Send("top", json =>
                {
                    json.WriteNumber("session", session);
                    if (result.GetValue(thread) is { Length: > 0 } name)
                        json.WriteString("thread", name);
                }));
            };
            var console = Terminal.Create();
            if (count > 0 || !Terminal.IsInteractive)
                Print(console, refresh, count);
            else
                Live(console, refresh);
            client.Send("stop", json => json.WriteNumber("session", session));
            return 0;
        }));
        return command;
    }

    private static void Print(IAnsiConsole console, Func<IRenderable?> refresh, int count)
    {
        for (int i = 0; count == 0 || i < count; i++)
        {
            if (refresh() is not { } table)
                return;
            console.Write(table);
            console.WriteLine();
        }
    }

    private static void Live(IAnsiConsole console, Func<IRenderable?> refresh)
    {
        console.Live(new Text("Collecting samples…")).AutoClear(false).Start(context =>
        {
            while (refresh() is { } table)
            {
                context.UpdateTarget(table);
                context.Refresh();
            }
        });
    }
}

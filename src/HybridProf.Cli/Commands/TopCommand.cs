using System.CommandLine;
using HybridProf.Cli.Agent;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HybridProf.Cli.Commands;

/// <summary>
/// <c>hybridprof top -p PID</c>: a live table in the manner of <c>py-spy top</c>. The
/// percentages are of the samples of the last interval (what is hot now); OwnTime and
/// TotalTime add up since the start. Keys 1–4 sort by those columns; q quits.
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
        var command = new Command("top", "Show the functions a running app spends its time in, refreshed every second (like py-spy top). Keys 1-4 sort by a column; q or Ctrl+C quits.")
        {
            pid, mode, rate, sort, rows, interval, iterations, once, thread,
        };
        command.SetAction(result => Guard.Run(() =>
        {
            int count = result.GetValue(once) ? 1 : result.GetValue(iterations);
            double seconds = result.GetValue(interval);
            if (seconds is < 0.1 or > 3600)
                throw new UsageException("--interval must be from 0.1 to 3600 seconds");
            var console = Terminal.Create();
            bool live = count == 0 && Terminal.IsInteractive;
            var view = new TopView(TopColumns.From(Options.ParseSort(result.GetValue(sort))), Math.Max(1, result.GetValue(rows)))
            {
                // Keys need a keyboard: stdin that is a terminal.
                ShowKeys = live && !Console.IsInputRedirected,
            };
            using var interrupt = new Interrupt();
            using var client = AgentClient.Connect(result.GetValue(pid));
            var started = client.Send("start", json =>
            {
                json.WriteString("mode", result.GetValue(mode));
                json.WriteNumber("rateHz", result.GetValue(rate));
            });
            int session = started.GetProperty("session").GetInt32();
            Func<IRenderable> fetch = () => view.Update(client.Pid, client.Send("top", json =>
            {
                json.WriteNumber("session", session);
                if (result.GetValue(thread) is { Length: > 0 } name)
                    json.WriteString("thread", name);
            }), console.Profile.Width);
            var wait = TimeSpan.FromSeconds(seconds);
            if (live)
                Live(console, view, fetch, wait, interrupt, view.ShowKeys ? TopKeys.Start() : null);
            else
                Print(console, fetch, wait, interrupt, count);
            client.Send("stop", json => json.WriteNumber("session", session));
            return 0;
        }));
        return command;
    }

    private static void Print(IAnsiConsole console, Func<IRenderable> fetch, TimeSpan wait, Interrupt interrupt, int count)
    {
        for (int i = 0; count == 0 || i < count; i++)
        {
            if (interrupt.Handle.WaitOne(wait))
                return;
            console.Write(fetch());
            console.WriteLine();
        }
    }

    /// <summary>
    /// The live view: a new table every interval, and at once after a sort key (the last
    /// interval's numbers in the new order); q or Ctrl+C ends it.
    /// </summary>
    private static void Live(IAnsiConsole console, TopView view, Func<IRenderable> fetch, TimeSpan wait, Interrupt interrupt, TopKeys? keys)
    {
        WaitHandle[] handles = keys is null ? [interrupt.Handle] : [interrupt.Handle, keys.Pressed];
        console.Live(view.Render(console.Profile.Width)).AutoClear(false).Start(context =>
        {
            var next = DateTime.UtcNow + wait;
            while (true)
            {
                var left = next - DateTime.UtcNow;
                int woke = WaitHandle.WaitAny(handles, left < TimeSpan.Zero ? TimeSpan.Zero : left);
                if (woke == 0 || keys?.QuitRequested == true)
                    return;
                if (woke == WaitHandle.WaitTimeout)
                {
                    context.UpdateTarget(fetch());
                    next = DateTime.UtcNow + wait;
                }
                else if (keys?.TakeSort() is { } column)
                {
                    view.Sort = column;
                    context.UpdateTarget(view.Render(console.Profile.Width));
                }
                context.Refresh();
            }
        });
    }
}

using System.CommandLine;
using HybridProf.Cli.Agent;
using Spectre.Console;

namespace HybridProf.Cli.Commands;

/// <summary><c>hybridprof ps</c>: instrumented processes of this user that accept a connection.</summary>
internal static class PsCommand
{
    public static Command Create()
    {
        var command = new Command("ps",
            "List running instrumented processes of the current user whose agent answers (sockets of processes that died are removed).");
        command.SetAction(_ => Guard.Run(() =>
        {
            var console = Terminal.Create();
            var processes = AgentDirectory.List();
            if (processes.Count == 0)
            {
                console.MarkupLine("No instrumented process is running (none answered in " + Markup.Escape(HybridProf.Agent.AgentPaths.Directory()) + ").");
                return 0;
            }
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumn(new TableColumn("PID").RightAligned());
            table.AddColumn("Name");
            table.AddColumn("Runtime");
            table.AddColumn("Profiling");
            table.AddColumn("Command line");
            foreach (var p in processes)
                table.AddRow(p.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(p.Name), Markup.Escape(p.Runtime), Markup.Escape(Profiling(p)), Markup.Escape(p.CommandLine));
            console.Write(table);
            return 0;
        }));
        return command;
    }

    private static string Profiling(AgentProcess p)
    {
        var parts = new List<string>();
        if (p.Hello.TryGetProperty("autoSession", out var auto))
            parts.Add($"{auto.GetProperty("mode").GetString()} (env), {auto.GetProperty("samples").GetInt64():N0} samples");
        if (p.Hello.TryGetProperty("sessions", out var sessions) && sessions.GetInt32() > 0)
            parts.Add($"{sessions.GetInt32()} attached");
        return parts.Count == 0 ? "idle" : string.Join("; ", parts);
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using HybridProf.Cli.Commands;

[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]

namespace HybridProf.Cli;

/// <summary>The <c>hybridprof</c> command: a thin shim over the runtime's formats and the agent protocol.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // A plain command named like the tool, not RootCommand, whose name would be the DLL's.
        var root = new Command("hybridprof",
            "HybridProf: record, watch, read and compare profiles of .NET apps instrumented with the HybridProf package " +
            "([assembly: HybridProf.Profile]). No diagnostics port, no ptrace: it talks to the app's own agent.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(RecordCommand.Create());
        root.Subcommands.Add(TopCommand.Create());
        root.Subcommands.Add(DumpCommand.Create());
        root.Subcommands.Add(PsCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(TuneCommand.Create());
        root.Subcommands.Add(ZeroEdit.BuildCommand.Create());
        root.Subcommands.Add(TruthCommand.Create());
        // Bare `hybridprof` shows the help; any other mistake is one line (ParseErrors).
        var result = root.Parse(args.Length == 0 ? ["--help"] : args);
        return result.Errors.Count > 0 ? ParseErrors.Report(result) : result.Invoke();
    }
}

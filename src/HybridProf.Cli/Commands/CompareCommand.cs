using System.CommandLine;
using HybridProf.Cli.Compare;

namespace HybridProf.Cli.Commands;

/// <summary>
/// <c>hybridprof compare -- COMMAND ARGS…</c>: the instrumented command run plain, sampled and
/// deterministic in rotated rounds; what each mode costs, and how the sampled picture agrees
/// with the exact one.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var rounds = Options.Rounds("Rounds; each runs every mode once, in an order rotated per round");
        var rate = Options.Rate(defaultValue: 1000);
        var plain = new Option<string?>("--plain")
        {
            Description = "The baseline: a build of the same app without markers, as one quoted command " +
                "(e.g. --plain \"dotnet plain/MyApp.dll\", built with `dotnet build -c Release -p:HybridProfEnabled=false -o plain`). " +
                "Default: the woven COMMAND itself, not profiling.",
        };
        var sampleMode = new Option<string>("--mode")
        {
            Description = "How the sampling runs sample: wall (default: waiting threads too, so a thread blocked in a function counts as that " +
                "function's time, as deterministic timing counts it) or cpu (running threads only).",
            DefaultValueFactory = _ => "wall",
        }.AcceptOnlyFromAmong("wall", "cpu");
        var check = new Option<bool>("--check") { Description = "Exit with 1 when a function with at least 1% of the deterministic time lies more than one point outside its sampled 95% interval." };
        var top = Options.Top(10, "How many functions to list and compare by rank");
        var command = Options.Command("The instrumented app and its arguments, after `--` (e.g. `-- dotnet bin/Release/net10.0/MyApp.dll`).");
        var compare = new Command("compare",
            "Run an instrumented app plain, sampled (100 Hz and --rate) and deterministic, in rounds; print each mode's median time against the baseline, " +
            "and how the sampled own-time shares agree with the deterministic ones. The app's output is captured (shown if it fails). " +
            "An app that prints a line elapsed_ms=<number> is timed by it; otherwise by its wall time.")
        {
            rounds, rate, sampleMode, plain, check, top, command,
        };
        compare.SetAction(result => Guard.Run(() =>
        {
            string[] args = Options.CommandLine(result, command);
            if (args.Length == 0)
                throw new UsageException("nothing to compare: give the instrumented command after `--` (e.g. `hybridprof compare -- dotnet bin/Release/net10.0/MyApp.dll`)");
            int n = result.GetValue(rounds);
            if (n < 1)
                throw new UsageException("--rounds must be at least 1");
            var settings = new CompareSettings(
                args,
                result.GetValue(plain) is { } text ? CommandSplitter.Split(text, "--plain") : null,
                n,
                Options.CheckRate(result.GetValue(rate)),
                result.GetValue(sampleMode)!,
                Options.CheckTop(result.GetValue(top)),
                result.GetValue(check));
            return CompareRunner.Run(settings, Console.Out);
        }));
        return compare;
    }
}

using System.CommandLine;
using HybridProf.Cli.Compare;
using HybridProf.Cli.Tune;

namespace HybridProf.Cli.Commands;

/// <summary>
/// <c>hybridprof tune -- COMMAND ARGS…</c>: counts the app's calls in one deterministic run and
/// writes the tune list that leaves out its most-called cheap methods until the markers that
/// stay fit a budget (docs/cli.md, docs/instrumentation.md).
/// </summary>
internal static class TuneCommand
{
    public const string DefaultList = "hybridprof-tune.txt";

    public static Command Create()
    {
        var budget = new Option<double>("--budget")
        {
            Description = "What the markers that stay may cost, in percent of the run without markers, 0 to 100 (default 2).",
            DefaultValueFactory = _ => 2,
            CustomParser = Options.Number,
        };
        var maxOwn = new Option<double>("--max-own-ns")
        {
            Description = "Leave out only methods whose own time per call in the deterministic run is at most this many nanoseconds " +
                "(default 1000): a costlier method is a hot spot worth its frame, and its marker is a small part of it.",
            DefaultValueFactory = _ => 1000,
            CustomParser = Options.Number,
        };
        var list = new Option<string>("--output", "-o")
        {
            Description = $"The tune list to write (default {DefaultList} in the current folder; put it in the app's project folder). " +
                "Lines you added by hand are kept; only functions whose source lies under the list's folder are chosen.",
            DefaultValueFactory = _ => DefaultList,
        };
        var build = new Option<string?>("--build")
        {
            Description = "After writing the list, rebuild the app with this command (one quoted command, e.g. --build \"dotnet build -c Release\") " +
                "and time the woven app, not profiling, before and after.",
        };
        var plain = new Option<string?>("--plain")
        {
            Description = "A build of the same app without markers, as one quoted command (as for compare): also print the overhead measured against it.",
        };
        var rounds = Options.Rounds("Timed runs of each build; the medians count");
        var top = Options.Top(10, "How many of the left-out methods to print");
        var command = Options.Command("The instrumented app and its arguments, after `--` (e.g. `-- dotnet bin/Release/net10.0/MyApp.dll`).");
        var tune = new Command("tune",
            "Count the calls of an instrumented app in one deterministic run and write a tune list (hybridprof-tune.txt) that leaves out its " +
            "most-called cheap methods, until the predicted cost of the markers that stay fits --budget. The next build leaves them unmarked: " +
            "their time counts to their caller. The app's output is captured (shown if it fails).")
        {
            budget, maxOwn, list, build, plain, rounds, top, command,
        };
        tune.SetAction(result => Guard.Run(() =>
        {
            string[] args = Options.CommandLine(result, command);
            if (args.Length == 0)
                throw new UsageException("nothing to tune: give the instrumented command after `--` (e.g. `hybridprof tune -- dotnet bin/Release/net10.0/MyApp.dll`)");
            double percent = result.GetValue(budget);
            if (percent is < 0 or > 100)
                throw new UsageException("--budget must be from 0 to 100 (percent of the run without markers)");
            double ownLimit = result.GetValue(maxOwn);
            if (ownLimit <= 0)
                throw new UsageException("--max-own-ns must be more than 0");
            int n = result.GetValue(rounds);
            if (n < 1)
                throw new UsageException("--rounds must be at least 1");
            string path = result.GetValue(list)!;
            if (path.Length == 0)
                throw new UsageException("-o needs a file name");
            var settings = new TuneSettings(
                args,
                path,
                percent,
                ownLimit,
                result.GetValue(build) is { } buildText ? CommandSplitter.Split(buildText, "--build") : null,
                result.GetValue(plain) is { } plainText ? CommandSplitter.Split(plainText, "--plain") : null,
                n,
                Options.CheckTop(result.GetValue(top)));
            return TuneRunner.Run(settings, Console.Out);
        }));
        return tune;
    }
}

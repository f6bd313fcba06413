using System.CommandLine;
using System.Globalization;
using HybridProf.Cli.Truth;
using HybridProf.Formats;

namespace HybridProf.Cli.Commands;

/// <summary>
/// <c>hybridprof truth --plain-trace plain.speedscope.json --woven woven.pb.gz</c>: the woven
/// build's own-time shares beside an independent sampler's shares of the plain build.
/// </summary>
internal static class TruthCommand
{
    public static Command Create()
    {
        var plainTrace = new Option<string>("--plain-trace")
        {
            Description = "The plain build sampled by another profiler: dotnet-trace's sampled thread time converted with " +
                "`dotnet-trace convert --format Speedscope` (.speedscope.json), or any sampled profile hybridprof reads.",
            Required = true,
        };
        var woven = new Option<string>("--woven")
        {
            Description = $"The woven build's own profile ({Options.Readable}), best recorded in cpu mode at 1000 Hz.",
            Required = true,
        };
        var top = Options.Top(20, "How many of the heaviest functions to list (every one that differs by more than --threshold is listed too)");
        var threshold = new Option<double>("--threshold")
        {
            Description = "Mark (and with --check, fail on) a share that differs by more than this many points (default 3).",
            DefaultValueFactory = _ => 3,
        };
        var check = new Option<bool>("--check") { Description = "Exit with 1 when a listed function's shares differ by more than --threshold points." };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Also write the plain trace folded onto the woven profile's frames, as a profile (.pb.gz, .collapsed, .svg, .speedscope.json, .txt); " +
                "`hybridprof diff` it against the woven profile for a differential flamegraph.",
        };
        var command = new Command("truth",
            "Is the profile true? The woven build's own-time shares beside another sampler's shares of the plain build (dotnet-trace), " +
            "whose frames are folded into their nearest caller that the woven profile shows; both with 95% intervals.")
        {
            plainTrace, woven, top, threshold, check, output,
        };
        command.SetAction(result => Guard.Run(() =>
        {
            string plainPath = result.GetValue(plainTrace)!;
            if (!File.Exists(plainPath))
                throw new UsageException($"{plainPath}: no such file");
            int n = Options.CheckTop(result.GetValue(top));
            double points = result.GetValue(threshold);
            if (!(points >= 0))
                throw new UsageException("--threshold must be a number of points from 0");
            string? outPath = result.GetValue(output);
            var outFormat = outPath is null ? (ProfileFormat?)null : Options.ResolveFormat(outPath, null);
            if (outFormat == ProfileFormat.Timeline)
                throw new UsageException($"'{outPath}': the folded plain trace is samples, not timed calls; write a profile format (.pb.gz, .collapsed, .svg, ...)");
            var report = TruthComparison.Compare(PlainTraceReader.Read(plainPath), Guard.ReadProfile(result.GetValue(woven)!), n, points);
            if (report.Plain.Threads.Count == 0)
                throw new UsageException($"{plainPath}: no sampled thread runs code the woven profile shows; are the two of the same program?");
            if (outPath is not null && outFormat is { } format)
            {
                report.FoldedPlain.Save(outPath, format);
                Terminal.Note($"wrote {outPath}");
            }
            TruthReportWriter.Write(Console.Out, report, points);
            if (!result.GetValue(check))
                return 0;
            var over = report.Listed.Where(r => Math.Abs(r.Difference) > points).ToList();
            return over.Count == 0
                ? 0
                : Terminal.Fail("check failed: " + string.Join("; ", over.Select(r => string.Format(CultureInfo.InvariantCulture,
                    "{0} is {1:0.00}% woven, {2:0.00}% plain ({3:+0.00;-0.00} points)", r.Function, r.WovenPercent, r.PlainPercent, r.Difference))));
        }));
        return command;
    }
}

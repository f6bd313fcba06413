using System.Globalization;
using HybridProf.Cli.Commands;

namespace HybridProf.Cli.Compare;

/// <summary>Each mode's median time and its ratio to the baseline, with every run's time beside it.</summary>
internal static class TimingReport
{
    public static void Write(TextWriter output, CompareSettings settings, RunModes modes, IReadOnlyDictionary<RunMode, List<RunResult>> results)
    {
        // The program's own figure leaves out start-up and writing the profile, which are not
        // what a profiler's overhead is about; but only if every run printed one, or the ratios
        // would compare different things.
        bool reported = results.Values.All(runs => runs.All(r => r.ReportedMilliseconds is not null));
        string baseline = settings.Plain is { } plain
            ? $"baseline: plain build '{ChildProcess.Display(plain)}'"
            : "baseline: the same woven build, not profiling (give --plain for a build without markers)";
        output.WriteLine($"'{ChildProcess.Display(settings.Command)}', {settings.Rounds} round{(settings.Rounds == 1 ? "" : "s")} (order rotated); {baseline}");
        output.WriteLine(reported
            ? "medians of the elapsed_ms= the program prints (start-up and profile writing excluded)"
            : "medians of wall time from start to exit (start-up and profile writing included; a program that prints elapsed_ms=<number> is timed by that)");

        double Time(RunResult r) => reported ? r.ReportedMilliseconds!.Value : r.WallMilliseconds;
        double reference = Median(results[modes.Baseline].Select(Time));
        foreach (var mode in modes.All)
        {
            var times = results[mode].Select(Time).ToList();
            double median = Median(times);
            string runs = string.Join(", ", times.Select(v => v.ToString("0", CultureInfo.InvariantCulture)));
            output.WriteLine(FormattableString.Invariant($"  {mode.Name,-20} {median,10:0.0} ms   x{median / reference:0.000}   (runs: {runs})"));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

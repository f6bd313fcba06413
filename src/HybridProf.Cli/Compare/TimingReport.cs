using System.Globalization;
using HybridProf.Cli.Commands;

namespace HybridProf.Cli.Compare;

/// <summary>Each mode's median time and its ratio to the baseline, with every run's time beside it.</summary>
internal static class TimingReport
{
    public static void Write(TextWriter output, CompareSettings settings, RunModes modes, IReadOnlyDictionary<RunMode, List<RunResult>> results)
    {
        var times = RunTimes.For(results.Values.SelectMany(runs => runs));
        string baseline = settings.Plain is { } plain
            ? $"baseline: plain build '{ChildProcess.Display(plain)}'"
            : "baseline: the same woven build, not profiling (give --plain for a build without markers)";
        output.WriteLine($"'{ChildProcess.Display(settings.Command)}', {settings.Rounds} round{(settings.Rounds == 1 ? "" : "s")} (order rotated); {baseline}");
        output.WriteLine("medians of " + times.Description);

        double reference = times.Median(results[modes.Baseline]);
        foreach (var mode in modes.All)
        {
            double median = times.Median(results[mode]);
            string runs = string.Join(", ", results[mode].Select(r => times.Of(r).ToString("0", CultureInfo.InvariantCulture)));
            output.WriteLine(FormattableString.Invariant($"  {mode.Name,-20} {median,10:0.0} ms   x{median / reference:0.000}   (runs: {runs})"));
        }
    }
}

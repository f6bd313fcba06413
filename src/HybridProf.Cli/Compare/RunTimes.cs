namespace HybridProf.Cli.Compare;

/// <summary>
/// How runs are timed: by the <c>elapsed_ms=</c> the program prints (its own timing of its work,
/// start-up and writing the profile excluded) when every run printed one, else by wall time from
/// start to exit; a mix would compare different things.
/// </summary>
internal sealed class RunTimes(bool reported)
{
    /// <summary>Times the given runs, all of them by the same measure.</summary>
    public static RunTimes For(IEnumerable<RunResult> runs) => new(runs.All(r => r.ReportedMilliseconds is not null));

    /// <summary>True when the programs' own <c>elapsed_ms=</c> figures are used.</summary>
    public bool Reported { get; } = reported;

    /// <summary>What the medians are of, for a header line.</summary>
    public string Description => Reported
        ? "the elapsed_ms= the program prints (start-up and profile writing excluded)"
        : "wall time from start to exit (start-up and profile writing included; a program that prints elapsed_ms=<number> is timed by that)";

    public double Of(RunResult run) => Reported ? run.ReportedMilliseconds!.Value : run.WallMilliseconds;

    public double Median(IEnumerable<RunResult> runs) => Median(runs.Select(Of));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

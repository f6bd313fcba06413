using System.Globalization;
using HybridProf.Comparison;
using HybridProf.Formats;

namespace HybridProf.Compare;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/HybridProf.Compare -- &lt;workload&gt; [runs=5] [size]</c>:
/// runs the workload plain (not woven), woven + sampling at 100 Hz and 1 kHz, and woven +
/// deterministic, alternating the four in each round; prints each mode's median elapsed time
/// and its ratio to plain, then how the 1 kHz sampled own-time shares (all rounds' samples
/// together) agree with the deterministic ones.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: HybridProf.Compare <pipeline|parser|fanout|burn> [runs=5] [size] [--check]");
            return 2;
        }
        // --check: exit 1 when a function with at least 1% of the deterministic time lies more
        // than one point outside its sampled 95% interval (the agreement test uses it).
        bool check = args.Contains("--check");
        args = args.Where(a => a != "--check").ToArray();
        string workload = args[0];
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        string size = args.Length > 2 ? args[2] : "0";
        string configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        var runner = new WorkloadRunner(configuration, workload, size);

        var modes = WorkloadRunner.Modes;
        var elapsed = modes.ToDictionary(m => m.Name, _ => new List<double>());
        var outputs = modes.ToDictionary(m => m.Name, _ => new List<string>());
        for (int round = 0; round < runs; round++)
        {
            // Rotate the order so no mode always runs first (or right after a given other).
            for (int k = 0; k < modes.Length; k++)
            {
                var mode = modes[(k + round) % modes.Length];
                var (ms, output) = runner.Run(mode, round);
                elapsed[mode.Name].Add(ms);
                if (output is not null)
                    outputs[mode.Name].Add(output);
            }
        }

        Console.WriteLine($"workload {workload}, {runs} rounds, medians of elapsed work time (start-up and profile writing excluded)");
        double plain = Median(elapsed["plain"]);
        foreach (var mode in modes)
        {
            double median = Median(elapsed[mode.Name]);
            Console.WriteLine(FormattableString.Invariant($"  {mode.Name,-14} {median,10:0.0} ms   x{median / plain:0.000}   (runs: {string.Join(", ", elapsed[mode.Name].Select(v => v.ToString("0", CultureInfo.InvariantCulture)))})"));
        }

        var sampled = Merge(outputs["sampling 1kHz"]);
        var exact = Merge(outputs["deterministic"]);
        var report = ShareComparison.Compare(sampled, exact);
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"own-time shares: {report.Samples} samples at 1 kHz vs {report.Nanoseconds / 1e9:0.000} s timed"));
        Console.WriteLine("  sampled %   95% CI           determ. %   diff    function");
        foreach (var row in report.Rows.Where(r => r.DeterministicPercent >= 0.5 || r.SampledPercent >= 0.5).Take(15))
        {
            string flag = row.Outside > 1 ? "  <- outside CI" : "";
            Console.WriteLine(FormattableString.Invariant($"  {row.SampledPercent,8:0.00}  [{row.CiLowPercent,6:0.00}, {row.CiHighPercent,6:0.00}]  {row.DeterministicPercent,8:0.00}  {row.Difference,+6:+0.00;-0.00}    {row.Function}{flag}"));
        }
        Console.WriteLine(FormattableString.Invariant($"  top-{report.TopCount} agreement: {report.TopOverlap}/{report.TopCount} in both tops, Kendall tau {report.KendallTau:0.00}"));
        var disagreeing = report.Rows.Where(r => r.DeterministicPercent >= 1 && r.Outside > 1).ToList();
        if (check && disagreeing.Count > 0)
        {
            Console.WriteLine("check failed: " + string.Join(", ", disagreeing.Select(r => r.Function)));
            return 1;
        }
        return 0;
    }

    private static Model.Profile Merge(List<string> paths)
    {
        var builder = new Model.ProfileBuilder();
        foreach (string path in paths)
        {
            var profile = ProfileFormats.Read(path);
            foreach (var stack in profile.Stacks)
                builder.AddStack(profile.Threads[stack.Thread], stack.Frames.Select(f => profile.Frames[f]), stack.Samples);
        }
        return builder.Build(new Model.ProfileMetadata(Model.ProfileMode.Cpu, 0, TimeSpan.Zero));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

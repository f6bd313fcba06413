using System.Globalization;
using HybridProf.Model;

namespace HybridProf.Cli.Truth;

/// <summary>Prints a <see cref="TruthReport"/>: what each side counted, the table, and what the fold moved.</summary>
internal static class TruthReportWriter
{
    public static void Write(TextWriter output, TruthReport report, double threshold)
    {
        var plain = report.Plain;
        var woven = report.Woven;
        string unit = plain.Unit == "ms" ? "ms" : "samples";
        output.WriteLine(Invariant($"plain build: {plain.Source}; {Threads(plain.Threads)}"));
        string readings = plain.Unit == "ms"
            ? Invariant($", about {plain.Readings:0} samples (one every {plain.ReadingWeight:0.000} ms, estimated from the trace)")
            : "";
        output.WriteLine(Invariant($"  compared: {plain.Compared:0.#} {unit} of running code under a frame the woven profile shows{readings}"));
        var leftOut = plain.NotRunning.OrderByDescending(s => s.Value).Select(s => Invariant($"{s.Key} {s.Value:0.#} {unit} (not running code)")).ToList();
        if (plain.NoFrame > 0)
            leftOut.Add(Invariant($"no frame the woven profile shows {plain.NoFrame:0.#} {unit} (start-up, runtime)"));
        if (plain.OtherThreads > 0)
            leftOut.Add(Invariant($"{plain.OtherThreads} other thread{(plain.OtherThreads == 1 ? "" : "s")} {plain.OtherThreadsWeight:0.#} {unit}"));
        if (leftOut.Count > 0)
            output.WriteLine("  left out: " + string.Join("; ", leftOut));

        string mode = woven.Mode.ToString().ToLowerInvariant();
        string gc = woven.GcSamples > 0 ? Invariant($"; [GC] {woven.GcPercent:0.0}% set apart") : "";
        string small = woven.FoldedMethods switch
        {
            0 => "",
            1 => "; 1 small method folded into its caller by the size rule",
            int n => Invariant($"; {n} small methods folded into their callers by the size rule"),
        };
        string guarded = woven.GuardedMethods switch
        {
            0 => "",
            1 => "; 1 method marked after its entry guard",
            int n => Invariant($"; {n} methods marked after their entry guards"),
        };
        output.WriteLine(Invariant($"woven build: {woven.Samples} {mode} samples at {woven.RateHz} Hz compared{gc}{small}{guarded}"));
        if (woven.Mode == ProfileMode.Wall)
            output.WriteLine("  (a wall-mode profile: its [blocked] and [await] samples are left out; record in cpu mode to compare like with like)");

        output.WriteLine(Invariant($"  own-time shares, 95% intervals; <- marks a difference over {threshold:0.##} points"));
        output.WriteLine("   plain %  95% CI              woven %  95% CI              diff    function");
        foreach (var row in report.Listed)
        {
            string flag = Math.Abs(row.Difference) > threshold ? Invariant($"  <- over {threshold:0.##} points") : "";
            string absent = row.OnPlainStacks ? "" : "  (no plain frame)";
            output.WriteLine(Invariant(
                $"  {row.PlainPercent,7:0.00}  [{row.PlainLow,6:0.00}, {row.PlainHigh,6:0.00}]  {row.WovenPercent,7:0.00}  [{row.WovenLow,6:0.00}, {row.WovenHigh,6:0.00}]  {row.Difference,+6:+0.00;-0.00}    {row.Function}{absent}{flag}"));
        }
        if (report.Rows.Count > report.Listed.Count)
            output.WriteLine(Invariant($"  ({report.Rows.Count - report.Listed.Count} more functions within {threshold:0.##} points, each under {TruthComparison.ListedPercent}% on both sides or past --top)"));

        if (plain.FoldedLeaves.Count > 0)
        {
            // The heaviest, each at least 0.1%; the rest summed.
            var shown = plain.FoldedLeaves.Take(8).Where(f => f.Percent >= 0.1).ToList();
            var parts = shown.Select(f => Invariant($"{f.Frame} {f.Percent:0.0}%")).ToList();
            if (plain.FoldedLeaves.Count > shown.Count)
                parts.Add(Invariant($"{plain.FoldedLeaves.Count - shown.Count} more {plain.FoldedLeaves.Skip(shown.Count).Sum(f => f.Percent):0.0}%"));
            output.WriteLine("  folded into their callers on the plain side (leaves the woven profile does not show, share of the compared time): " + string.Join(", ", parts));
        }
        var absentRows = report.Listed.Where(r => !r.OnPlainStacks).Select(r => r.Function).ToList();
        if (absentRows.Count > 0)
            output.WriteLine("  (no plain frame): on no plain stack: inlined into its callers by the plain build's JIT, or too brief to be sampled: " + string.Join(", ", absentRows));
        if (plain.Ambiguous.Count > 0)
            output.WriteLine("  folded as ambiguous: " + string.Join("; ", plain.Ambiguous));
        int over = report.Listed.Count(r => Math.Abs(r.Difference) > threshold);
        output.WriteLine(over == 0
            ? Invariant($"  every listed share agrees within {threshold:0.##} points")
            : Invariant($"  {over} of {report.Listed.Count} listed functions differ by more than {threshold:0.##} points"));
    }

    private static string Threads(IReadOnlyList<string> threads) => threads.Count switch
    {
        0 => "no thread runs code the woven profile shows",
        1 => "thread " + threads[0],
        <= 4 => "threads " + string.Join(", ", threads),
        _ => Invariant($"{threads.Count} threads"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

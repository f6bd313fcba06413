using System.Globalization;
using HybridProf.Cli.Commands;
using Profile = HybridProf.Model.Profile;

namespace HybridProf.Cli.Compare;

/// <summary>
/// How the sampled own-time shares agree with the deterministic ones: per function the sampled
/// share with its 95% interval, the exact share and the difference; the top-N overlap and
/// Kendall's tau; a line on why the two can differ; and, with --check, the verdict.
/// </summary>
internal static class AgreementReport
{
    /// <summary>--check looks at functions with at least this deterministic share, in percent…</summary>
    private const double CheckedPercent = 1;

    /// <summary>…and allows them this far outside the sampled interval, in points.</summary>
    private const double AllowedPoints = 1;

    /// <summary>Prints the report; returns the exit code (1 when --check finds a disagreement).</summary>
    public static int Write(TextWriter output, Profile sampled, Profile deterministic, CompareSettings settings)
    {
        var report = ShareComparison.Compare(sampled, deterministic, settings.Top);
        output.WriteLine(FormattableString.Invariant($"own-time shares: {report.Samples + report.GcSamples} {settings.SampleMode} samples at {settings.Rate} Hz vs {report.Nanoseconds / 1e9:0.000} s timed"));
        output.WriteLine("  sampled %   95% CI           determ. %   diff    function");
        foreach (var row in report.Listed)
        {
            string flag = row.Outside > AllowedPoints ? "  <- outside CI" : "";
            output.WriteLine(FormattableString.Invariant($"  {row.SampledPercent,8:0.00}  [{row.CiLowPercent,6:0.00}, {row.CiHighPercent,6:0.00}]  {row.DeterministicPercent,8:0.00}  {row.Difference,+6:+0.00;-0.00}    {row.Function}{flag}"));
        }
        if (AgreementLines.GarbageCollection(report) is { } gc)
            output.WriteLine(gc);
        output.WriteLine(AgreementLines.Agreement(report));
        string waits = settings.SampleMode == "cpu"
            ? "cpu samples skip waits, which deterministic time includes."
            : "samples of suspended async methods ([await]) are left out, as deterministic own time leaves suspension out.";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Why they can differ: deterministic timing inflates tiny functions; sampling misses rare ones (below about 1/{Math.Max(1, report.Samples)} of the time); " +
            $"{waits}"));

        if (!settings.Check)
            return 0;
        var outside = report.Rows.Where(r => r.DeterministicPercent >= CheckedPercent && r.Outside > AllowedPoints).ToList();
        if (outside.Count == 0)
        {
            output.WriteLine(FormattableString.Invariant($"check passed: every function with at least {CheckedPercent}% deterministic share is within {AllowedPoints} point of its sampled 95% interval."));
            return 0;
        }
        return Terminal.Fail("check failed: " + string.Join("; ", outside.Select(Describe)));
    }

    private static string Describe(ShareRow row) => string.Format(CultureInfo.InvariantCulture,
        "{0} is {1:0.00}% deterministic, {2:0.00} points {3} its sampled 95% interval [{4:0.00}, {5:0.00}]",
        row.Function, row.DeterministicPercent, row.Outside, row.DeterministicPercent > row.CiHighPercent ? "above" : "below", row.CiLowPercent, row.CiHighPercent);
}

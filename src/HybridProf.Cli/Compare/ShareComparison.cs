using System;
using System.Collections.Generic;
using System.Linq;
using HybridProf.Analysis;
using HybridProf.Model;

namespace HybridProf.Cli.Compare;

/// <summary>
/// How a sampled profile's own-time shares agree with a deterministic profile's: per function
/// the sampled share with its 95% confidence interval, the deterministic share and the
/// difference, and how the two rank the top functions. Both profiles are reduced to own
/// weight per function (the leaf of each stack), all threads together.
/// </summary>
internal static class ShareComparison
{
    /// <summary>A function must have at least this share (either way) to be listed, in percent.</summary>
    public const double ListedPercent = 0.5;

    /// <summary>Compares <paramref name="sampled"/> (cpu or wall samples) with <paramref name="deterministic"/> (nanoseconds).</summary>
    /// <param name="sampled">The sampled profile.</param>
    /// <param name="deterministic">The deterministic profile of the same workload.</param>
    /// <param name="top">At most how many functions are listed and ranked (heaviest deterministic share first); default 10.</param>
    public static ShareReport Compare(Profile sampled, Profile deterministic, int top = 10)
    {
        var sampledOwn = OwnWeights(sampled);
        var exactOwn = OwnWeights(deterministic);
        // [GC] is set apart: deterministic time charges a pause to the function that was running,
        // so it has no [GC] of its own, and keeping it would shrink every sampled share by its size.
        sampledOwn.Remove(Frame.GarbageCollection.Name, out long gc);
        exactOwn.Remove(Frame.GarbageCollection.Name);
        long samples = sampledOwn.Values.Sum();
        long nanoseconds = exactOwn.Values.Sum();
        double perSample = ObservationsPerSample(sampled);
        var rows = sampledOwn.Keys.Union(exactOwn.Keys)
            .Select(name =>
            {
                sampledOwn.TryGetValue(name, out long s);
                exactOwn.TryGetValue(name, out long d);
                var (low, high) = Wilson(s * perSample, samples * perSample);
                return new ShareRow(name, s, Percent(s, samples), 100 * low, 100 * high, Percent(d, nanoseconds));
            })
            .OrderByDescending(r => r.DeterministicPercent).ThenByDescending(r => r.SampledPercent).ThenBy(r => r.Function, StringComparer.Ordinal)
            .ToArray();

        // The agreement counts exactly the rows listed: the deterministic top N is the listed
        // rows, N their number, and the sampled top N is taken from all functions, so a function
        // sampling ranks high that the listing leaves out shows as a miss, named in the report.
        var listed = rows.Where(r => r.DeterministicPercent >= ListedPercent || r.SampledPercent >= ListedPercent).Take(top).ToArray();
        var sampledTop = rows.OrderByDescending(r => r.SampledPercent).ThenBy(r => r.Function, StringComparer.Ordinal).Take(listed.Length).Select(r => r.Function).ToArray();
        var listedNames = listed.Select(r => r.Function).ToHashSet(StringComparer.Ordinal);
        return new ShareReport(rows, listed, samples, gc, nanoseconds,
            sampledTop.Count(listedNames.Contains), listed.Length, KendallTau(listed),
            sampledTop.Where(f => !listedNames.Contains(f)).ToArray());
    }

    /// <summary>
    /// The 95% Wilson score interval of a proportion <paramref name="hits"/>/<paramref name="n"/>
    /// (better than the normal approximation near 0 and 1, where small functions sit).
    /// It treats samples as independent; a sampler's ticks are nearly so when the workload does
    /// not run in step with them (HybridProf's sampler randomizes its intervals for that reason).
    /// </summary>
    public static (double Low, double High) Wilson(double hits, double n)
    {
        if (n <= 0)
            return (0, 1);
        const double z = 1.959963984540054;
        double p = hits / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denominator;
        double half = z * Math.Sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// Observations per unit of weight among the thread samples: 1 when every tick came on
    /// time, less when late ticks stood for several intervals each (a starved sampler). The
    /// intervals count observations, not weight, or they would be too narrow exactly when
    /// the machine is busy. Unknown (files without the count): 1.
    /// </summary>
    public static double ObservationsPerSample(Profile sampled)
    {
        long observations = sampled.Metadata.Observations;
        if (observations <= 0)
            return 1;
        // Thread samples: all but the [GC] time (from the runtime's pause totals) and the
        // [await] counts of suspended operations, which are not readings of a thread.
        long threadWeight = sampled.Stacks
            .Where(s => IsThreadReading(sampled.Frames[s.Frames[s.Frames.Count - 1]]))
            .Sum(s => s.Samples);
        return threadWeight <= 0 ? 1 : Math.Min(1, (double)observations / threadWeight);
    }

    private static bool IsThreadReading(Frame leaf) => leaf.Name != Frame.GarbageCollection.Name && leaf.Name != Frame.Await.Name;

    /// <summary>
    /// Own weight per function name, as deterministic timing, which is elapsed time, counts
    /// it: a wall sample of a thread blocked in a function is that function's own time, and an
    /// <c>[await]</c> sample (an async method suspended) is nobody's, as deterministic own time
    /// of an async method is its on-CPU slices only (<see cref="FunctionWeightOptions.ElapsedOwnTime"/>).
    /// </summary>
    public static Dictionary<string, long> OwnWeights(Profile profile) =>
        FunctionWeights.Of(profile, new FunctionWeightOptions { ElapsedOwnTime = true })
            .Where(f => f.Own > 0)
            .ToDictionary(f => f.Name, f => f.Own, StringComparer.Ordinal);

    private static double Percent(long part, long total) => total == 0 ? 0 : 100.0 * part / total;

    // Kendall's tau-b between the two orderings of the deterministic top functions.
    private static double KendallTau(ShareRow[] rows)
    {
        long concordant = 0, discordant = 0, tiesA = 0, tiesB = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = i + 1; j < rows.Length; j++)
            {
                int a = Math.Sign(rows[i].DeterministicPercent - rows[j].DeterministicPercent);
                int b = Math.Sign(rows[i].SampledPercent - rows[j].SampledPercent);
                if (a == 0 && b == 0)
                    continue;
                if (a == 0)
                    tiesA++;
                else if (b == 0)
                    tiesB++;
                else if (a == b)
                    concordant++;
                else
                    discordant++;
            }
        }
        double denominator = Math.Sqrt((double)(concordant + discordant + tiesA) * (concordant + discordant + tiesB));
        return denominator == 0 ? 1 : (concordant - discordant) / denominator;
    }
}

/// <summary>One function in a <see cref="ShareReport"/>; shares in percent of own time.</summary>
/// <param name="Function">Frame name.</param>
/// <param name="Samples">Samples in which it was the leaf.</param>
/// <param name="SampledPercent">Its share of all samples.</param>
/// <param name="CiLowPercent">Lower end of the 95% confidence interval of the sampled share.</param>
/// <param name="CiHighPercent">Upper end of that interval.</param>
/// <param name="DeterministicPercent">Its share of all deterministic own time.</param>
internal sealed record ShareRow(string Function, long Samples, double SampledPercent, double CiLowPercent, double CiHighPercent, double DeterministicPercent)
{
    /// <summary>Sampled minus deterministic share, in percentage points.</summary>
    public double Difference => SampledPercent - DeterministicPercent;

    /// <summary>How far the deterministic share lies outside the interval, in points (0 when inside).</summary>
    public double Outside => DeterministicPercent < CiLowPercent ? CiLowPercent - DeterministicPercent
        : DeterministicPercent > CiHighPercent ? DeterministicPercent - CiHighPercent : 0;
}

/// <summary>The outcome of <see cref="ShareComparison.Compare"/>.</summary>
/// <param name="Rows">Every function of either profile but <c>[GC]</c>, heaviest deterministic share first.</param>
/// <param name="Listed">The rows the report lists and the agreement counts: at least 0.5% either way, at most the top asked for.</param>
/// <param name="Samples">Samples of the sampled profile that are compared: all but <c>[GC]</c>.</param>
/// <param name="GcSamples">Samples of <c>[GC]</c>, set apart.</param>
/// <param name="Nanoseconds">Total own nanoseconds of the deterministic profile.</param>
/// <param name="TopOverlap">How many of the listed rows are also in the sampled top of the same size.</param>
/// <param name="TopCount">The size of the top compared: the number of listed rows.</param>
/// <param name="KendallTau">Kendall's tau-b of the sampled order against the deterministic order over the listed rows (1 = same order).</param>
/// <param name="SampledTopNotListed">Functions in the sampled top that the listing leaves out (the misses of the overlap).</param>
internal sealed record ShareReport(IReadOnlyList<ShareRow> Rows, IReadOnlyList<ShareRow> Listed, long Samples, long GcSamples, long Nanoseconds,
    int TopOverlap, int TopCount, double KendallTau, IReadOnlyList<string> SampledTopNotListed)
{
    /// <summary>The <c>[GC]</c> share of all samples, in percent.</summary>
    public double GcPercent => Samples + GcSamples == 0 ? 0 : 100.0 * GcSamples / (Samples + GcSamples);
}

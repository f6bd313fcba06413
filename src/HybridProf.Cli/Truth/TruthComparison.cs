using HybridProf.Analysis;
using HybridProf.Cli.Compare;
using HybridProf.Model;

namespace HybridProf.Cli.Truth;

/// <summary>
/// Whether a woven build's profile tells the truth: its own-time shares beside an independent
/// sampler's shares of the plain build, with the sampler's frames folded onto the frames the
/// woven profile shows (<see cref="StackFolding"/>, <see cref="FrameNameMap"/>).
/// </summary>
/// <remarks>
/// What counts on the plain side: the threads that run code the woven profile shows (a thread
/// idle in the thread pool never does), and of those only the samples of a running thread
/// (<c>CPU_TIME</c>: running managed code; not <c>UNMANAGED_CODE_TIME</c>, which is waiting or
/// native code) whose stack holds such a frame. On the woven side, the running threads' samples
/// (<c>[blocked]</c> and <c>[await]</c> leaves left out, so a wall-mode profile compares too);
/// <c>[GC]</c> is set apart, as the plain side's sampler cannot sample during a collection.
/// </remarks>
internal static class TruthComparison
{
    /// <summary>A function must have at least this share on either side to be listed, in percent.</summary>
    public const double ListedPercent = 0.5;

    /// <summary>
    /// Compares <paramref name="plain"/> with <paramref name="woven"/>; lists the <paramref name="top"/>
    /// heaviest rows and, whatever their weight, every row whose shares differ by more than
    /// <paramref name="threshold"/> points.
    /// </summary>
    public static TruthReport Compare(PlainTrace plain, Profile woven, int top, double threshold = 3)
    {
        var map = new FrameNameMap(woven.Frames.Select(f => f.Name));

        // Threads that run code the woven profile shows.
        var threads = plain.Stacks
            .Where(s => PlainTrace.IsRunning(s.State) && s.Frames.Any(f => map.Map(f) is not null))
            .Select(s => s.Thread).ToHashSet(StringComparer.Ordinal);
        var otherThreads = plain.Stacks.Where(s => !threads.Contains(s.Thread)).ToList();
        var onThreads = plain.Stacks.Where(s => threads.Contains(s.Thread)).ToList();
        var notRunning = onThreads.Where(s => !PlainTrace.IsRunning(s.State))
            .GroupBy(s => s.State!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Weight), StringComparer.Ordinal);
        var running = onThreads.Where(s => PlainTrace.IsRunning(s.State)).ToList();
        var fold = StackFolding.Fold(running, map.Map);

        // The plain side as a profile of the woven profile's frames: own time is each folded stack's leaf.
        var folded = FoldedProfile(fold, plain);
        var plainOwn = FunctionWeights.Of(folded).Where(f => f.Own > 0).ToDictionary(f => f.Name, f => (double)f.Own, StringComparer.Ordinal);
        double plainScale = plain.Unit == "ms" ? 1000 : 1;
        double plainTotal = plainOwn.Values.Sum();
        double readings = plainTotal / plainScale / plain.ReadingWeight;
        var onPlainStacks = fold.Kept.SelectMany(s => s.Frames).ToHashSet(StringComparer.Ordinal);

        // The woven side: running threads' samples, [GC] set apart.
        var wovenOwn = FunctionWeights.Of(woven, new FunctionWeightOptions { Stacks = s => IsRunning(woven, s) })
            .Where(f => f.Own > 0)
            .ToDictionary(f => f.Name, f => f.Own, StringComparer.Ordinal);
        wovenOwn.Remove(Frame.GarbageCollection.Name, out long gc);
        long wovenTotal = wovenOwn.Values.Sum();
        double perSample = ShareComparison.ObservationsPerSample(woven);

        var rows = plainOwn.Keys.Union(wovenOwn.Keys)
            .Select(name =>
            {
                double p = plainOwn.GetValueOrDefault(name);
                long w = wovenOwn.GetValueOrDefault(name);
                var (pLow, pHigh) = ShareComparison.Wilson(readings * Share(p, plainTotal), readings);
                var (wLow, wHigh) = ShareComparison.Wilson(w * perSample, wovenTotal * perSample);
                return new TruthRow(name, 100 * Share(p, plainTotal), 100 * pLow, 100 * pHigh,
                    100 * Share(w, wovenTotal), 100 * wLow, 100 * wHigh, onPlainStacks.Contains(name));
            })
            .OrderByDescending(r => r.PlainPercent).ThenByDescending(r => r.WovenPercent).ThenBy(r => r.Function, StringComparer.Ordinal)
            .ToArray();
        var heaviest = rows.Where(r => r.PlainPercent >= ListedPercent || r.WovenPercent >= ListedPercent).Take(top).ToHashSet();
        var listed = rows.Where(r => heaviest.Contains(r) || Math.Abs(r.Difference) > threshold).ToArray();

        // What the fold moved: the plain leaves that are not woven frames, by share of the compared time.
        var foldedLeaves = fold.Kept.Where(s => s.FoldedLeaf is not null)
            .GroupBy(s => s.FoldedLeaf!, StringComparer.Ordinal)
            .Select(g => (Frame: g.Key, Percent: 100 * Share(g.Sum(s => s.Weight) * plainScale, plainTotal)))
            .OrderByDescending(l => l.Percent).ThenBy(l => l.Frame, StringComparer.Ordinal)
            .ToArray();
        var ambiguous = running.SelectMany(s => s.Frames).Distinct(StringComparer.Ordinal)
            .Select(f => (Frame: f, Mapping: map.Resolve(f)))
            .Where(m => m.Mapping.Ambiguous is not null)
            .Select(m => $"{m.Frame} (could be {string.Join(" or ", m.Mapping.Ambiguous!)})")
            .OrderBy(m => m, StringComparer.Ordinal).ToArray();

        return new TruthReport(rows, listed, folded,
            new PlainSide(plain.Source, plain.Unit, plain.ReadingWeight, threads.OrderBy(t => t, StringComparer.Ordinal).ToArray(),
                plainTotal / plainScale, readings, notRunning, fold.DroppedWeight,
                otherThreads.Select(s => s.Thread).Distinct(StringComparer.Ordinal).Count(), otherThreads.Sum(s => s.Weight),
                foldedLeaves, ambiguous),
            new WovenSide(woven.Metadata.Mode, woven.Metadata.RateHz, wovenTotal, gc, woven.Metadata.FoldedMethods, woven.Metadata.GuardedMethods));
    }

    // A sample of a thread that was running: not a [blocked] or [await] leaf.
    private static bool IsRunning(Profile profile, ProfileStack stack)
    {
        string leaf = profile.Frames[stack.Frames[^1]].Name;
        return leaf != Frame.Blocked.Name && leaf != Frame.Await.Name;
    }

    private static double Share(double part, double total) => total <= 0 ? 0 : part / total;

    // Weights in microseconds at a "rate" of a million per second, so the profile's times read
    // true in reports; sample counts as they are.
    private static Profile FoldedProfile(FoldResult fold, PlainTrace plain)
    {
        bool time = plain.Unit == "ms";
        var builder = new ProfileBuilder();
        var threads = new Dictionary<string, ProfileThread>(StringComparer.Ordinal);
        foreach (var stack in fold.Kept)
        {
            long weight = (long)Math.Round(time ? stack.Weight * 1000 : stack.Weight);
            if (weight < 1)
                continue;
            if (!threads.TryGetValue(stack.Thread, out var thread))
                threads.Add(stack.Thread, thread = new ProfileThread(threads.Count + 1, stack.Thread));
            builder.AddStack(thread, stack.Frames.Select(f => new Frame(f)), weight);
        }
        return builder.Build(new ProfileMetadata(ProfileMode.Cpu, time ? 1_000_000 : 0, TimeSpan.Zero, Program: plain.Source));
    }
}

/// <summary>One function: its own-time share on each side, with 95% (Wilson) intervals, in percent.</summary>
/// <param name="Function">The woven profile's frame name.</param>
/// <param name="PlainPercent">Share of the plain build's compared samples (time-weighted, as dotnet-trace weighs them).</param>
/// <param name="PlainLow">Lower end of its interval.</param>
/// <param name="PlainHigh">Upper end.</param>
/// <param name="WovenPercent">Share of the woven build's compared samples.</param>
/// <param name="WovenLow">Lower end of its interval.</param>
/// <param name="WovenHigh">Upper end.</param>
/// <param name="OnPlainStacks">Whether the function is a frame of any plain stack (false: the plain build's JIT inlined it everywhere, or it ran too briefly to be sampled).</param>
internal sealed record TruthRow(string Function, double PlainPercent, double PlainLow, double PlainHigh, double WovenPercent, double WovenLow, double WovenHigh, bool OnPlainStacks)
{
    /// <summary>Woven minus plain share, in percentage points.</summary>
    public double Difference => WovenPercent - PlainPercent;
}

/// <summary>What was counted on the plain side and what was left out.</summary>
/// <param name="Source">Who wrote the trace.</param>
/// <param name="Unit">ms or samples.</param>
/// <param name="ReadingWeight">One reading's weight (the sampler's interval in ms, or 1).</param>
/// <param name="Threads">The threads compared: those running code the woven profile shows.</param>
/// <param name="Compared">Weight compared (ms or samples).</param>
/// <param name="Readings">About how many readings that is.</param>
/// <param name="NotRunning">Weight of the compared threads' samples in another state than running (by state), left out.</param>
/// <param name="NoFrame">Weight of running samples on those threads with no frame the woven profile shows (start-up, runtime code), left out.</param>
/// <param name="OtherThreads">How many threads never ran such code, left out.</param>
/// <param name="OtherThreadsWeight">Their weight.</param>
/// <param name="FoldedLeaves">Plain leaves that the woven profile does not show, heaviest first, with the share of the compared time folded from them into their callers.</param>
/// <param name="Ambiguous">Frames that could be several woven frames, so were folded into their callers.</param>
internal sealed record PlainSide(string Source, string Unit, double ReadingWeight, IReadOnlyList<string> Threads, double Compared, double Readings,
    IReadOnlyDictionary<string, double> NotRunning, double NoFrame, int OtherThreads, double OtherThreadsWeight,
    IReadOnlyList<(string Frame, double Percent)> FoldedLeaves, IReadOnlyList<string> Ambiguous);

/// <summary>What was counted on the woven side.</summary>
/// <param name="Mode">Its sampling mode.</param>
/// <param name="RateHz">Its rate.</param>
/// <param name="Samples">Samples compared (running threads, without <c>[GC]</c>).</param>
/// <param name="GcSamples">Samples of <c>[GC]</c>, set apart.</param>
/// <param name="FoldedMethods">Methods its build left unmarked (the size rule).</param>
/// <param name="GuardedMethods">Methods its build marked after their entry guards: a call that returned there is its caller's time.</param>
internal sealed record WovenSide(ProfileMode Mode, int RateHz, long Samples, long GcSamples, int FoldedMethods, int GuardedMethods)
{
    /// <summary>The <c>[GC]</c> share of the running samples, in percent.</summary>
    public double GcPercent => Samples + GcSamples == 0 ? 0 : 100.0 * GcSamples / (Samples + GcSamples);
}

/// <summary>The outcome of <see cref="TruthComparison.Compare"/>.</summary>
/// <param name="Rows">Every function of either side, heaviest plain share first.</param>
/// <param name="Listed">Those listed: the heaviest (at least 0.5% on either side, at most the top asked for) and every one that differs by more than the threshold.</param>
/// <param name="FoldedPlain">The plain trace folded onto the woven frames, as a profile (weights in µs at a million per second, or samples).</param>
/// <param name="Plain">The plain side's counts.</param>
/// <param name="Woven">The woven side's counts.</param>
internal sealed record TruthReport(IReadOnlyList<TruthRow> Rows, IReadOnlyList<TruthRow> Listed, Profile FoldedPlain, PlainSide Plain, WovenSide Woven);

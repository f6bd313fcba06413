using System;
using System.Threading;
using HybridProf.Configuration;
using HybridProf.Markers;
using HybridProf.Methods;
using HybridProf.Model;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// A made-up profile, built once through the same aggregator, stack table and builder as a real
/// one, so that a session calls its code for the first time when it starts and never later.
/// <para>
/// Why it matters: the runtime stops promoting hot methods to optimized code for at least
/// 100 ms (its call-counting delay) whenever any method is called for the first time, and
/// each new first call extends the stop. A session that reached a path of its own for the
/// first time a few seconds into the run (the stack table's first resize, the first
/// checkpoint, the first late tick) held the app's methods in unoptimized code each time:
/// on Markdig that cost more than the sampling itself (docs/benchmarks.md). At start-up the
/// app is making first calls of its own, so the delay is on anyway.
/// </para>
/// </summary>
internal static class ScratchProfile
{
    // Enough distinct paths, on two threads, to grow every table of the aggregator a few times.
    private const int Paths = 400;
    private static readonly int[] Specials = { MethodFrames.Blocked, MethodFrames.Await, MethodFrames.GarbageCollection, MethodFrames.Truncated };
    private static long s_lateTicks;

    /// <summary>Builds the made-up profile; the same kind of metadata as <paramref name="mode"/> at <paramref name="rateHz"/> would have.</summary>
    public static Profile Build(ProfileMode mode, int rateHz)
    {
        var aggregator = new SampleAggregator(ProfilerOptions.DefaultMaxCallPaths);
        int fixedThread = aggregator.ThreadIndex(1, 1, "scratch");
        var frames = new int[4];
        for (int i = 0; i < Paths; i++)
        {
            frames[0] = 1 + i % 7;
            frames[1] = 1 + i / 7 % 13;
            frames[2] = 1 + i / 91;
            frames[3] = Specials[i % Specials.Length];
            // Both ways in: a thread of the profile's own, and a sampled one (this one).
            if (i % 2 == 0)
                aggregator.Add(fixedThread, frames, 1 + i % frames.Length, truncated: i % 50 == 0, weight: 1 + i % 3, reading: true);
            else
                aggregator.Add(2, Thread.CurrentThread, frames, 1 + i % frames.Length, truncated: i % 50 == 0, weight: 1 + i % 3, reading: true);
        }
        // Wall mode's paths that wait for what a run meets at any moment: its first async
        // operation, its first blocked thread (whose wait may be counted elsewhere).
        AwaitSampler.WarmUp(aggregator);
        var blocked = new ShadowStack(Thread.CurrentThread);
        blocked.PushAt(1, 0);
        blocked.WaitsForWorkCountedElsewhere();
        // The sampler adds late ticks to its count with this.
        Interlocked.Add(ref s_lateTicks, 0);
        var metadata = new ProfileMetadata(mode, rateHz, TimeSpan.FromSeconds(1), Interlocked.Read(ref s_lateTicks), aggregator.Observations, ProgramName.Current, MethodRegistry.FoldedCount, MethodRegistry.GuardedCount);
        return aggregator.Build(metadata);
    }
}

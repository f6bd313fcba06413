using System;
using System.Collections.Generic;
using System.Diagnostics;
using HybridProf.Markers;
using HybridProf.Methods;
using HybridProf.Model;
using HybridProf.Platform;

namespace HybridProf.Deterministic;

/// <summary>
/// A window on the process-wide deterministic recording. Threads record from start-up
/// (the mode is fixed then); a session remembers every counter at its start and reports
/// the difference, so several sessions (and tests) can share one process. Nothing here
/// runs on an application thread's hot path.
/// </summary>
internal sealed class RecordingSession
{
    private readonly Dictionary<CallNode, (long Calls, long Own)> _baseline = new();
    private readonly Dictionary<ThreadRecorder, (long[] Wall, long[] Completions)> _wallBaseline = new();
    private readonly long _start;

    public RecordingSession()
    {
        if (!MarkerMode.Deterministic)
            throw new InvalidOperationException("Deterministic mode is chosen at start-up: set HYBRIDPROF_MODE=deterministic (or the AppContext switch HybridProf.Deterministic) before the first instrumented call.");
        _start = Stopwatch.GetTimestamp();
        foreach (var recorder in RecorderRegistry.Snapshot())
        {
            long now = Stopwatch.GetTimestamp();
            foreach (var (node, _) in CallTree.Walk(recorder.Root))
                _baseline[node] = (node.Calls, node.Own + Pending(recorder, node, now));
            var (wall, completions) = recorder.WallTimes;
            _wallBaseline[recorder] = ((long[])wall.Clone(), (long[])completions.Clone());
        }
    }

    /// <summary>Stopwatch timestamp of the session's start.</summary>
    public long Start => _start;

    /// <summary>The profile of everything recorded since the start: per-path own times, per-function and per-edge figures, the timeline.</summary>
    public Profile Build()
    {
        long end = Stopwatch.GetTimestamp();
        var builder = new ProfileBuilder();
        var frames = new FrameTable(builder);
        var merged = new MergedNode(0);
        var wall = new Dictionary<int, (long Ticks, long Count)>();
        var timeline = new List<TimelineCall>();
        long dropped = 0;
        var path = new List<int>();

        foreach (var recorder in RecorderRegistry.Snapshot())
        {
            var owner = recorder.Owner;
            int thread = builder.AddThread(new ProfileThread(owner.ManagedThreadId, owner.Name ?? $"thread {owner.ManagedThreadId}"));
            long now = Stopwatch.GetTimestamp();
            var mergedPath = new List<MergedNode> { merged };
            foreach (var (node, depth) in CallTree.Walk(recorder.Root))
            {
                if (depth == 0)
                    continue;
                // Walk gives a pre-order with depths: trim the path to this node's parent.
                path.RemoveRange(depth - 1, path.Count - (depth - 1));
                mergedPath.RemoveRange(depth, mergedPath.Count - depth);
                path.Add(frames.Index(node.Method));
                _baseline.TryGetValue(node, out var before);
                long calls = node.Calls - before.Calls;
                long own = node.Own + Pending(recorder, node, now) - before.Own;
                var target = mergedPath[depth - 1].Child(node.Method);
                target.Calls += calls;
                target.Own += own;
                mergedPath.Add(target);
                long ns = Nanoseconds(own);
                if (ns > 0)
                    builder.AddStack(thread, path, ns);
            }

            _wallBaseline.TryGetValue(recorder, out var wallBefore);
            var (ticks, counts) = recorder.WallTimes;
            for (int id = 1; id < Math.Min(ticks.Length, counts.Length); id++)
            {
                long count = counts[id] - At(wallBefore.Completions, id);
                if (count <= 0)
                    continue;
                wall.TryGetValue(id, out var sum);
                wall[id] = (sum.Ticks + ticks[id] - At(wallBefore.Wall, id), sum.Count + count);
            }

            foreach (var e in recorder.Events)
            {
                if (e.Start >= _start)
                    timeline.Add(new TimelineCall(thread, frames.Index(e.Method), Nanoseconds(e.Start - _start), Nanoseconds(e.End - e.Start), e.Resumed));
            }
            dropped += recorder.DroppedEvents;
        }

        var timings = CallTree.Summarize(merged, frames, wall, Nanoseconds, timeline, dropped);
        var metadata = new ProfileMetadata(ProfileMode.Deterministic, 0, TimeSpan.FromSeconds((end - _start) / (double)Stopwatch.Frequency), Program: ProgramName.Current, FoldedMethods: MethodRegistry.FoldedCount, GuardedMethods: MethodRegistry.GuardedCount);
        return builder.Build(metadata, timings);
    }

    private static long At(long[]? values, int index) => values is not null && index < values.Length ? values[index] : 0;

    // The path on top of a thread has been running since its last event: charge it in the snapshot only.
    private static long Pending(ThreadRecorder recorder, CallNode node, long now) =>
        node == recorder.Top && node != recorder.Root ? Math.Max(0, now - recorder.LastEvent) : 0;

    private static readonly double s_nanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    internal static long Nanoseconds(long ticks) => (long)Math.Round(ticks * s_nanosecondsPerTick);

    /// <summary>Profile frames for method ids, added to the builder on first use.</summary>
    internal sealed class FrameTable
    {
        private readonly ProfileBuilder _builder;
        private readonly Dictionary<int, (int Index, Frame Frame)> _frames = new();

        public FrameTable(ProfileBuilder builder) => _builder = builder;

        public int Index(int method) => Get(method).Index;

        public Frame Frame(int method) => Get(method).Frame;

        private (int Index, Frame Frame) Get(int method)
        {
            if (!_frames.TryGetValue(method, out var entry))
            {
                var frame = MethodFrames.Frame(method);
                _frames[method] = entry = (_builder.AddFrame(frame), frame);
            }
            return entry;
        }
    }
}

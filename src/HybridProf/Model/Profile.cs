using System;
using System.Collections.Generic;
using System.Linq;

namespace HybridProf.Model;

/// <summary>
/// An immutable profile: frames, threads and the distinct stacks with their weights.
/// Every exporter reads this and nothing else, so formats can be tested on hand-built profiles.
/// </summary>
public sealed class Profile
{
    internal Profile(
        IReadOnlyList<Frame> frames,
        IReadOnlyList<ProfileThread> threads,
        IReadOnlyList<ProfileStack> stacks,
        ProfileMetadata metadata,
        CallTimings? timings = null)
    {
        Timings = timings;
        Frames = frames;
        Threads = threads;
        Stacks = stacks;
        Metadata = metadata;
    }

    /// <summary>Distinct functions; stacks refer to them by index.</summary>
    public IReadOnlyList<Frame> Frames { get; }

    /// <summary>Threads; stacks refer to them by index.</summary>
    public IReadOnlyList<ProfileThread> Threads { get; }

    /// <summary>Distinct (thread, stack) pairs with their weights, in a stable order.</summary>
    public IReadOnlyList<ProfileStack> Stacks { get; }

    /// <summary>How the profile was taken.</summary>
    public ProfileMetadata Metadata { get; }

    /// <summary>
    /// Deterministic mode: exact calls and times per function and per caller→callee edge, and
    /// the timeline when one was recorded; null for sampled profiles and profiles read from files.
    /// </summary>
    public CallTimings? Timings { get; }

    /// <summary>Sum of all stack weights.</summary>
    public long TotalSamples => Stacks.Sum(s => s.Samples);

    /// <summary>The stack's frame names, root first.</summary>
    public IEnumerable<string> FrameNames(ProfileStack stack) => stack.Frames.Select(f => Frames[f].Name);

    /// <summary>An empty profile, e.g. for a run that sampled nothing.</summary>
    public static Profile Empty(ProfileMetadata metadata) =>
        new(Array.Empty<Frame>(), Array.Empty<ProfileThread>(), Array.Empty<ProfileStack>(), metadata);
}

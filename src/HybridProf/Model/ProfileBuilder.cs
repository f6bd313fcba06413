using System;
using System.Collections.Generic;
using System.Linq;

namespace HybridProf.Model;

/// <summary>
/// Builds a <see cref="Profile"/> from stacks given as frame lists; identical frames, threads
/// and (thread, stack) pairs are merged. Used by the sampler, the readers and tests.
/// </summary>
public sealed class ProfileBuilder
{
    private readonly IndexedSet<Frame> _frames = new();
    private readonly IndexedSet<ProfileThread> _threads = new();
    private readonly Dictionary<StackKey, long> _stacks = new();

    /// <summary>Index of a frame, adding it on first use.</summary>
    public int AddFrame(Frame frame) => _frames.Add(frame);

    /// <summary>Index of a thread, adding it on first use.</summary>
    public int AddThread(ProfileThread thread) => _threads.Add(thread);

    /// <summary>Adds <paramref name="samples"/> to a stack of frame indices, root first.</summary>
    /// <exception cref="ArgumentException">An index is unknown, the stack is empty or the weight is not positive.</exception>
    public void AddStack(int thread, IReadOnlyList<int> frames, long samples)
    {
        if (samples <= 0)
            throw new ArgumentException($"A stack's weight must be positive, not {samples}.", nameof(samples));
        if (frames.Count == 0)
            throw new ArgumentException("A stack needs at least one frame.", nameof(frames));
        if ((uint)thread >= (uint)_threads.Count)
            throw new ArgumentException($"Thread index {thread} was never added.", nameof(thread));
        foreach (int f in frames)
        {
            if ((uint)f >= (uint)_frames.Count)
                throw new ArgumentException($"Frame index {f} was never added.", nameof(frames));
        }

        var key = new StackKey(thread, frames.ToArray());
        _stacks.TryGetValue(key, out long existing);
        _stacks[key] = existing + samples;
    }

    /// <summary>Adds a stack given by frames, root first.</summary>
    public void AddStack(ProfileThread thread, IEnumerable<Frame> frames, long samples) =>
        AddStack(AddThread(thread), frames.Select(AddFrame).ToArray(), samples);

    /// <summary>The profile, with stacks ordered by thread, then by frame names (ordinal), so output is deterministic.</summary>
    public Profile Build(ProfileMetadata metadata) => Build(metadata, null);

    internal Profile Build(ProfileMetadata metadata, CallTimings? timings)
    {
        var stacks = _stacks
            .Select(kv => new ProfileStack(kv.Key.Thread, kv.Key.Frames, kv.Value))
            .OrderBy(s => s.Thread)
            .ThenBy(s => string.Join(";", s.Frames.Select(f => _frames[f].Name)), StringComparer.Ordinal)
            .ToArray();
        return new Profile(_frames.ToArray(), _threads.ToArray(), stacks, metadata, timings);
    }

    private sealed class StackKey : IEquatable<StackKey>
    {
        private readonly int _hash;

        public StackKey(int thread, int[] frames)
        {
            Thread = thread;
            Frames = frames;
            int hash = thread;
            foreach (int f in frames)
                hash = unchecked(hash * 31 + f);
            _hash = hash;
        }

        public int Thread { get; }
        public int[] Frames { get; }

        public bool Equals(StackKey? other) =>
            other is not null && other.Thread == Thread && other.Frames.AsSpan().SequenceEqual(Frames);

        public override bool Equals(object? obj) => Equals(obj as StackKey);
        public override int GetHashCode() => _hash;
    }
}

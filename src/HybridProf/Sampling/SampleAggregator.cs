using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using HybridProf.Configuration;
using HybridProf.Methods;
using HybridProf.Model;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// Counts samples per (thread, interned stack) and turns them into a <see cref="Profile"/>.
/// Written by the sampler thread only; <see cref="Build"/> may run on another thread, so
/// both take one private lock (never shared with sampled threads). The tick's methods are
/// compiled once and call only code of ours (<see cref="CompiledOnce"/>).
/// </summary>
internal sealed class SampleAggregator
{
    private readonly object _gate = new();
    private readonly StackTrie _trie;
    private readonly int _maxCounts;
    // Samples per (thread index << 32 | trie node).
    private readonly LongKeyTable _counts = new();
    private readonly List<(int Id, string Name)> _threads = new();
    // Thread index per thread key (a shadow stack's serial number, or a fixed key of its own).
    private readonly LongKeyTable _threadIndex = new();

    /// <param name="maxCallPaths">Bound of the stack table; twice as many (thread, stack) counts are kept.</param>
    public SampleAggregator(int maxCallPaths = ProfilerOptions.DefaultMaxCallPaths)
    {
        _trie = new StackTrie(maxCallPaths);
        // A stack can be counted on several threads, so the counts get room beyond the paths.
        _maxCounts = 2 * maxCallPaths;
    }

    public long TotalSamples { get; private set; }

    /// <summary>Readings of a thread's stack (adds with <c>reading: true</c>); each may weigh several samples.</summary>
    public long Observations { get; private set; }

    /// <summary>
    /// Counts <paramref name="weight"/> samples of a stack (root first) on the sampled thread
    /// <paramref name="threadKey"/> names, whose name and id are read the first time only. One
    /// lock for the thread's index and the count: the tick calls this for every sample.
    /// </summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public void Add(long threadKey, Thread owner, int[] frames, int count, bool truncated, long weight, bool reading = false)
    {
        lock (_gate)
        {
            int thread = _threadIndex.TryGetValue(threadKey, out long index)
                ? (int)index
                : NewThread(threadKey, owner.ManagedThreadId, owner.Name ?? $"thread {owner.ManagedThreadId}");
            AddLocked(thread, frames, count, truncated, weight, reading);
        }
    }

    /// <summary>The index of a thread of the profile's own (<c>GC</c>, async operations) under a fixed <paramref name="key"/>.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public int ThreadIndex(long key, int managedId, string name)
    {
        lock (_gate)
            return _threadIndex.TryGetValue(key, out long index) ? (int)index : NewThread(key, managedId, name);
    }

    private int NewThread(long key, int managedId, string name)
    {
        int index = _threads.Count;
        _threads.Add((managedId, name));
        _threadIndex.Set(key, index);
        return index;
    }

    /// <summary>Counts <paramref name="weight"/> samples of a stack (root first) on <paramref name="thread"/>, an index from <c>ThreadIndex</c>.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    public void Add(int thread, int[] frames, int count, bool truncated, long weight, bool reading = false)
    {
        lock (_gate)
            AddLocked(thread, frames, count, truncated, weight, reading);
    }

    [MethodImpl(CompiledOnce.Optimized)]
    private void AddLocked(int thread, int[] frames, int count, bool truncated, long weight, bool reading)
    {
        int node = _trie.Intern(frames, count, out bool capped);
        if (truncated || capped)
            node = _trie.Child(node, MethodFrames.Truncated);
        // The counts are capped like the trie: past it, a new (thread, stack) pair is
        // counted as that thread's [truncated], so memory stays bounded on long runs.
        if (!_counts.TryGetValue(CountKey(thread, node), out long existing) && _counts.Count >= _maxCounts)
        {
            node = _trie.Child(0, MethodFrames.Truncated);
            _counts.TryGetValue(CountKey(thread, node), out existing);
        }
        _counts.Set(CountKey(thread, node), existing + weight);
        TotalSamples += weight;
        if (reading)
            Observations++;
    }

    private static long CountKey(int thread, int node) => ((long)thread << 32) | (uint)node;

    public Profile Build(ProfileMetadata metadata)
    {
        lock (_gate)
        {
            var builder = new ProfileBuilder();
            var frameIndex = new Dictionary<int, int>();
            // Threads in the order they were first sampled, as the profile lists them.
            var threads = new int[_threads.Count];
            for (int t = 0; t < threads.Length; t++)
                threads[t] = builder.AddThread(new ProfileThread(_threads[t].Id, _threads[t].Name));
            for (int slot = 0; slot < _counts.Capacity; slot++)
            {
                if (!_counts.TryGetSlot(slot, out long key, out long samples))
                    continue;
                int thread = threads[(int)(key >> 32)];
                var path = _trie.PathOf((int)key);
                var frames = new int[path.Count];
                for (int i = 0; i < frames.Length; i++)
                {
                    if (!frameIndex.TryGetValue(path[i], out int f))
                        frameIndex[path[i]] = f = builder.AddFrame(MethodFrames.Frame(path[i]));
                    frames[i] = f;
                }
                builder.AddStack(thread, frames, samples);
            }
            return builder.Build(metadata);
        }
    }
}

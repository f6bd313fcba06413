using System;
using System.Collections.Generic;
using HybridProf.Configuration;
using HybridProf.Methods;
using HybridProf.Model;

namespace HybridProf.Sampling;

/// <summary>
/// Counts samples per (thread, interned stack) and turns them into a <see cref="Profile"/>.
/// Written by the sampler thread only; <see cref="Build"/> may run on another thread, so
/// both take one private lock (never shared with sampled threads).
/// </summary>
internal sealed class SampleAggregator
{
    private readonly object _gate = new();
    private readonly StackTrie _trie;
    private readonly int _maxCounts;
    private readonly Dictionary<(int Thread, int Node), long> _counts = new();
    private readonly List<(int Id, string Name)> _threads = new();
    private readonly Dictionary<object, int> _threadIndex = new()  /* keys are ShadowStack objects: reference equality */;

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

    public void Add(object threadKey, int managedId, string threadName, int[] frames, int count, bool truncated, long weight, bool reading = false)
    {
        lock (_gate)
        {
            int thread = ThreadIndex(threadKey, managedId, threadName);
            int node = _trie.Intern(frames, count, out bool capped);
            if (truncated || capped)
                node = _trie.Child(node, MethodFrames.Truncated);
            // The counts are capped like the trie: past it, a new (thread, stack) pair is
            // counted as that thread's [truncated], so memory stays bounded on long runs.
            if (_counts.Count >= _maxCounts && !_counts.ContainsKey((thread, node)))
                node = _trie.Child(0, MethodFrames.Truncated);
            _counts.TryGetValue((thread, node), out long existing);
            _counts[(thread, node)] = existing + weight;
            TotalSamples += weight;
            if (reading)
                Observations++;
        }
    }

    private int ThreadIndex(object key, int managedId, string name)
    {
        if (!_threadIndex.TryGetValue(key, out int index))
        {
            index = _threads.Count;
            _threads.Add((managedId, name));
            _threadIndex.Add(key, index);
        }
        return index;
    }

    public Profile Build(ProfileMetadata metadata)
    {
        lock (_gate)
        {
            var builder = new ProfileBuilder();
            var frameIndex = new Dictionary<int, int>();
            foreach (var entry in _counts)
            {
                var (id, name) = _threads[entry.Key.Thread];
                int thread = builder.AddThread(new ProfileThread(id, name));
                var path = _trie.PathOf(entry.Key.Node);
                var frames = new int[path.Count];
                for (int i = 0; i < frames.Length; i++)
                {
                    if (!frameIndex.TryGetValue(path[i], out int f))
                        frameIndex[path[i]] = f = builder.AddFrame(MethodFrames.Frame(path[i]));
                    frames[i] = f;
                }
                builder.AddStack(thread, frames, entry.Value);
            }
            return builder.Build(metadata);
        }
    }

}

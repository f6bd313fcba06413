using System;
using System.Diagnostics;
using System.Threading;
using HybridProf.Markers;
using HybridProf.Model;

namespace HybridProf.Sampling;

/// <summary>
/// A background thread that wakes at a fixed rate and copies every instrumented thread's
/// shadow stack, without stopping or locking the threads it reads.
/// </summary>
internal sealed class Sampler : IDisposable
{
    private readonly SamplerOptions _options;
    private readonly SampleAggregator _aggregator = new();
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly Thread _thread;
    private readonly int[] _buffer = new int[ShadowStack.MaxRecordedDepth];
    private readonly long _intervalTicks;
    private readonly GcPauseTracker _gcPauses;
    private readonly Stopwatch _clock = new();
    private Exception? _fault;
    private long _missedTicks;

    public Sampler(SamplerOptions options)
    {
        _options = options;
        _intervalTicks = Stopwatch.Frequency / Math.Max(1, options.RateHz);
        _gcPauses = new GcPauseTracker(TimeSpan.FromTicks(TimeSpan.TicksPerSecond / Math.Max(1, options.RateHz)));
        _thread = new Thread(Run) { IsBackground = true, Name = "HybridProf sampler", Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>Samples taken so far.</summary>
    public long TotalSamples => _aggregator.TotalSamples;

    /// <summary>The fault that stopped sampling, if any; the app itself is never disturbed.</summary>
    public Exception? Fault => _fault;

    public void Start()
    {
        _clock.Start();
        _thread.Start();
    }

    /// <summary>Stops the thread (waiting at most a second) and returns what was sampled.</summary>
    public Profile Stop()
    {
        _stop.Set();
        if (Thread.CurrentThread != _thread)
            _thread.Join(TimeSpan.FromSeconds(1));
        return Snapshot();
    }

    /// <summary>A profile of the samples so far; sampling continues.</summary>
    public Profile Snapshot() =>
        _aggregator.Build(new ProfileMetadata(_options.Mode, _options.RateHz, _clock.Elapsed, Interlocked.Read(ref _missedTicks)));

    public void Dispose() => Stop();

    private void Run()
    {
        var jitter = new Random(Environment.TickCount);
        long next = _clock.ElapsedTicks + _intervalTicks;
        long lastPurge = 0;
        try
        {
            while (true)
            {
                // Deadline timer: aim at next ± 10% so periodic work in the app cannot alias
                // with the sampler, and sleep only the remainder so the rate does not drift.
                long target = next + (long)((jitter.NextDouble() - 0.5) * 0.2 * _intervalTicks);
                long wait = target - _clock.ElapsedTicks;
                if (wait > 0 && _stop.Wait(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency)))
                    return;
                if (_stop.IsSet)
                    return;

                SampleAllThreads();

                long now = _clock.ElapsedTicks;
                next += _intervalTicks;
                if (now > next + _intervalTicks)
                {
                    // Late by more than a tick: report it instead of hiding it, and restart the cadence.
                    Interlocked.Add(ref _missedTicks, (now - next) / _intervalTicks);
                    next = now + _intervalTicks;
                }
                if (now - lastPurge > Stopwatch.Frequency)
                {
                    ThreadRegistry.Purge();
                    lastPurge = now;
                }
            }
        }
        catch (Exception e)
        {
            // A fault stops profiling with a message; it never takes the app down.
            _fault = e;
            Diagnostics.Warn($"sampling stopped after an internal error: {e.GetType().Name}: {e.Message}");
        }
    }

    private void SampleAllThreads()
    {
        bool cpuMode = _options.Mode == ProfileMode.Cpu;
        long cpuThreshold = 1_000_000_000L / Math.Max(1, _options.RateHz) / 4;
        foreach (var stack in ThreadRegistry.Snapshot())
        {
            // An idle thread (empty shadow stack) costs one read and nothing else.
            if (Volatile.Read(ref stack.Depth) == 0)
                continue;
            if (cpuMode && !RanSinceLastSample(stack, cpuThreshold))
                continue;
            int count = stack.CopyTo(_buffer, out bool truncated);
            if (count == 0)
                continue;
            var owner = stack.Owner;
            _aggregator.Add(stack, owner.ManagedThreadId, owner.Name ?? $"thread {owner.ManagedThreadId}", _buffer, count, truncated, 1);
        }

        int gcSamples = _gcPauses.TakeWholeIntervals();
        if (gcSamples > 0)
        {
            _buffer[0] = SampleAggregator.GarbageCollectionFrame;
            _aggregator.Add(_gcPauses, 0, "GC", _buffer, 1, false, gcSamples);
        }
    }

    /// <summary>
    /// True when the thread used at least a quarter of a sampling interval of CPU since it
    /// was last read: a thread that only woke briefly between waits counts as waiting.
    /// </summary>
    private static bool RanSinceLastSample(ShadowStack stack, long thresholdNanoseconds)
    {
        if (!stack.Clock.TryRead(out long cpu))
            return true; // no clock here (documented: cpu falls back to wall)
        long last = stack.LastCpuNanoseconds;
        stack.LastCpuNanoseconds = cpu;
        return last >= 0 && cpu - last >= thresholdNanoseconds;
    }
}

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
    private ShadowStack[] _active = new ShadowStack[16];
    private long[] _cpuBefore = new long[16];
    private long _classifiedAt;
    private readonly AwaitSampler _awaits;
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
        _awaits = new AwaitSampler(_aggregator);
        _thread = new Thread(Run) { IsBackground = true, Name = "HybridProf sampler", Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>Samples taken so far.</summary>
    public long TotalSamples => _aggregator.TotalSamples;

    /// <summary>The fault that stopped sampling, if any; the app itself is never disturbed.</summary>
    public Exception? Fault => _fault;

    public void Start()
    {
        if (_options.Mode == ProfileMode.Wall)
            PendingOperations.Acquire();
        _clock.Start();
        _thread.Start();
    }

    /// <summary>Stops the thread (waiting at most a second) and returns what was sampled.</summary>
    public Profile Stop()
    {
        _stop.Set();
        if (Thread.CurrentThread != _thread)
            _thread.Join(TimeSpan.FromSeconds(1));
        var profile = Snapshot();
        if (_options.Mode == ProfileMode.Wall)
            PendingOperations.Release();
        return profile;
    }

    /// <summary>A profile of the samples so far; sampling continues.</summary>
    public Profile Snapshot()
    {
        if (_options.Mode == ProfileMode.Wall)
            _awaits.Flush();
        return _aggregator.Build(new ProfileMetadata(_options.Mode, _options.RateHz, _clock.Elapsed, Interlocked.Read(ref _missedTicks)));
    }

    public void Dispose() => Stop();

    private void Run()
    {
        var jitter = new Random(Environment.TickCount);
        long last = _clock.ElapsedTicks;
        long next = last + _intervalTicks;
        double credit = 0;
        long lastPurge = 0;
        try
        {
            while (true)
            {
                // Deadline timer: aim at next ± 10% so periodic work in the app cannot alias
                // with the sampler, and sleep only the remainder so the rate does not drift.
                long target = next + (long)((jitter.NextDouble() - 0.5) * 0.2 * _intervalTicks);
                long wait = target - _clock.ElapsedTicks;
                // Waits have millisecond granularity; rounding down would turn sub-millisecond
                // waits into none and bunch the ticks, so round up and report any lateness.
                if (wait > 0 && _stop.Wait((int)Math.Ceiling(wait * 1000.0 / Stopwatch.Frequency)))
                    return;
                if (_stop.IsSet)
                    return;

                // A late tick stands for every interval since the last one, so a sampler
                // starved by a busy machine still gives each stack its share of the time.
                // Credit carries fractions over, so the weights add up to the elapsed intervals.
                long now = _clock.ElapsedTicks;
                credit += (double)(now - last) / _intervalTicks;
                last = now;
                int weight = (int)Math.Min(int.MaxValue, Math.Floor(credit));
                credit -= weight;
                if (weight > 0)
                    SampleOnce(weight);

                next += _intervalTicks;
                if (now > next + _intervalTicks)
                {
                    // Late by more than a tick: report it, and restart the cadence.
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

    /// <summary>One tick: reads every instrumented thread once, each sample counting <paramref name="weight"/> intervals. Internal for the benchmarks.</summary>
    internal void SampleOnce(int weight = 1)
    {
        bool wall = _options.Mode == ProfileMode.Wall;
        int count = CollectActiveThreads();
        for (int i = 0; i < count; i++)
        {
            var stack = _active[i];
            double running = RunningShare(stack, _cpuBefore[i], _classifiedAt);
            bool blocked = running < RunnableShare;
            if (!wall && blocked)
                continue;
            int depth = stack.CopyTo(_buffer, out bool truncated);
            if (depth == 0)
                continue;
            if (blocked && !truncated && depth < _buffer.Length)
                _buffer[depth++] = SampleAggregator.BlockedFrame;
            var owner = stack.Owner;
            _aggregator.Add(stack, owner.ManagedThreadId, owner.Name ?? $"thread {owner.ManagedThreadId}", _buffer, depth, truncated, weight);
        }
        if (wall)
            _awaits.Tick(weight);

        int gcSamples = _gcPauses.TakeWholeIntervals();
        if (gcSamples > 0)
        {
            _buffer[0] = SampleAggregator.GarbageCollectionFrame;
            _aggregator.Add(_gcPauses, 0, "GC", _buffer, 1, false, gcSamples);
        }
    }

    /// <summary>Gathers the threads inside instrumented code; an idle thread (empty shadow stack) costs one read.</summary>
    private int CollectActiveThreads()
    {
        var threads = ThreadRegistry.Snapshot();
        if (_active.Length < threads.Length)
        {
            _active = new ShadowStack[threads.Length * 2];
            _cpuBefore = new long[threads.Length * 2];
        }
        int count = 0;
        foreach (var stack in threads)
        {
            if (Volatile.Read(ref stack.Depth) > 0)
                _active[count++] = stack;
        }
        // First of the two clock readings IsRunnable compares (see there).
        for (int i = 0; i < count; i++)
            _cpuBefore[i] = _active[i].Clock.TryRead(out long cpu) ? cpu : -1;
        _classifiedAt = Stopwatch.GetTimestamp();
        return count;
    }

    // A thread not on a CPU at the sampled instant still counts as runnable (cpu mode keeps
    // it, wall mode does not mark it [blocked]) when it ran at least this share of the time
    // since its last reading: the sampler or another process displaced it. A thread starved
    // below it by heavy oversubscription reads as waiting (documented).
    private const double RunnableShare = 0.2;

    /// <summary>
    /// How much a thread is running, judged from CPU clocks alone: 1 when it is on a CPU at
    /// this instant, else the share of the time since its last reading that it ran.
    /// <list type="bullet">
    /// <item>each clock is read twice, a pass over the threads apart; the kernel counts a
    /// running slice up to the moment of a read, so a thread on a CPU right now has advanced.
    /// This catches short bursts that an average over the interval would miss;</item>
    /// <item>a thread that was not on a CPU at that instant may still be runnable: on a busy
    /// machine (or with one core) the sampler itself may have displaced it. Its recent share
    /// tells that apart from a thread that waits.</item>
    /// </list>
    /// Where no clock exists (the documented cpu-to-wall fallback) every thread counts as running.
    /// </summary>
    private double RunningShare(ShadowStack stack, long before, long now)
    {
        if (!stack.Clock.IsAvailable)
            return 1;
        // A failed read: the thread is gone.
        if (before < 0 || !stack.Clock.TryRead(out long after))
            return 0;
        long lastCpu = stack.LastCpuNanoseconds;
        long lastRead = stack.LastReadTimestamp;
        stack.LastCpuNanoseconds = after;
        stack.LastReadTimestamp = now;
        if (after > before)
            return 1;
        // Over at least one interval: right after a late tick the window is short, and a
        // burst that ended just before the thread went to sleep would look like a busy thread.
        double wallNanoseconds = Math.Max(now - lastRead, _intervalTicks) * 1e9 / Stopwatch.Frequency;
        return lastCpu >= 0 ? (after - lastCpu) / wallNanoseconds : 0;
    }
}

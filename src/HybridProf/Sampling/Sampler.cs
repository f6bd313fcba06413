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
    private readonly SampleAggregator _aggregator;
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
        _aggregator = new SampleAggregator(options.MaxCallPaths);
        _intervalTicks = Stopwatch.Frequency / Math.Max(1, options.RateHz);
        _gcPauses = new GcPauseTracker(TimeSpan.FromTicks(TimeSpan.TicksPerSecond / Math.Max(1, options.RateHz)));
        _awaits = new AwaitSampler(_aggregator);
        _thread = new Thread(Run) { IsBackground = true, Name = "HybridProf sampler", Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>Lets tests inject a fault into the sampler thread; always null outside them.</summary>
    internal static Action? BeforeTickForTests;

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
        return _aggregator.Build(new ProfileMetadata(_options.Mode, _options.RateHz, _clock.Elapsed, Interlocked.Read(ref _missedTicks), _aggregator.Observations));
    }

    public void Dispose() => Stop();

    private void Run()
    {
        var schedule = new TickSchedule(_intervalTicks, _clock.ElapsedTicks, new Random(Environment.TickCount));
        int gcDebt = 0;
        long lastPurge = 0;
        try
        {
            while (SleepUntil(schedule.Target))
            {
                long now = _clock.ElapsedTicks;
                int weight = schedule.Take(now, out int missed);
                if (missed > 0)
                    Interlocked.Add(ref _missedTicks, missed);
                // GC pauses stop every managed thread, the sampler included: that time goes
                // to [GC], not to the stacks the threads were paused in (the late tick that
                // follows a pause would otherwise charge it to them).
                int gcIntervals = _gcPauses.TakeWholeIntervals();
                RecordGarbageCollection(gcIntervals);
                gcDebt += gcIntervals;
                int paid = Math.Min(weight, gcDebt);
                weight -= paid;
                gcDebt -= paid;
                BeforeTickForTests?.Invoke();
                if (weight > 0)
                    SampleOnce(weight);
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

    /// <summary>Sleeps until the clock reaches <paramref name="target"/>; false when asked to stop.</summary>
    private bool SleepUntil(long target)
    {
        while (!_stop.IsSet)
        {
            long remaining = target - _clock.ElapsedTicks;
            if (remaining <= 0)
                return true;
            double milliseconds = remaining * 1000.0 / Stopwatch.Frequency;
            if (PreciseSleep.IsSupported && milliseconds < 2)
            {
                // The last stretch: too short for the stop event's millisecond waits.
                PreciseSleep.Sleep((long)(remaining * 1e9 / Stopwatch.Frequency));
                continue;
            }
            // Long waits go on the stop event, so stopping never waits for a tick. With a
            // precise sleep to finish, wake a millisecond early; without one, round up
            // (rounding down would bunch sub-millisecond waits into none).
            int wait = PreciseSleep.IsSupported ? (int)milliseconds - 1 : (int)Math.Ceiling(milliseconds);
            if (_stop.Wait(wait))
                return false;
        }
        return false;
    }

    /// <summary>One tick: reads every instrumented thread once, each sample counting <paramref name="weight"/> intervals. Internal for the benchmarks.</summary>
    internal void SampleOnce(int weight = 1)
    {
        bool wall = _options.Mode == ProfileMode.Wall;
        int count = CollectActiveThreads();
        for (int i = 0; i < count; i++)
        {
            var stack = _active[i];
            bool blocked = !IsRunnable(stack, _cpuBefore[i], _classifiedAt);
            if (!wall && blocked)
                continue;
            int depth = stack.CopyTo(_buffer, out bool truncated);
            if (depth == 0)
                continue;
            if (blocked && !truncated && depth < _buffer.Length)
                _buffer[depth++] = SampleAggregator.BlockedFrame;
            var owner = stack.Owner;
            _aggregator.Add(stack, owner.ManagedThreadId, owner.Name ?? $"thread {owner.ManagedThreadId}", _buffer, depth, truncated, weight, reading: true);
        }
        if (wall)
            _awaits.Tick(weight);
    }

    private void RecordGarbageCollection(int intervals)
    {
        if (intervals <= 0)
            return;
        _buffer[0] = SampleAggregator.GarbageCollectionFrame;
        _aggregator.Add(_gcPauses, 0, "GC", _buffer, 1, false, intervals);
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

    // A thread that used at least this share of the time since its last reading, though not
    // on a CPU at the sampled instant, may be runnable (the sampler or another process
    // displaced it) or may have just gone to sleep after a burst: the kernel decides.
    private const double AmbiguousShare = 0.2;

    /// <summary>
    /// Whether a thread is running or ready to run (not blocked), at the sampled instant:
    /// <list type="bullet">
    /// <item>each CPU clock is read twice, a pass over the threads apart; the kernel counts a
    /// running slice up to the moment of a read, so a thread on a CPU right now has advanced;</item>
    /// <item>a thread that did not advance and barely ran since its last reading is waiting;</item>
    /// <item>one that did not advance but ran much of that time is asked about directly (its
    /// scheduler state), which separates a thread displaced from its core from one that has
    /// just blocked after a burst, whose past CPU must not be charged to its current stack.</item>
    /// </list>
    /// Where no clock exists (the documented cpu-to-wall fallback) every thread counts as running.
    /// </summary>
    private bool IsRunnable(ShadowStack stack, long before, long now)
    {
        if (!stack.Clock.IsAvailable)
            return true;
        // A failed read: the thread is gone.
        if (before < 0 || !stack.Clock.TryRead(out long after))
            return false;
        long lastCpu = stack.LastCpuNanoseconds;
        long lastRead = stack.LastReadTimestamp;
        stack.LastCpuNanoseconds = after;
        stack.LastReadTimestamp = now;
        if (after > before)
            return true;
        // Over at least one interval, so a short window after a late tick does not inflate the share.
        double wallNanoseconds = Math.Max(now - lastRead, _intervalTicks) * 1e9 / Stopwatch.Frequency;
        double share = lastCpu >= 0 ? (after - lastCpu) / wallNanoseconds : 0;
        if (share < AmbiguousShare)
            return false;
        return LinuxThreadState.IsRunnable(stack.KernelThreadId) ?? true;
    }
}

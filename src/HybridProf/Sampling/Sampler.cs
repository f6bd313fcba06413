using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using HybridProf.Configuration;
using HybridProf.Markers;
using HybridProf.Methods;
using HybridProf.Model;
using HybridProf.Platform;

namespace HybridProf.Sampling;

/// <summary>
/// A background thread that wakes about <see cref="SamplerOptions.RateHz"/> times a second (at
/// randomized intervals, so periodic work cannot keep in step with it) and copies every
/// instrumented thread's shadow stack, without stopping or locking the threads it reads.
/// Which threads count as running is the <see cref="RunStateClassifier"/>'s call; in cpu mode
/// a thread's samples follow the CPU time it used (<see cref="CpuTimeCredit"/>).
/// </summary>
internal sealed class Sampler : IDisposable
{
    private readonly SamplerOptions _options;
    private readonly SampleAggregator _aggregator;
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly Thread _thread;
    private readonly int[] _buffer = new int[ShadowStack.MaxRecordedDepth];
    private SampledThread[] _active = new SampledThread[16];
    private readonly RunStateClassifier _runState;
    private readonly CpuTimeCredit _cpuTime;
    private readonly AwaitSampler _awaits;
    private readonly long _intervalTicks;
    private readonly GcPauseTracker _gcPauses;
    private readonly Stopwatch _clock = new();
    // The aggregator's key of [GC]'s own thread; shadow stacks' serial numbers start at 1.
    private const long GcThreadKey = -1;
    // The longest precise sleep between looks at the stop event.
    private const long LongestSleepNanoseconds = 20_000_000;
    private static long s_samplers;
    // This sampler's number and its slot in each thread's histories (ThreadHistory); a sampler
    // that found no free slot reads every thread as if for the first time, in one scratch history.
    private readonly long _id = Interlocked.Increment(ref s_samplers);
    private int _historySlot = ThreadHistory.AcquireSlot();
    private int _started;
    private readonly ThreadHistory _scratchHistory = new();
    private Exception? _fault;
    private long _missedTicks;

    public Sampler(SamplerOptions options)
    {
        _options = options;
        _aggregator = new SampleAggregator(options.MaxCallPaths);
        _intervalTicks = Stopwatch.Frequency / Math.Max(1, options.RateHz);
        _runState = new RunStateClassifier(_intervalTicks);
        _cpuTime = new CpuTimeCredit(_intervalTicks);
        _gcPauses = new GcPauseTracker(TimeSpan.FromTicks(TimeSpan.TicksPerSecond / Math.Max(1, options.RateHz)));
        _awaits = new AwaitSampler(_aggregator);
        _thread = new Thread(Run) { IsBackground = true, Name = "HybridProf sampler", Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>Lets tests inject a fault into the sampler thread; always null outside them.</summary>
    internal static Action? BeforeTickForTests;

    /// <summary>The sampler thread's kernel id once it runs (0 before), and whether it has begun its ticks (its warm-up is over by then): for tests.</summary>
    internal int KernelThreadId { get; private set; }

    internal bool WarmedUp { get; private set; }

    /// <summary>Samples taken so far.</summary>
    public long TotalSamples => _aggregator.TotalSamples;

    /// <summary>The fault that stopped sampling, if any; the app itself is never disturbed.</summary>
    public Exception? Fault => _fault;

    public void Start()
    {
        _started = 1;
        if (_options.Mode == ProfileMode.Wall)
        {
            PendingOperations.Acquire();
            HandedWaits.Acquire();
        }
        WarmUp();
        _clock.Start();
        _thread.Start();
    }

    /// <summary>Stops the thread (waiting at most a second) and returns what was sampled.</summary>
    public Profile Stop()
    {
        _stop.Set();
        // Not started (the benchmarks tick a sampler by hand), or stopped already: no thread to
        // wait for, and no tracking of pending operations to give back.
        bool started = Interlocked.Exchange(ref _started, 0) == 1;
        if (started && Thread.CurrentThread != _thread)
            _thread.Join(TimeSpan.FromSeconds(1));
        // A sampler still ticking after that (it never has been) resets the histories of a
        // later sampler given the slot at each reading, which reads as "first reading": no harm.
        ThreadHistory.ReleaseSlot(Interlocked.Exchange(ref _historySlot, -1));
        var profile = Snapshot();
        if (started && _options.Mode == ProfileMode.Wall)
        {
            PendingOperations.Release();
            HandedWaits.Release();
        }
        return profile;
    }

    /// <summary>A profile of the samples so far; sampling continues.</summary>
    public Profile Snapshot()
    {
        if (_options.Mode == ProfileMode.Wall)
            _awaits.Flush();
        return _aggregator.Build(new ProfileMetadata(_options.Mode, _options.RateHz, _clock.Elapsed, Interlocked.Read(ref _missedTicks), _aggregator.Observations, ProgramName.Current, MethodRegistry.FoldedCount, MethodRegistry.GuardedCount));
    }

    public void Dispose() => Stop();

    [MethodImpl(CompiledOnce.Optimized)]
    private void Run()
    {
        int gcDebt = 0;
        long lastPurge = 0;
        try
        {
            KernelThreadId = KernelThread.CurrentId();
            WarmedUp = true;
            var schedule = new TickSchedule(_intervalTicks, _clock.ElapsedTicks, (ulong)Stopwatch.GetTimestamp());
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
                // In cpu mode threads are read even at a tick that GC took whole: their credit
                // needs an unbroken series of readings (the pause is taken out of it there).
                if (weight > 0 || _options.Mode != ProfileMode.Wall)
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

    /// <summary>
    /// Every path of a tick once, before the first: the aggregator and its tables growing, the
    /// registry's purge, the kernel's word on a thread (its file opened and read), so that no
    /// tick is the first call of anything (ScratchProfile and CompiledOnce say why). It runs on
    /// the thread that starts the session, before the sampler's thread exists: launched with the
    /// app, that is before the app's Main, so the app's start does not share the CPU with this
    /// burst of first calls (on two cores, with the checkpoint's warm-up beside it on a thread of
    /// its own, the parser workload ran 10–25 % slower at any rate, 1 Hz included).
    /// A failure here is not reported: the tick runs the same code and reports it.
    /// </summary>
    private static void WarmUp()
    {
        try
        {
            ScratchProfile.Build(ProfileMode.Cpu, ProfilerOptions.DefaultRateHz);
            ThreadRegistry.Purge();
            var scratch = SampledThread.ForCurrentThread(new ShadowStack(Thread.CurrentThread));
            new RunStateClassifier(1).WarmUp(scratch);
            scratch.Scheduler.Close();
        }
        catch (Exception)
        {
            // The tick reports it (see above); starting the session must not fail for it.
        }
    }

    /// <summary>Sleeps until the clock reaches <paramref name="target"/>; false when asked to stop.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    private bool SleepUntil(long target)
    {
        while (!_stop.IsSet)
        {
            long remaining = target - _clock.ElapsedTicks;
            if (remaining <= 0)
                return true;
            if (PreciseSleep.IsSupported)
            {
                // A system call, to the nanosecond, in steps short enough that stopping waits
                // little: not the stop event, whose wait is code the runtime recompiles in
                // tiers (CompiledOnce says why).
                PreciseSleep.Sleep(Math.Min((long)(remaining * 1e9 / Stopwatch.Frequency), LongestSleepNanoseconds));
                continue;
            }
            // Elsewhere the stop event, so stopping never waits for a tick; rounded up
            // (rounding down would bunch sub-millisecond waits into none).
            if (_stop.Wait((int)Math.Ceiling(remaining * 1000.0 / Stopwatch.Frequency)))
                return false;
        }
        return false;
    }

    /// <summary>
    /// One tick: reads every instrumented thread once. In wall mode each thread's stack counts
    /// <paramref name="weight"/> intervals; in cpu mode the CPU time it used decides
    /// (<see cref="CpuTimeCredit"/>). Internal for the benchmarks.
    /// </summary>
    [MethodImpl(CompiledOnce.Optimized)]
    internal void SampleOnce(int weight = 1)
    {
        bool wall = _options.Mode == ProfileMode.Wall;
        int count = CollectActiveThreads();
        for (int i = 0; i < count; i++)
        {
            var thread = _active[i];
            var history = _historySlot >= 0 ? thread.History(_historySlot, _id) : _scratchHistory.Reset(_id);
            var reading = _runState.Read(thread, history, i);
            bool blocked = !reading.Runnable;
            long samples = wall ? weight : _cpuTime.Take(history, reading, weight);
            if (samples == 0)
                continue;
            var stack = thread.Stack;
            // Before the copy: a wait counted where the work runs needs no stack of its own.
            if (blocked && wall && stack.WaitsForWorkCountedElsewhere())
                continue;
            int depth = stack.CopyTo(_buffer, out bool truncated);
            if (depth == 0)
                continue;
            if (blocked && !truncated && depth < _buffer.Length)
                _buffer[depth++] = MethodFrames.Blocked;
            _aggregator.Add(stack.Serial, stack.Owner, _buffer, depth, truncated, samples, reading: true);
        }
        if (wall)
            _awaits.Tick(weight);
    }

    [MethodImpl(CompiledOnce.Optimized)]
    private void RecordGarbageCollection(int intervals)
    {
        if (intervals <= 0)
            return;
        _buffer[0] = MethodFrames.GarbageCollection;
        _aggregator.Add(_aggregator.ThreadIndex(GcThreadKey, 0, "GC"), _buffer, 1, false, intervals);
    }

    /// <summary>Gathers the threads inside instrumented code; an idle thread (empty shadow stack) costs one read.</summary>
    [MethodImpl(CompiledOnce.Optimized)]
    private int CollectActiveThreads()
    {
        var threads = ThreadRegistry.Snapshot();
        if (_active.Length < threads.Length)
            _active = new SampledThread[threads.Length * 2];
        int count = 0;
        foreach (var thread in threads)
        {
            if (Volatile.Read(ref thread.Stack.Depth) > 0)
                _active[count++] = thread;
        }
        _runState.ReadClocks(_active, count);
        return count;
    }
}

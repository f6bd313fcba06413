using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace HybridProf.Benchmarks;

/// <summary>
/// What carrying the caller's stack into handed-over work adds (goal: ≤ 50 ns and ≤ 64 B per
/// hand-over; Parallel.For over tiny bodies ≤ +5 %). <c>new Task(...).RunSynchronously()</c>
/// is a hand-over without the thread pool's scheduling noise: capture, wrap, and the run's
/// switch entry, all on one thread. <c>Task.Run(...).Wait()</c> and <c>Parallel.For</c> are
/// the real thing. The woven twins sit under one woven frame, as in an app.
/// </summary>
[MemoryDiagnoser]
public class HandOffBenchmarks
{
    private const int Iterations = 1000;

    [Benchmark(Baseline = true)]
    public int Plain_task_run_synchronously() => PlainHandOffs.RunSynchronously();

    [Benchmark]
    public int Woven_task_run_synchronously() => WovenHandOffs.RunSynchronously();

    // Two hand-overs per call, from two different callers in turn: neither the captured node
    // nor the handed delegate of the last hand-over can be reused (a first hand-over's cost).
    [Benchmark(OperationsPerInvoke = 2)]
    public int Plain_task_run_synchronously_from_two_callers() => PlainHandOffs.FromTwoCallers();

    [Benchmark(OperationsPerInvoke = 2)]
    public int Woven_task_run_synchronously_from_two_callers() => WovenHandOffs.FromTwoCallers();

    private int _value = 1;

    [Benchmark]
    public int Plain_task_run_synchronously_capturing() => PlainHandOffs.RunSynchronouslyCapturing(_value);

    [Benchmark]
    public int Woven_task_run_synchronously_capturing() => WovenHandOffs.RunSynchronouslyCapturing(_value);

    [Benchmark]
    public int Plain_task_run_synchronously_sharing_a_closure() => PlainHandOffs.RunSynchronouslySharingAClosure(_value);

    [Benchmark]
    public int Woven_task_run_synchronously_sharing_a_closure() => WovenHandOffs.RunSynchronouslySharingAClosure(_value);

    [Benchmark]
    public int Plain_task_run_and_wait() => PlainHandOffs.RunAndWait();

    [Benchmark]
    public int Woven_task_run_and_wait() => WovenHandOffs.RunAndWait();

    private Action<int> _plainBody = TinyBody.Run;
    private Action<int> _handedBody = TinyBody.Run;

    [GlobalSetup(Target = nameof(Handed_body_run_on_one_thread))]
    public void Hand() => _handedBody = WovenHandOffs.Handed(TinyBody.Run);

    [Benchmark(OperationsPerInvoke = Iterations)]
    public void Plain_body_run_on_one_thread()
    {
        for (int i = 0; i < Iterations; i++)
            _plainBody(i);
    }

    [Benchmark(OperationsPerInvoke = Iterations)]
    public void Handed_body_run_on_one_thread()
    {
        for (int i = 0; i < Iterations; i++)
            _handedBody(i);
    }

    [Benchmark(OperationsPerInvoke = Iterations)]
    public void Plain_parallel_for_tiny_bodies() => PlainHandOffs.ParallelWork(Iterations);

    [Benchmark(OperationsPerInvoke = Iterations)]
    public void Woven_body_parallel_for_without_hand_over() => PlainHandOffs.ParallelWorkWovenBody(Iterations);

    [Benchmark(OperationsPerInvoke = Iterations)]
    public void Woven_parallel_for_tiny_bodies() => WovenHandOffs.ParallelWork(Iterations);

    [Benchmark(OperationsPerInvoke = Iterations)]
    public void Plain_parallel_for_tiny_capturing_bodies() => PlainHandOffs.ParallelCapturingWork(Iterations, 1);

    [Benchmark(OperationsPerInvoke = Iterations)]
    public void Woven_parallel_for_tiny_capturing_bodies() => WovenHandOffs.ParallelCapturingWork(Iterations, 1);

    [Benchmark(OperationsPerInvoke = Iterations)]
    public void Plain_parallel_for_small_bodies() => PlainHandOffs.ParallelSmallWork(Iterations);

    [Benchmark(OperationsPerInvoke = Iterations)]
    public void Woven_parallel_for_small_bodies() => WovenHandOffs.ParallelSmallWork(Iterations);
}

[NoProfile]
internal static class PlainHandOffs
{
    private static int s_value = 1;

    public static int RunSynchronously()
    {
        var task = new Task<int>(() => s_value + 1);
        task.RunSynchronously();
        return task.Result;
    }

    /// <summary>A lambda that captures: a closure and a delegate of its own per call, as most hand-overs have.</summary>
    public static int RunSynchronouslyCapturing(int value)
    {
        var task = new Task<int>(() => value + 1);
        task.RunSynchronously();
        return task.Result;
    }

    public static int RunAndWait() => Task.Run(() => s_value + 1).Result;

    /// <summary>The handed lambda shares its closure with another lambda: carried by a field of its own when woven.</summary>
    public static int RunSynchronouslySharingAClosure(int value)
    {
        Func<int> other = () => value * 2;
        var task = new Task<int>(() => value + 1);
        task.RunSynchronously();
        return task.Result + other();
    }

    public static int FromTwoCallers() => CallerA() + CallerB();

    private static int CallerA() => RunSynchronously();

    private static int CallerB() => RunSynchronously();

    public static void ParallelWork(int count) => Parallel.For(0, count, i => TinyBody.Run(i));

    public static void ParallelSmallWork(int count) => Parallel.For(0, count, i => TinyBody.RunSmall(i));

    /// <summary>A body lambda that captures: alone in its closure, which carries the hand-over when woven.</summary>
    public static void ParallelCapturingWork(int count, int offset) => Parallel.For(0, count, i => TinyBody.Run(i + offset));

    /// <summary>A woven body handed over by plain code: the body's marker without the hand-over's switch entry.</summary>
    public static void ParallelWorkWovenBody(int count) => Parallel.For(0, count, WovenHandOffs.Body);
}

internal static class WovenHandOffs
{
    private static int s_value = 1;

    [Profile]
    public static int RunSynchronously()
    {
        var task = new Task<int>(() => s_value + 1);
        task.RunSynchronously();
        return task.Result;
    }

    [Profile]
    public static int RunSynchronouslyCapturing(int value)
    {
        var task = new Task<int>(() => value + 1);
        task.RunSynchronously();
        return task.Result;
    }

    [Profile]
    public static int RunAndWait() => Task.Run(() => s_value + 1).Result;

    [Profile]
    public static int RunSynchronouslySharingAClosure(int value)
    {
        Func<int> other = () => value * 2;
        var task = new Task<int>(() => value + 1);
        task.RunSynchronously();
        return task.Result + other();
    }

    [Profile]
    public static int FromTwoCallers() => CallerA() + CallerB();

    [Profile, MethodImpl(MethodImplOptions.NoInlining)]
    private static int CallerA() => RunSynchronously();

    [Profile, MethodImpl(MethodImplOptions.NoInlining)]
    private static int CallerB() => RunSynchronously();

    /// <summary>The body as a hand-over from here wraps it, to run it by hand.</summary>
    [Profile]
    public static Action<int> Handed(Action<int> body) => Markers.HandOff.Wrap(body, Markers.HandOff.Capture())!;

    [Profile]
    public static void ParallelWork(int count) => Parallel.For(0, count, i => TinyBody.Run(i));

    [Profile]
    public static void ParallelCapturingWork(int count, int offset) => Parallel.For(0, count, i => TinyBody.Run(i + offset));

    [Profile]
    public static void ParallelSmallWork(int count) => Parallel.For(0, count, i => TinyBody.RunSmall(i));

    [Profile]
    public static void Body(int i) => TinyBody.Run(i);
}

/// <summary>
/// A loop body of a few dozen nanoseconds that shares nothing between threads (a shared
/// counter would measure cache-line contention, which grows with the number of workers).
/// </summary>
[NoProfile]
internal static class TinyBody
{
    [ThreadStatic]
    private static double t_sink;

    public static void Run(int i)
    {
        double x = i;
        for (int k = 0; k < 8; k++)
            x = Math.Sqrt(x + k);
        t_sink = x;
    }

    /// <summary>A body of about a tenth of a microsecond: eight times the tiny one's work.</summary>
    public static void RunSmall(int i)
    {
        double x = i;
        for (int k = 0; k < 64; k++)
            x = Math.Sqrt(x + k);
        t_sink = x;
    }
}

/// <summary>
/// Tracking pending async operations (on while the control agent runs, so that a dump lists
/// operations that were already waiting): its cost on an operation that suspends once.
/// </summary>
[MemoryDiagnoser]
public class TrackedAsyncBenchmarks
{
    private IDisposable? _tracking;
    private int _seed = 3;

    [GlobalSetup(Target = nameof(Woven_suspends_once_tracked))]
    public void Track() => _tracking = Profiler.TrackPendingOperations();

    [GlobalCleanup(Target = nameof(Woven_suspends_once_tracked))]
    public void StopTracking() => _tracking?.Dispose();

    [Benchmark(Baseline = true)]
    public int Plain_suspends_once() => PlainAsync.SuspendOnce(_seed).Result;

    [Benchmark]
    public int Woven_suspends_once_untracked() => WovenAsync.SuspendOnce(_seed).Result;

    [Benchmark]
    public int Woven_suspends_once_tracked() => WovenAsync.SuspendOnce(_seed).Result;
}

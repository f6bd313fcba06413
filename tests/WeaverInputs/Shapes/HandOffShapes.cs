using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace WeaverInput;

/// <summary>Delegates handed to other threads; each records the logical stack it runs under.</summary>
public static class HandOffShapes
{
    public static void TaskRun() => Task.Run(() => Probe.Record("run")).Wait();

    public static int TaskRunOfT() => Task.Run(() => Recorded("run of T", 5)).Result;

    public static int TaskOfTConstructor()
    {
        var task = new Task<int>(() => Recorded("task of T", 6));
        task.Start();
        return task.Result;
    }

    public static void StartNewWithState() =>
        Task.Factory.StartNew(state => Probe.Record("state " + state), "s", CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default).Wait();

    public static int GenericForEach() => Sum(new[] { 1, 2, 3 });

    private static int Sum<T>(IEnumerable<T> items)
    {
        int sum = 0;
        Parallel.ForEach(items, new ParallelOptions { MaxDegreeOfParallelism = 1 }, item =>
        {
            Probe.Record("item");
            Interlocked.Add(ref sum, Convert.ToInt32(item));
        });
        return sum;
    }

    public static int ForWithLocals()
    {
        int total = 0;
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 1 }, () => 0, (i, state, local) =>
        {
            Probe.Record("body");
            return local + i;
        }, local => Interlocked.Add(ref total, local));
        return total;
    }

    public static void Invoke() => Parallel.Invoke(() => Probe.Record("first"), () => Probe.Record("second"));

    public static void Thread()
    {
        var thread = new Thread(state => Probe.Record("thread " + state));
        thread.Start("x");
        thread.Join();
    }

    public static int Plinq() => new[] { 1, 2 }.AsParallel().WithDegreeOfParallelism(1).Select(i => Recorded("plinq", i)).Sum();

    public static string GenericClass() => new Holder<string>("held").Run();

    /// <summary>A hand-over whose delegate type uses the class's own type parameter.</summary>
    public sealed class Holder<T>
    {
        private readonly T _value;

        public Holder(T value) => _value = value;

        public T Run() => Task.Run(() =>
        {
            Probe.Record("holder");
            return _value;
        }).Result;
    }

    public static void QueueWithState()
    {
        using var done = new ManualResetEventSlim();
        ThreadPool.QueueUserWorkItem(state =>
        {
            Probe.Record("queued " + state);
            done.Set();
        }, "q", preferLocal: false);
        done.Wait();
    }

    /// <summary>A null delegate must fail exactly as without weaving.</summary>
    public static string NullDelegate()
    {
        try
        {
            Task.Run((Action)null!);
            return "no exception";
        }
        catch (ArgumentNullException e)
        {
            return e.ParamName ?? "";
        }
    }

    /// <summary>An exception thrown in handed-over work: its trace must not show HybridProf.</summary>
    public static string ThrowingWork()
    {
        try
        {
            Task.Run(() => Throw()).Wait();
            return "no exception";
        }
        catch (AggregateException e)
        {
            return e.InnerException!.StackTrace ?? "";
        }
    }

    /// <summary>
    /// Two cached (non-capturing) delegates handed over in turn from one place: a hand-over may
    /// reuse the wrapper of the thread's last one only when it wraps the same work.
    /// </summary>
    public static void AlternatingHandOffs()
    {
        for (int i = 0; i < 2; i++)
        {
            Task.Run(() => Probe.Record("alternating a")).Wait();
            Task.Run(() => Probe.Record("alternating b")).Wait();
        }
    }

    private static readonly Action s_shared = () => Probe.Record("shared");

    /// <summary>
    /// The same delegate handed over twice from here and once from a method below: each run is
    /// under its own hander (the field initializer's lambda has no frame of its own: only the
    /// hander's frames show).
    /// </summary>
    public static void SharedFromTwoPlaces()
    {
        Task.Run(s_shared).Wait();
        Task.Run(s_shared).Wait();
        HandOverShared();
    }

    private static void HandOverShared() => Task.Run(s_shared).Wait();

    /// <summary>
    /// A capturing lambda alone in its closure: the closure carries the hand-over (no wrapper,
    /// no new delegate). Returns whether its closure class became a carrier.
    /// </summary>
    public static bool CarriedClosure(int x)
    {
        Action work = () => Probe.Record("carried " + x);
        Task.Run(work).Wait();
        work(); // called directly afterwards, from the same place: under the same stack
        return IsCarrier(work);
    }

    /// <summary>Two lambdas share a closure: it stays as it is, the hand-over is wrapped.</summary>
    public static bool SharedClosure(int x)
    {
        Action work = () => Probe.Record("shared closure " + x);
        Func<int> other = () => x + 1;
        Task.Run(work).Wait();
        return IsCarrier(work) || other() != x + 1;
    }

    /// <summary>
    /// Two lambdas share a closure, and one is handed over where it is made: its own node field
    /// in the closure carries the hand-over, so the delegate handed over is the lambda's own.
    /// Returns the handed delegate's target class and the sum of both lambdas' results.
    /// </summary>
    public static string SharedClosureHandedWhereMade(int x)
    {
        Func<int> other = () => x + 1;
        var task = new Task<int>(() => Recorded("shared, handed where made " + x, x));
        var work = (Delegate)typeof(Task).GetField("m_action", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(task)!;
        task.RunSynchronously();
        return $"{work.Target!.GetType().Name.StartsWith("<>c__DisplayClass", StringComparison.Ordinal)} {task.Result + other()}";
    }

    /// <summary>A parallel loop over a closure's lambda: every body, on every worker, under the hander.</summary>
    public static int CarriedParallelBodies(int count)
    {
        int[] seen = new int[count];
        Parallel.For(0, count, i =>
        {
            seen[i] = 1;
            if (i % 7 == 0)
                Probe.Record("body");
        });
        return seen.Sum();
    }

    /// <summary>
    /// A cached (non-capturing) lambda handed over twice from one place: bound straight to the
    /// hander's node, the second time the same delegate. Returns the handed delegate's target
    /// type, whether both hand-overs handed the same delegate, and the sum of the results.
    /// </summary>
    public static string CachedLambdaBoundToTheNode()
    {
        var handed = new List<(Delegate Work, int Result)>();
        for (int i = 0; i < 2; i++)
            handed.Add(HandOverCached());
        return $"{handed[0].Work.Target?.GetType().FullName} {ReferenceEquals(handed[0].Work, handed[1].Work)} {handed.Sum(h => h.Result)}";
    }

    private static (Delegate Work, int Result) HandOverCached()
    {
        var task = new Task<int>(() => Recorded("cached", 7));
        // The task lets go of its delegate once it has run.
        var work = (Delegate)typeof(Task).GetField("m_action", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(task)!;
        task.RunSynchronously();
        return (work, task.Result);
    }

    private static bool IsCarrier(Delegate work) =>
        work.Target!.GetType().GetInterfaces().Any(i => i.FullName == "HybridProf.Markers.IHandOffCarrier");

    private static void Throw() => throw new InvalidOperationException("from the work");

    private static int Recorded(string label, int value)
    {
        Probe.Record(label);
        return value;
    }
}

namespace E2eApp;

/// <summary>
/// CPU work handed to other threads in every way .NET offers. Each way has its own hander
/// (<c>ViaX</c>) and its own work method (<c>WorkX</c>), so a profile shows per way whether
/// the work was sampled under the hander's chain.
/// </summary>
public static class HandOffs
{
    public static readonly string[] Ways =
    {
        "TaskRun", "TaskRunFunc", "TaskRunAsync", "StartNew", "NewTask", "ParallelFor", "ParallelForEach",
        "ParallelInvoke", "ParallelForEachAsync", "QueueUserWorkItem", "UnsafeQueueUserWorkItem", "NewThread", "Timer", "Plinq",
    };

    /// <summary>Each way in turn, <paramref name="seconds"/> of CPU work in all.</summary>
    public static void Run(double seconds)
    {
        double each = seconds * 1000 / Ways.Length;
        ViaTaskRun(each);
        ViaTaskRunFunc(each);
        ViaTaskRunAsync(each).GetAwaiter().GetResult();
        ViaStartNew(each);
        ViaNewTask(each);
        ViaParallelFor(each);
        ViaParallelForEach(each);
        ViaParallelInvoke(each);
        ViaParallelForEachAsync(each).GetAwaiter().GetResult();
        ViaQueueUserWorkItem(each);
        ViaUnsafeQueueUserWorkItem(each);
        ViaNewThread(each);
        ViaTimer(each);
        ViaPlinq(each);
    }

    /// <summary>Wall mode: an async method awaits handed-over work, then a method blocks on it.</summary>
    public static void Waits(double seconds)
    {
        AwaitHanded(seconds * 500).GetAwaiter().GetResult();
        BlockOnHanded(seconds * 500);
    }

    public static async Task AwaitHanded(double ms) => await Task.Run(() => WorkAwaited(ms));

    public static void BlockOnHanded(double ms)
    {
        // Started before the Wait, which would otherwise run a task still queued inline.
        using var started = new ManualResetEventSlim();
        var work = Task.Run(() =>
        {
            started.Set();
            WorkBlockedOn(ms);
        });
        started.Wait();
        work.Wait();
    }

    public static void ViaTaskRun(double ms) => Task.Run(() => WorkTaskRun(ms)).Wait();

    public static void ViaTaskRunFunc(double ms) => Console.WriteLine(Task.Run(() => WorkTaskRunFunc(ms)).Result);

    public static async Task ViaTaskRunAsync(double ms) => await Task.Run(async () =>
    {
        await Task.Yield();
        WorkTaskRunAsync(ms);
    });

    public static void ViaStartNew(double ms) => Task.Factory.StartNew(() => WorkStartNew(ms)).Wait();

    public static void ViaNewTask(double ms)
    {
        var task = new Task(() => WorkNewTask(ms));
        task.Start();
        task.Wait();
    }

    public static void ViaParallelFor(double ms) => Parallel.For(0, 8, i => WorkParallelFor(ms / 4));

    public static void ViaParallelForEach(double ms) => Parallel.ForEach(Enumerable.Range(0, 8), i => WorkParallelForEach(ms / 4));

    public static void ViaParallelInvoke(double ms) =>
        Parallel.Invoke(() => WorkParallelInvoke(ms / 2), () => WorkParallelInvoke(ms / 2), () => WorkParallelInvoke(ms / 2), () => WorkParallelInvoke(ms / 2));

    public static Task ViaParallelForEachAsync(double ms) =>
        Parallel.ForEachAsync(Enumerable.Range(0, 8), async (i, token) =>
        {
            await Task.Yield();
            WorkParallelForEachAsync(ms / 4);
        });

    public static void ViaQueueUserWorkItem(double ms)
    {
        using var done = new ManualResetEventSlim();
        ThreadPool.QueueUserWorkItem(_ =>
        {
            WorkQueueUserWorkItem(ms);
            done.Set();
        });
        done.Wait();
    }

    public static void ViaUnsafeQueueUserWorkItem(double ms)
    {
        using var done = new ManualResetEventSlim();
        ThreadPool.UnsafeQueueUserWorkItem(_ =>
        {
            WorkUnsafeQueueUserWorkItem(ms);
            done.Set();
        }, null);
        done.Wait();
    }

    public static void ViaNewThread(double ms)
    {
        var thread = new Thread(() => WorkNewThread(ms));
        thread.Start();
        thread.Join();
    }

    public static void ViaTimer(double ms)
    {
        // Ticks may overlap: only the first four work, and only they touch the countdown.
        int ticks = 0;
        using var done = new CountdownEvent(4);
        using var timer = new Timer(_ =>
        {
            if (Interlocked.Increment(ref ticks) > 4)
                return;
            WorkTimer(ms / 4);
            done.Signal();
        }, null, 0, 10);
        done.Wait();
    }

    public static void ViaPlinq(double ms) =>
        Console.WriteLine(Enumerable.Range(0, 8).AsParallel().Select(i => WorkPlinq(ms / 4)).Sum());

    public static void WorkTaskRun(double ms) => Spin.For(ms);
    public static int WorkTaskRunFunc(double ms) { Spin.For(ms); return 1; }
    public static void WorkTaskRunAsync(double ms) => Spin.For(ms);
    public static void WorkStartNew(double ms) => Spin.For(ms);
    public static void WorkNewTask(double ms) => Spin.For(ms);
    public static void WorkParallelFor(double ms) => Spin.For(ms);
    public static void WorkParallelForEach(double ms) => Spin.For(ms);
    public static void WorkParallelInvoke(double ms) => Spin.For(ms);
    public static void WorkParallelForEachAsync(double ms) => Spin.For(ms);
    public static void WorkQueueUserWorkItem(double ms) => Spin.For(ms);
    public static void WorkUnsafeQueueUserWorkItem(double ms) => Spin.For(ms);
    public static void WorkNewThread(double ms) => Spin.For(ms);
    public static void WorkTimer(double ms) => Spin.For(ms);
    public static int WorkPlinq(double ms) { Spin.For(ms); return 1; }
    public static void WorkAwaited(double ms) => Spin.For(ms);
    public static void WorkBlockedOn(double ms) => Spin.For(ms);
}

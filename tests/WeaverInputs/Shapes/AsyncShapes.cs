using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace WeaverInput;

/// <summary>Async methods of every builder; each records its logical stack after resuming on another thread.</summary>
public static class AsyncShapes
{
    public static async Task<int> Top() => await Mid() + 1;

    private static async Task<int> Mid()
    {
        await Task.Yield();
        return await Leaf() * 2;
    }

    private static async Task<int> Leaf()
    {
        await Task.Yield();
        Probe.Record("Leaf after yield");
        return 1;
    }

    public static int BlockOn() => Top().GetAwaiter().GetResult();

    public static async Task<string> ConfigureAwaitFalse()
    {
        await Task.Delay(1).ConfigureAwait(false);
        Probe.Record("after delay");
        return "done";
    }

    public static async ValueTask ValueTaskMethod()
    {
        await Task.Yield();
        Probe.Record("ValueTask");
    }

    public static async ValueTask<int> ValueTaskOfT()
    {
        await Task.Yield();
        await ValueTaskMethod();
        return 7;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<int> PooledBuilder()
    {
        await Task.Yield();
        Probe.Record("pooled");
        return 5;
    }

    public static Task AsyncVoidCaller()
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        AsyncVoid(done);
        return done.Task;
    }

    private static async void AsyncVoid(TaskCompletionSource<bool> done)
    {
        await Task.Yield();
        Probe.Record("async void");
        done.SetResult(true);
    }

    public static async Task<int> Consume()
    {
        int sum = 0;
        await foreach (int value in Produce(2))
            sum += value;
        return sum;
    }

    private static async IAsyncEnumerable<int> Produce(int count)
    {
        for (int i = 0; i < count; i++)
        {
            await Task.Yield();
            Probe.Record("produce " + i);
            yield return i + 1;
        }
    }

    public static async Task<int> AsyncThroughSync()
    {
        await Task.Yield();
        return await SyncMiddle();
    }

    private static Task<int> SyncMiddle() => InnerAsync();

    private static async Task<int> InnerAsync()
    {
        await Task.Yield();
        Probe.Record("inner");
        return 3;
    }

    public static async Task<string> CatchAcrossAwait()
    {
        try
        {
            await ThrowAfterYield();
            return "not reached";
        }
        catch (InvalidOperationException e)
        {
            Probe.Record("caught");
            return e.Message;
        }
    }

    private static async Task ThrowAfterYield()
    {
        await Task.Yield();
        throw new InvalidOperationException("across await");
    }

    public static async Task<string> CancelAcrossAwait()
    {
        using var cts = new CancellationTokenSource();
        cts.CancelAfter(1);
        try
        {
            await Task.Delay(Timeout.Infinite, cts.Token);
            return "not reached";
        }
        catch (OperationCanceledException)
        {
            Probe.Record("cancelled");
            return "cancelled";
        }
    }

    public static async Task<int> RunInline()
    {
        var gate = new TaskCompletionSource<int>();
        var waiter = Waiter(gate.Task);
        await Task.Yield();
        Completer(gate);
        return await waiter;
    }

    private static async Task<int> Waiter(Task<int> gate)
    {
        int value = await gate;
        Probe.Record("inline continuation");
        return value;
    }

    private static void Completer(TaskCompletionSource<int> gate) => gate.SetResult(4);

    public static async Task<int> Recurse(int depth)
    {
        await Task.Yield();
        if (depth == 0)
        {
            Probe.Record("bottom");
            return 0;
        }
        return await Recurse(depth - 1) + 1;
    }

    public static async Task<int> FanOut()
    {
        var results = await Task.WhenAll(Leaf(), Leaf(), Leaf());
        return results.Length;
    }
}

/// <summary>More shapes: WhenAny, a synchronization context, and many concurrent operations.</summary>
public static class MoreAsyncShapes
{
    public static async Task<int> FirstOfTwo()
    {
        var slow = new TaskCompletionSource<int>();
        var winner = await Task.WhenAny(Quick(), slow.Task);
        slow.SetResult(0);
        return await winner;
    }

    private static async Task<int> Quick()
    {
        await Task.Yield();
        Probe.Record("quick");
        return 9;
    }

    /// <summary>Runs an async chain on a single-threaded synchronization context (like a UI thread).</summary>
    public static int OnSingleThreadContext()
    {
        using var context = new SingleThreadContext();
        return context.Run(OnContext);
    }

    private static async Task<int> OnContext()
    {
        await Task.Yield();
        int value = await OnContextInner();
        Probe.Record("context outer");
        return value + 1;
    }

    private static async Task<int> OnContextInner()
    {
        await Task.Delay(1);
        Probe.Record("context inner");
        return 1;
    }

    public static async Task<int> Many(int count)
    {
        var all = new Task<int>[count];
        for (int i = 0; i < count; i++)
            all[i] = OneOfMany(i);
        var results = await Task.WhenAll(all);
        return results.Length;
    }

    private static async Task<int> OneOfMany(int i)
    {
        await Task.Delay(1 + i % 5);
        Probe.Record("many");
        return i;
    }
}

/// <summary>A synchronization context that runs every continuation on one dedicated thread.</summary>
[HybridProf.NoProfile]
public sealed class SingleThreadContext : SynchronizationContext, IDisposable
{
    private readonly System.Collections.Concurrent.BlockingCollection<(SendOrPostCallback, object?)> _queue = new();

    public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

    public T Run<T>(Func<Task<T>> body)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            var task = body();
            task.ContinueWith(_ => _queue.CompleteAdding(), TaskScheduler.Default);
            foreach (var (callback, state) in _queue.GetConsumingEnumerable())
                callback(state);
            return task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    public void Dispose() => _queue.Dispose();
}

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

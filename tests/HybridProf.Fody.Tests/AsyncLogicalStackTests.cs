namespace HybridProf.Fody.Tests;

/// <summary>Code resumed after an await is attributed to the chain of async callers that awaited it.</summary>
public class AsyncLogicalStackTests
{
    private const string A = "WeaverInput.AsyncShapes";

    private static async Task<(object? Result, List<string> Log)> Await(string flavour, string method, params object[] args)
    {
        var woven = WovenInput.Get(flavour);
        var (task, _) = woven.Call("AsyncShapes", method, args);
        object? result = task switch
        {
            Task<int> t => await t,
            Task<string> t => await t,
            Task t => await t.ContinueWith(_ => (object?)null),
            ValueTask<int> v => await v,
            ValueTask v => await v.AsTask().ContinueWith(_ => (object?)null),
            _ => task,
        };
        lock (woven.ProbeLog())
            return (result, woven.ProbeLog().Cast<string>().ToList());
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public async Task A_continuation_runs_under_its_awaiting_callers(string flavour)
    {
        var (result, log) = await Await(flavour, "Top");
        Assert.Equal(3, result);
        Assert.Equal(new[] { $"Leaf after yield: {A}.Top > {A}.Mid > {A}.Leaf" }, log);
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Blocking_on_async_code_from_sync_code_keeps_the_sync_caller(string flavour)
    {
        var (result, log) = WovenInput.Get(flavour).Call("AsyncShapes", "BlockOn");
        Assert.Equal(3, result);
        Assert.Equal(new[] { $"Leaf after yield: {A}.BlockOn > {A}.Top > {A}.Mid > {A}.Leaf" }, log);
    }

    [Theory]
    [InlineData("Optimized", "ConfigureAwaitFalse", "after delay", "ConfigureAwaitFalse")]
    [InlineData("Unoptimized", "ConfigureAwaitFalse", "after delay", "ConfigureAwaitFalse")]
    [InlineData("Optimized", "ValueTaskOfT", "ValueTask", "ValueTaskOfT > WeaverInput.AsyncShapes.ValueTaskMethod")]
    [InlineData("Unoptimized", "ValueTaskOfT", "ValueTask", "ValueTaskOfT > WeaverInput.AsyncShapes.ValueTaskMethod")]
    [InlineData("Optimized", "PooledBuilder", "pooled", "PooledBuilder")]
    [InlineData("Unoptimized", "PooledBuilder", "pooled", "PooledBuilder")]
    [InlineData("Optimized", "AsyncVoidCaller", "async void", "AsyncVoidCaller > WeaverInput.AsyncShapes.AsyncVoid")]
    [InlineData("Unoptimized", "AsyncVoidCaller", "async void", "AsyncVoidCaller > WeaverInput.AsyncShapes.AsyncVoid")]
    [InlineData("Optimized", "AsyncThroughSync", "inner", "AsyncThroughSync > WeaverInput.AsyncShapes.SyncMiddle > WeaverInput.AsyncShapes.InnerAsync")]
    [InlineData("Unoptimized", "AsyncThroughSync", "inner", "AsyncThroughSync > WeaverInput.AsyncShapes.SyncMiddle > WeaverInput.AsyncShapes.InnerAsync")]
    [InlineData("Optimized", "CatchAcrossAwait", "caught", "CatchAcrossAwait")]
    [InlineData("Unoptimized", "CatchAcrossAwait", "caught", "CatchAcrossAwait")]
    [InlineData("Optimized", "CancelAcrossAwait", "cancelled", "CancelAcrossAwait")]
    [InlineData("Unoptimized", "CancelAcrossAwait", "cancelled", "CancelAcrossAwait")]
    [InlineData("Optimized", "RunInline", "inline continuation", "RunInline > WeaverInput.AsyncShapes.Waiter")]
    [InlineData("Unoptimized", "RunInline", "inline continuation", "RunInline > WeaverInput.AsyncShapes.Waiter")]
    public async Task Every_builder_and_shape_resumes_under_its_logical_chain(string flavour, string method, string label, string chain)
    {
        var (_, log) = await Await(flavour, method);
        Assert.Equal(new[] { $"{label}: {A}.{chain}" }, log);
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public async Task Async_iterator_steps_run_under_their_consumer(string flavour)
    {
        var (result, log) = await Await(flavour, "Consume");
        Assert.Equal(3, result);
        Assert.Equal(new[] { $"produce 0: {A}.Consume > {A}.Produce", $"produce 1: {A}.Consume > {A}.Produce" }, log);
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public async Task Recursive_async_methods_keep_every_level(string flavour)
    {
        var (result, log) = await Await(flavour, "Recurse", 2);
        Assert.Equal(2, result);
        Assert.Equal(new[] { $"bottom: {A}.Recurse > {A}.Recurse > {A}.Recurse" }, log);
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public async Task WhenAll_children_each_run_under_the_parent(string flavour)
    {
        var (result, log) = await Await(flavour, "FanOut");
        Assert.Equal(3, result);
        Assert.Equal(Enumerable.Repeat($"Leaf after yield: {A}.FanOut > {A}.Leaf", 3), log);
    }
}

public class MoreAsyncLogicalStackTests
{
    private const string M = "WeaverInput.MoreAsyncShapes";

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public async Task WhenAny_winner_runs_under_the_parent(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        var (task, _) = woven.Call("MoreAsyncShapes", "FirstOfTwo");
        Assert.Equal(9, await (Task<int>)task!);
        Assert.Equal(new[] { $"quick: {M}.FirstOfTwo > {M}.Quick" }, Log(woven));
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void A_synchronization_context_keeps_the_logical_chain(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        var (result, log) = woven.Call("MoreAsyncShapes", "OnSingleThreadContext");
        Assert.Equal(2, result);
        Assert.Equal(new[]
        {
            $"context inner: {M}.OnSingleThreadContext > {M}.OnContext > {M}.OnContextInner",
            $"context outer: {M}.OnSingleThreadContext > {M}.OnContext",
        }, log);
        Assert.Empty(Profiler.CurrentStack());
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public async Task Thousands_of_concurrent_operations_each_keep_their_chain(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        var (task, _) = woven.Call("MoreAsyncShapes", "Many", 3000);
        // A hang would stall the whole run: fail it instead, with the log so far.
        Assert.Equal(3000, await ((Task<int>)task!).WaitAsync(TimeSpan.FromSeconds(60)));
        var log = Log(woven);
        Assert.Equal(3000, log.Count);
        Assert.All(log, entry => Assert.Equal($"many: {M}.Many > {M}.OneOfMany", entry));
    }

    private static List<string> Log(WovenInput woven)
    {
        lock (woven.ProbeLog())
            return woven.ProbeLog().Cast<string>().ToList();
    }
}

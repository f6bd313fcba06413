namespace HybridProf.Fody.Tests;

public class AsyncAndLambdaTests
{
    private const string L = "WeaverInput.LambdasAndAsync";

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Lambdas_and_local_functions_are_named_under_their_method(string flavour)
    {
        var (result, log) = WovenInput.Get(flavour).Call("LambdasAndAsync", "WithLambdas", new[] { 1, 2 });
        Assert.Equal(11, result);
        Assert.Equal(new[]
        {
            $"lambda: {L}.WithLambdas > {L}.WithLambdas.lambda1",
            $"lambda: {L}.WithLambdas > {L}.WithLambdas.lambda1",
            $"local: {L}.WithLambdas > {L}.WithLambdas.Local",
        }, log);
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public async Task Async_methods_keep_their_results_across_awaits(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        var (task, log) = woven.Call("LambdasAndAsync", "ComputeAsync", 4);
        Assert.Equal(new[] { $"ComputeAsync start: {L}.ComputeAsync" }, log);
        Assert.Empty(Profiler.CurrentStack());
        Assert.Equal(6, await (Task<int>)task!);
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public async Task Async_exceptions_surface_at_the_await(string flavour)
    {
        var (task, _) = WovenInput.Get(flavour).Call("LambdasAndAsync", "ThrowsAsync");
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => ((ValueTask<string>)task!).AsTask());
        Assert.Equal("async boom", e.Message);
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Each_iterator_step_runs_under_its_consumer(string flavour)
    {
        var (result, log) = WovenInput.Get(flavour).Call("LambdasAndAsync", "ConsumeNumbers");
        Assert.Equal(1, result);
        Assert.Equal(new[]
        {
            $"Numbers 0: {L}.ConsumeNumbers > {L}.Numbers",
            $"Numbers 1: {L}.ConsumeNumbers > {L}.Numbers",
        }, log);
        Assert.Empty(Profiler.CurrentStack());
    }
}

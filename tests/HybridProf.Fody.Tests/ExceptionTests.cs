namespace HybridProf.Fody.Tests;

public class ExceptionTests
{
    private const string Ex = "WeaverInput.ClassWithExceptions";

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Frames_that_threw_are_gone_when_the_catch_runs(string flavour)
    {
        var (result, log) = WovenInput.Get(flavour).Call("ClassWithExceptions", "CatchAfterThrow");
        Assert.Equal("boom", result);
        Assert.Equal(new[]
        {
            $"throw: {Ex}.CatchAfterThrow > {Ex}.Thrower > {Ex}.Thrower > {Ex}.Thrower > {Ex}.Thrower",
            $"catch: {Ex}.CatchAfterThrow",
        }, log);
        Assert.Empty(Profiler.CurrentStack());
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Exception_filters_keep_choosing_the_handler(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        var (accepted, log) = woven.Call("ClassWithExceptions", "Filter", 4);
        Assert.Equal(4, accepted);
        Assert.Equal(new[] { $"filtered catch: {Ex}.Filter" }, log);
        Assert.Equal(-3, woven.Call("ClassWithExceptions", "Filter", 3).Result);
        Assert.Empty(Profiler.CurrentStack());
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Nested_finally_blocks_run_in_order(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        Assert.Equal(1015, woven.Call("ClassWithExceptions", "NestedFinally", 5).Result);
        var (thrown, log) = woven.Call("ClassWithExceptions", "NestedFinally", -1);
        Assert.Equal(1109, thrown);
        Assert.Equal(new[] { $"inner finally: {Ex}.NestedFinally" }, log);
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Rethrow_through_a_local_function_unwinds_one_frame_at_a_time(string flavour)
    {
        var (result, log) = WovenInput.Get(flavour).Call("ClassWithExceptions", "Rethrow");
        Assert.Equal(1, result);
        Assert.Equal(new[]
        {
            $"throw: {Ex}.Rethrow > {Ex}.Rethrow.Inner > {Ex}.Thrower",
            $"inner catch: {Ex}.Rethrow > {Ex}.Rethrow.Inner",
            $"outer catch: {Ex}.Rethrow",
        }, log);
    }
}

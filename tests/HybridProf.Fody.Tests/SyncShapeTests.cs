namespace HybridProf.Fody.Tests;

public class SyncShapeTests
{
    private const string Shapes = "WeaverInput.ClassWithSyncShapes";

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Weaving_reports_no_errors(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        Assert.Empty(woven.Result.Errors);
        Assert.True(woven.WovenCount > 30, $"only {woven.WovenCount} methods were woven");
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Static_method_pushes_and_pops(string flavour)
    {
        var (result, log) = WovenInput.Get(flavour).Call("ClassWithSyncShapes", "StaticAdd", 2, 3);
        Assert.Equal(5, result);
        Assert.Equal(new[] { $"StaticAdd: {Shapes}.StaticAdd" }, log);
        Assert.Empty(Profiler.CurrentStack());
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Instance_methods_nest(string flavour)
    {
        var (result, log) = WovenInput.Get(flavour).Call("SyncEntryPoints", "Instance", 3);
        Assert.Equal(9, result);
        Assert.Equal(new[]
        {
            $"InstanceCall: WeaverInput.SyncEntryPoints.Instance > {Shapes}.InstanceCall",
            $"Nested: WeaverInput.SyncEntryPoints.Instance > {Shapes}.InstanceCall > {Shapes}.Nested",
        }, log);
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Out_ref_and_in_parameters_keep_working(string flavour)
    {
        var args = new object?[] { null, 5, 7 };
        var (_, log) = WovenInput.Get(flavour).Call("ClassWithSyncShapes", "OutRefIn", args);
        Assert.Equal(12, args[1]);
        Assert.Equal(24, args[0]);
        Assert.Equal(new[] { $"OutRefIn: {Shapes}.OutRefIn" }, log);
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Ref_returns_still_alias_the_slot(string flavour)
    {
        var (result, log) = WovenInput.Get(flavour).Call("SyncEntryPoints", "UseRefReturn");
        Assert.Equal(7, result);
        Assert.Equal(2, log.Count);
        Assert.All(log, l => Assert.Equal($"RefReturn: WeaverInput.SyncEntryPoints.UseRefReturn > {Shapes}.RefReturn", l));
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Overloads_get_their_parameter_types(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        Assert.Equal(new[] { $"Overload(int): {Shapes}.Overload(int)" }, woven.Call("ClassWithSyncShapes", "Overload", 4).Log);
        Assert.Equal(new[] { $"Overload(string): {Shapes}.Overload(string)" }, woven.Call("ClassWithSyncShapes", "Overload", "s").Log);
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Early_returns_from_loops_and_switches_keep_their_values(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        Assert.Equal(30, woven.Call("ClassWithSyncShapes", "EarlyReturns", 3).Result);
        Assert.Equal(300, woven.Call("ClassWithSyncShapes", "EarlyReturns", 30).Result);
        Assert.Equal(-1, woven.Call("ClassWithSyncShapes", "EarlyReturns", 99).Result);
        Assert.Empty(Profiler.CurrentStack());
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void A_method_that_only_throws_pops_its_frame(string flavour)
    {
        var e = Assert.Throws<System.Reflection.TargetInvocationException>(
            () => WovenInput.Get(flavour).Call("ClassWithSyncShapes", "OnlyThrows", "no"));
        Assert.Equal("no", e.InnerException!.Message);
        Assert.Empty(Profiler.CurrentStack());
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Unsafe_fixed_and_stackalloc_keep_working(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        var (sum, log) = woven.Call("UnsafeShapes", "SumStackalloc", 5);
        Assert.Equal(10, sum);
        Assert.Equal(new[] { "SumStackalloc: WeaverInput.UnsafeShapes.SumStackalloc" }, log);
        Assert.Equal(6, woven.Call("UnsafeShapes", "SumFixed", new[] { 1, 2, 3 }).Result);
        Assert.Equal(12, woven.Call("UnsafeShapes", "SumRawStackalloc", 4).Result);
        Assert.Equal(3, woven.Call("SyncEntryPoints", "CountChars", "abc").Result);
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Default_exclusions_are_not_instrumented(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        Assert.Equal(0, woven.Call("DefaultExclusions", "Inlined").Result);
        Assert.Equal(0, woven.Call("DefaultExclusions", "Excluded").Result);
    }
}

public class OverloadTests
{
    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Generic_and_conversion_overloads_each_get_their_own_frame(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        var (picked, pickLog) = woven.Call("Meters", "PickBoth", "x");
        Assert.Equal("xxInt32", picked);
        Assert.Equal(2, pickLog.Count);
        Assert.NotEqual(pickLog[0].Split(": ")[1], pickLog[1].Split(": ")[1]);
        Assert.StartsWith("Pick: WeaverInput.Meters.PickBoth > WeaverInput.Meters.Pick", pickLog[0]);
        Assert.StartsWith("Pick<T>: WeaverInput.Meters.PickBoth > WeaverInput.Meters.Pick", pickLog[1]);

        var (converted, toDouble) = woven.Call("Meters", "Convert", 2.5);
        Assert.Equal(2.5, converted);
        var (truncated, toInt) = woven.Call("Meters", "Truncate", 2.5);
        Assert.Equal(2, truncated);
        Assert.NotEqual(toDouble.Single().Split(" > ")[^1], toInt.Single().Split(" > ")[^1]);
    }
}

using HybridProf.Cli.Truth;

namespace HybridProf.Cli.Tests.Truth;

/// <summary>
/// The runtime's frame names (dotnet-trace's, as TraceEvent writes them, and the perf map's) against
/// HybridProf's: each pair is one method of real C# as both sides name it.
/// </summary>
public class FrameNameMapTests
{
    [Theory]
    // Methods, in the plain build's module: the module and the parameter list go.
    [InlineData("Workloads.Plain!Workloads.Parser.Term()", "Workloads.Parser.Term")]
    [InlineData("Workloads!Workloads.Program.Main(class System.String[])", "Workloads.Program.Main")]
    // Nested and generic types: + becomes a dot, arity and instantiation go.
    [InlineData("Shop!Shop.Cache`2+Entry[System.__Canon,System.Int32].Get(!0)", "Shop.Cache<TKey, TValue>.Entry.Get")]
    [InlineData("Shop!Shop.Util.Map[System.__Canon](class System.Collections.Generic.List`1<!!0>)", "Shop.Util.Map<T>")]
    // Constructors, static constructors, finalizers.
    [InlineData("Shop!Shop.Cache..ctor(int32)", "Shop.Cache..ctor")]
    [InlineData("Shop!Shop.Cache..cctor()", "Shop.Cache..cctor")]
    [InlineData("Shop!Shop.Node.Finalize()", "Shop.Node.~Node")]
    // Accessors, indexers, events.
    [InlineData("Shop!Shop.Cache.get_Count()", "Shop.Cache.Count.get")]
    [InlineData("Shop!Shop.Cache.set_Count(int32)", "Shop.Cache.Count.init")]
    [InlineData("Shop!Shop.Table.get_Item(class System.String)", "Shop.Table.this[].get")]
    [InlineData("Shop!Shop.Cache.add_Changed(class System.EventHandler)", "Shop.Cache.Changed.add")]
    // Operators and conversions.
    [InlineData("Shop!Shop.Vec.op_Addition(value class Shop.Vec,value class Shop.Vec)", "Shop.Vec.operator +")]
    [InlineData("Shop!Shop.Vec.op_LessThan(value class Shop.Vec,value class Shop.Vec)", "Shop.Vec.operator <")]
    [InlineData("Shop!Shop.Vec.op_CheckedAddition(value class Shop.Vec,value class Shop.Vec)", "Shop.Vec.operator checked +")]
    [InlineData("Shop!Shop.Vec.op_Implicit(int32)", "Shop.Vec.implicit operator Vec")]
    // Async methods and iterators: the state machine's MoveNext is the method named in it.
    [InlineData("Workloads!Workloads.FanOut+<Shard>d__2.MoveNext()", "Workloads.FanOut.Shard")]
    [InlineData("Shop!Shop.Feed+<Items>d__4`1[System.__Canon].MoveNext()", "Shop.Feed.Items<T>")]
    // Top-level statements, sync and async.
    [InlineData("App!Program.<Main>$(class System.String[])", "Program.Main")]
    [InlineData("App!Program+<<Main>$>d__0.MoveNext()", "Program.Main")]
    // Local functions (also nested ones and async ones) and lambdas, under their member.
    [InlineData("Shop!Shop.Parser.<Lambdas>g__Local|0_0(int32)", "Shop.Parser.Lambdas.Local")]
    [InlineData("Shop!Shop.Parser.<Lambdas>g__Inner|0_1()", "Shop.Parser.Lambdas.Inner")]
    [InlineData("Shop!Shop.Parser+<<Run>g__Load|3_0>d.MoveNext()", "Shop.Parser.Run.Load")]
    [InlineData("Shop!Shop.Parser+<>c.<Parse>b__2_0(int32)", "Shop.Parser.Parse.lambda1")]
    [InlineData("Shop!Shop.Parser+<>c__DisplayClass2_0.<Parse>b__1()", "Shop.Parser.Parse(string).lambda3")]
    [InlineData("Shop!Shop.Parser+<>c+<<Parse>b__2_0>d.MoveNext()", "Shop.Parser.Parse.lambda1")]
    // The perf map's spelling (perf script with DOTNET_PerfMapEnabled=1).
    [InlineData("instance float64 [Workloads.Plain] Workloads.Parser::Term()[OptimizedTier1]", "Workloads.Parser.Term")]
    [InlineData("int32 [Workloads] Workloads.Program::Main(string[])[QuickJitted]", "Workloads.Program.Main")]
    [InlineData("instance bool [Shop] Shop.Cache`2[System.__Canon,System.Int32]::TryGet(!0,!1&)[OptimizedTier1]", "Shop.Cache<TKey, TValue>.TryGet")]
    public void A_runtime_name_maps_to_the_frame_HybridProf_names_it(string runtime, string hybridProf)
    {
        var map = new FrameNameMap([hybridProf, "Unrelated.Type.Method", "[GC]"]);
        Assert.Equal(hybridProf, map.Map(runtime));
    }

    [Theory]
    // TraceEvent's own frames are no methods.
    [InlineData("CPU_TIME")]
    [InlineData("UNMANAGED_CODE_TIME")]
    [InlineData("Threads")]
    [InlineData("Thread (21369)")]
    [InlineData("(Non-Activities)")]
    [InlineData("Process64 dotnet (21369) Args: Workloads.Plain.dll parser 3000")]
    // The base class library, and methods HybridProf does not show (folded by the size rule).
    [InlineData("System.Private.CoreLib!System.Text.StringBuilder.Append(wchar)")]
    [InlineData("Workloads.Plain!Workloads.Parser.Peek()")]
    [InlineData("[unknown]")]
    [InlineData("__tls_get_addr")]
    public void A_name_of_no_frame_the_profile_shows_maps_to_nothing(string runtime)
    {
        var map = new FrameNameMap(["Workloads.Parser.Term", "Workloads.Program.Main", "System.Text.StringBuilder.Insert"]);
        Assert.Null(map.Map(runtime));
    }

    [Fact]
    public void Same_names_in_other_types_or_namespaces_do_not_match()
    {
        var map = new FrameNameMap(["Shop.Parser.Term", "Shop.Inner.Parser.Run"]);
        Assert.Null(map.Map("Workloads!Workloads.Parser.Term()"));
        Assert.Null(map.Map("Shop!Shop.Parser+Inner.Run()"));
        Assert.Equal("Shop.Inner.Parser.Run", map.Map("Shop!Shop.Inner.Parser.Run()"));
    }

    [Fact]
    public void Overloads_are_told_apart_by_their_parameter_types()
    {
        var map = new FrameNameMap(["Shop.Parser.Parse(string)", "Shop.Parser.Parse(int, string)", "Shop.Parser.Parse(ref int, int[], List<T>)"]);
        Assert.Equal("Shop.Parser.Parse(string)", map.Map("Shop!Shop.Parser.Parse(class System.String)"));
        Assert.Equal("Shop.Parser.Parse(int, string)", map.Map("Shop!Shop.Parser.Parse(int32,class System.String)"));
        Assert.Equal("Shop.Parser.Parse(ref int, int[], List<T>)",
            map.Map("Shop!Shop.Parser.Parse(int32&,int32[],class System.Collections.Generic.List`1<!!0>)"));
        Assert.Equal("Shop.Parser.Parse(string)", map.Map("string [Shop] Shop.Parser::Parse(string)[OptimizedTier1]"));
    }

    [Fact]
    public void Two_lambdas_of_one_member_are_ambiguous_because_the_two_sides_number_them_differently()
    {
        var map = new FrameNameMap(["Shop.Parser.Parse.lambda1", "Shop.Parser.Parse.lambda2", "Shop.Parser.Parse"]);
        var mapping = map.Resolve("Shop!Shop.Parser+<>c.<Parse>b__2_1(int32)");
        Assert.Null(mapping.Frame);
        Assert.Equal(["Shop.Parser.Parse.lambda1", "Shop.Parser.Parse.lambda2"], mapping.Ambiguous);
        Assert.Equal("Shop.Parser.Parse", map.Map("Shop!Shop.Parser.Parse()"));
    }

    [Fact]
    public void Overloads_the_parameters_cannot_tell_apart_are_ambiguous()
    {
        var map = new FrameNameMap(["Shop.Vec.implicit operator Vec(int)", "Shop.Vec.implicit operator long(Vec)"]);
        Assert.Equal("Shop.Vec.implicit operator Vec(int)", map.Map("Shop!Shop.Vec.op_Implicit(int32)"));
        var both = new FrameNameMap(["Shop.Vec.implicit operator Vec(int)", "Shop.Vec.implicit operator Vec(long)"]);
        Assert.Equal("Shop.Vec.implicit operator Vec(long)", both.Map("Shop!Shop.Vec.op_Implicit(int64)"));
        Assert.NotNull(both.Resolve("Shop!Shop.Vec.op_Implicit(value class Shop.Other)").Ambiguous);
    }

    [Theory]
    [InlineData("instance float64 [Workloads.Plain] Workloads.Parser::Term()[OptimizedTier1]", "Workloads.Plain!Workloads.Parser.Term()")]
    [InlineData("void [System.Private.CoreLib] System.Threading.Thread::Sleep(int32)[PreJIT]", "System.Private.CoreLib!System.Threading.Thread.Sleep(int32)")]
    [InlineData("__tls_get_addr", "__tls_get_addr")]
    [InlineData("Shop!Shop.Parser.Term()", "Shop!Shop.Parser.Term()")]
    public void The_perf_map_spelling_reads_as_TraceEvent_spells_it(string perf, string traceEvent) =>
        Assert.Equal(traceEvent, FrameKeys.PerfMapToTraceEvent(perf));
}

namespace HybridProf.Fody.Tests;

/// <summary>
/// A delegate that woven code hands to another thread runs under the logical stack of the code
/// that handed it over, and the hand-over behaves exactly as without weaving.
/// </summary>
public class HandOffTests
{
    private const string H = "WeaverInput.HandOffShapes";

    [Theory]
    [InlineData("TaskRun", "run", "TaskRun > WeaverInput.HandOffShapes.TaskRun.lambda1")]
    [InlineData("TaskRunOfT", "run of T", "TaskRunOfT > WeaverInput.HandOffShapes.TaskRunOfT.lambda1 > WeaverInput.HandOffShapes.Recorded")]
    [InlineData("TaskOfTConstructor", "task of T", "TaskOfTConstructor > WeaverInput.HandOffShapes.TaskOfTConstructor.lambda1 > WeaverInput.HandOffShapes.Recorded")]
    [InlineData("StartNewWithState", "state s", "StartNewWithState > WeaverInput.HandOffShapes.StartNewWithState.lambda1")]
    [InlineData("GenericForEach", "item", "GenericForEach > WeaverInput.HandOffShapes.Sum<T> > WeaverInput.HandOffShapes.Sum<T>.lambda1")]
    [InlineData("ForWithLocals", "body", "ForWithLocals > WeaverInput.HandOffShapes.ForWithLocals.lambda2")]
    [InlineData("Invoke", "first", "Invoke > WeaverInput.HandOffShapes.Invoke.lambda1")]
    [InlineData("Thread", "thread x", "Thread > WeaverInput.HandOffShapes.Thread.lambda1")]
    [InlineData("Plinq", "plinq", "Plinq > WeaverInput.HandOffShapes.Plinq.lambda1 > WeaverInput.HandOffShapes.Recorded")]
    [InlineData("GenericClass", "holder", "GenericClass > WeaverInput.HandOffShapes.Holder<T>.Run > WeaverInput.HandOffShapes.Holder<T>.Run.lambda1")]
    [InlineData("QueueWithState", "queued q", "QueueWithState > WeaverInput.HandOffShapes.QueueWithState.lambda1")]
    public void Handed_over_work_runs_under_the_code_that_handed_it_over(string method, string label, string chain)
    {
        foreach (var flavour in new[] { "Optimized", "Unoptimized" })
        {
            var (_, log) = WovenInput.Get(flavour).Call("HandOffShapes", method);
            var entries = log.Where(l => l.StartsWith(label + ":", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.Equal($"{label}: {H}.{chain}", e));
        }
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void A_hand_over_that_reuses_the_last_wrapper_runs_its_own_work_under_its_own_hander(string flavour)
    {
        var (_, alternating) = WovenInput.Get(flavour).Call("HandOffShapes", "AlternatingHandOffs");
        Assert.Equal(
            Lines(
                $"alternating a: {H}.AlternatingHandOffs > {H}.AlternatingHandOffs.lambda1",
                $"alternating b: {H}.AlternatingHandOffs > {H}.AlternatingHandOffs.lambda2",
                $"alternating a: {H}.AlternatingHandOffs > {H}.AlternatingHandOffs.lambda1",
                $"alternating b: {H}.AlternatingHandOffs > {H}.AlternatingHandOffs.lambda2"),
            Lines(alternating));

        var (_, shared) = WovenInput.Get(flavour).Call("HandOffShapes", "SharedFromTwoPlaces");
        Assert.Equal(
            Lines(
                $"shared: {H}.SharedFromTwoPlaces",
                $"shared: {H}.SharedFromTwoPlaces",
                $"shared: {H}.SharedFromTwoPlaces > {H}.HandOverShared"),
            Lines(shared));
    }

    // One string, so that a failure shows every line whole.
    private static string Lines(params IEnumerable<string> lines) => string.Join("\n", lines);

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void A_lambda_alone_in_its_closure_is_carried_by_the_closure_and_runs_under_its_hander(string flavour)
    {
        var (carrier, log) = WovenInput.Get(flavour).Call("HandOffShapes", "CarriedClosure", 4);
        Assert.Equal(true, carrier);
        Assert.Equal(
            Lines(
                $"carried 4: {H}.CarriedClosure > {H}.CarriedClosure.lambda1",
                $"carried 4: {H}.CarriedClosure > {H}.CarriedClosure.lambda1"),
            Lines(log));

        var (bodiesSeen, bodies) = WovenInput.Get(flavour).Call("HandOffShapes", "CarriedParallelBodies", 100);
        Assert.Equal(100, bodiesSeen);
        Assert.Equal(15, bodies.Count);
        Assert.All(bodies, b => Assert.Equal($"body: {H}.CarriedParallelBodies > {H}.CarriedParallelBodies.lambda1", b));
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void A_cached_lambda_is_handed_over_as_one_delegate_bound_to_the_handers_node(string flavour)
    {
        var (result, log) = WovenInput.Get(flavour).Call("HandOffShapes", "CachedLambdaBoundToTheNode");
        Assert.Equal("HybridProf.Markers.AsyncNode True 14", result);
        string chain = $"cached: {H}.CachedLambdaBoundToTheNode > {H}.HandOverCached > {H}.HandOverCached.lambda1 > {H}.Recorded";
        Assert.Equal(Lines(chain, chain), Lines(log));
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void A_closure_of_two_lambdas_is_left_as_it_is_and_its_hand_over_wrapped(string flavour)
    {
        var (carrier, log) = WovenInput.Get(flavour).Call("HandOffShapes", "SharedClosure", 5);
        Assert.Equal(false, carrier);
        Assert.Equal($"shared closure 5: {H}.SharedClosure > {H}.SharedClosure.lambda1", Assert.Single(log));
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void A_lambda_sharing_its_closure_handed_over_where_it_is_made_is_carried_by_its_own_field(string flavour)
    {
        var (result, log) = WovenInput.Get(flavour).Call("HandOffShapes", "SharedClosureHandedWhereMade", 5);
        Assert.Equal("True 11", result);
        Assert.Equal($"shared, handed where made 5: {H}.SharedClosureHandedWhereMade > {H}.SharedClosureHandedWhereMade.lambda2 > {H}.Recorded", Assert.Single(log));
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void Results_are_those_of_the_plain_code(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        Assert.Equal(5, woven.Call("HandOffShapes", "TaskRunOfT").Result);
        Assert.Equal(6, woven.Call("HandOffShapes", "TaskOfTConstructor").Result);
        Assert.Equal(6, woven.Call("HandOffShapes", "GenericForEach").Result);
        Assert.Equal(6, woven.Call("HandOffShapes", "ForWithLocals").Result);
        Assert.Equal(3, woven.Call("HandOffShapes", "Plinq").Result);
        Assert.Equal("held", woven.Call("HandOffShapes", "GenericClass").Result);
        var (_, log) = woven.Call("HandOffShapes", "Invoke");
        Assert.Equal(2, log.Count);
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void A_null_delegate_fails_as_it_would_without_weaving(string flavour) =>
        Assert.Equal("action", WovenInput.Get(flavour).Call("HandOffShapes", "NullDelegate").Result);

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public void An_exception_from_handed_over_work_has_no_HybridProf_frame_in_its_trace(string flavour)
    {
        var trace = (string)WovenInput.Get(flavour).Call("HandOffShapes", "ThrowingWork").Result!;
        Assert.Contains("HandOffShapes.Throw", trace);
        Assert.DoesNotContain("HybridProf", trace);
        // Nor the thunk a cached lambda is handed over through.
        Assert.DoesNotContain("hp__", trace);
    }
}

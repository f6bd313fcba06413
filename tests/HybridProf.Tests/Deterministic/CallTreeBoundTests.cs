using HybridProf.Deterministic;

namespace HybridProf.Tests.Deterministic;

/// <summary>
/// The deterministic call tree keeps at most the bound's number of call paths: new paths past
/// it are counted under one <c>[truncated]</c> node per parent, calls and time included, and the
/// recorder's position stays right as calls return.
/// </summary>
public class CallTreeBoundTests
{
    [Fact]
    public void New_paths_past_the_bound_are_counted_under_truncated()
    {
        var recorder = new ThreadRecorder(Thread.CurrentThread, new CallPathBudget(5));
        int calls = 0;
        // Main → F(i) → G for 20 different i: 41 call paths, 5 kept.
        Enter(recorder, 1, 0, ref calls);
        for (int i = 0; i < 20; i++)
        {
            Enter(recorder, 100 + i, 1, ref calls);
            Enter(recorder, 2, 2, ref calls);
            recorder.Exit(2);
            recorder.Exit(1);
        }
        recorder.Exit(0);

        Assert.Same(recorder.Root, recorder.Top);
        var nodes = CallTree.Walk(recorder.Root).Select(n => n.Node).Where(n => n != recorder.Root).ToList();
        Assert.Equal(5, nodes.Count(n => n.Method != CallNode.TruncatedMethod));
        Assert.Equal(calls, nodes.Sum(n => n.Calls));
        // Main, F(100) → G, F(101) → G fit; later F(i) and everything below them fold into Main's [truncated].
        var truncated = Assert.Single(nodes, n => n.Method == CallNode.TruncatedMethod);
        Assert.Equal(1, truncated.Parent!.Method);
        Assert.Equal(18 * 2, truncated.Calls);
    }

    [Fact]
    public void Deep_recursion_past_the_bound_unwinds_to_the_root()
    {
        var recorder = new ThreadRecorder(Thread.CurrentThread, new CallPathBudget(50));
        int calls = 0;
        const int Depth = 10_000;
        for (int depth = 0; depth < Depth; depth++)
            Enter(recorder, 7, depth, ref calls);
        for (int depth = Depth - 1; depth >= 0; depth--)
            recorder.Exit(depth);

        Assert.Same(recorder.Root, recorder.Top);
        var nodes = CallTree.Walk(recorder.Root).Select(n => n.Node).Where(n => n != recorder.Root).ToList();
        Assert.Equal(51, nodes.Count);
        Assert.Equal(Depth - 50, Assert.Single(nodes, n => n.Method == CallNode.TruncatedMethod).Calls);
        Assert.Equal(Depth, nodes.Sum(n => n.Calls));
    }

    [Fact]
    public void A_bound_counts_nodes_of_all_threads_together()
    {
        var budget = new CallPathBudget(3);
        var first = new ThreadRecorder(Thread.CurrentThread, budget);
        var second = new ThreadRecorder(Thread.CurrentThread, budget);
        int calls = 0;
        Enter(first, 1, 0, ref calls);
        Enter(first, 2, 1, ref calls);
        Enter(second, 1, 0, ref calls);
        Enter(second, 2, 1, ref calls);

        Assert.Equal(2, first.Top.Method);
        Assert.Equal(CallNode.TruncatedMethod, second.Top.Method);
        Assert.Equal(1, second.Top.Parent!.Method);
    }

    private static void Enter(ThreadRecorder recorder, int method, int depth, ref int calls)
    {
        recorder.Enter(method, depth);
        calls++;
    }
}

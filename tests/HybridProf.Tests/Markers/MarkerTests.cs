using HybridProf.Markers;
using HybridProf.Tests.TestSupport;

namespace HybridProf.Tests.Markers;

public class MarkerTests
{
    private static readonly TestTable Table = new("Tests.Outer", "Tests.Inner", "Tests.Recursive");

    [Fact]
    public void This_process_runs_the_default_sampling_mode_markers()
    {
        // The marker tests here are about the path every user's build takes; the deterministic
        // path has a test process of its own (HybridProf.Deterministic.Tests).
        Assert.False(MarkerMode.Deterministic);
        Table.In("Tests.Outer", () => Assert.Null(ShadowStack.Current.Recorder));
    }

    [Fact]
    public void Enter_and_exit_push_and_pop_in_order()
    {
        var seen = Table.In("Tests.Outer", () => Table.In("Tests.Inner", () => Profiler.CurrentStack()));
        Assert.Equal(new[] { "Tests.Outer", "Tests.Inner" }, seen);
        Assert.Empty(Profiler.CurrentStack());
    }

    [Fact]
    public void Version_1_markers_of_libraries_woven_earlier_nest_with_version_2_ones()
    {
        var seen = Table.InVersion1("Tests.Outer", () => Table.In("Tests.Inner", () => Table.InVersion1("Tests.Recursive", () => Profiler.CurrentStack())));
        Assert.Equal(new[] { "Tests.Outer", "Tests.Inner", "Tests.Recursive" }, seen);
        Assert.Equal(0, ShadowStack.Current.Depth);
    }

    [Fact]
    public void A_pop_restores_the_depth_its_push_saw_even_when_a_callee_left_a_frame_behind()
    {
        int depthInside = -1;
        Table.In("Tests.Outer", () =>
        {
            // A callee whose exit never ran (it cannot happen with woven code, whose pop is in a
            // finally; it stands for any unbalanced marker): the outer pop still restores depth 0.
            Marker.Push(Table.Id("Tests.Inner"));
            depthInside = ShadowStack.Current.Depth;
        });
        Assert.Equal(2, depthInside);
        Assert.Equal(0, ShadowStack.Current.Depth);
        Assert.Empty(Profiler.CurrentStack());
    }

    [Fact]
    public void A_frame_that_throws_is_popped_before_the_catch_runs()
    {
        IReadOnlyList<string>? inCatch = null;
        Table.In("Tests.Outer", () =>
        {
            try
            {
                Table.In("Tests.Inner", () => throw new InvalidOperationException());
            }
            catch (InvalidOperationException)
            {
                inCatch = Profiler.CurrentStack();
            }
        });
        Assert.Equal(new[] { "Tests.Outer" }, inCatch);
    }

    [Fact]
    public void Recursion_100000_deep_is_counted_past_the_cap_and_unwinds_cleanly()
    {
        int cap = ShadowStack.MaxRecordedDepth;
        IReadOnlyList<string>? deepest = null;
        int depthAfter = -1;
        // A thread with a large stack: the test's own frames, not the profiler's, would overflow a small one.
        var thread = new Thread(() =>
        {
            deepest = Recurse(100_000);
            depthAfter = ShadowStack.Current.Depth;
        }, 1024 * 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal(cap, deepest!.Count);
        Assert.All(deepest, f => Assert.Equal("Tests.Recursive", f));
        Assert.Equal(0, depthAfter);
    }

    private static IReadOnlyList<string> Recurse(int depth) =>
        Table.In("Tests.Recursive", () => depth <= 1 ? Profiler.CurrentStack() : Recurse(depth - 1));

    [Fact]
    public void Each_thread_has_its_own_stack()
    {
        IReadOnlyList<string>? other = null;
        Table.In("Tests.Outer", () =>
        {
            var thread = new Thread(() => other = Table.In("Tests.Inner", () => Profiler.CurrentStack()));
            thread.Start();
            thread.Join();
        });
        Assert.Equal(new[] { "Tests.Inner" }, other);
    }

    [Fact]
    public void A_table_from_a_newer_format_is_refused_with_a_message_and_no_ids()
    {
        var messages = new List<string>();
        var previous = Diagnostics.Sink;
        Diagnostics.Sink = messages.Add;
        try
        {
            Assert.Equal(0, MethodRegistry.Register("hybridprof-table 99\nmethod\t-\tX\tf\t1", woven: true));
        }
        finally
        {
            Diagnostics.Sink = previous;
        }
        Assert.Contains(messages, m => m.Contains("format 99"));
    }
}

using HybridProf.Markers;

namespace HybridProf.Tests.Markers;

/// <summary>
/// A hand-over reuses the wrapper of the thread's last one only when it wraps the same work
/// under the same node: a loop handing a cached delegate over from one place then allocates
/// nothing, and any other hand-over gets a wrapper of its own. The captured node is reused
/// while exactly the same logical stack hands over again, from any of the last few call paths.
/// </summary>
public class HandOffReuseTests
{
    [Fact]
    public void The_same_work_from_the_same_node_reuses_the_wrapper_and_allocates_nothing() => OnFreshThread(() =>
    {
        _ = ShadowStack.Current; // the handing thread runs instrumented code
        var node = new AsyncNode(null, [1]);
        Action work = static () => { };
        var first = HandOff.Wrap(work, node)!;
        Assert.NotSame(work, first);

        int reused = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            if (ReferenceEquals(first, HandOff.Wrap(work, node)))
                reused++;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1000, reused);
        Assert.Equal(0, allocated);
    });

    [Fact]
    public void Other_work_another_node_or_another_shape_gets_a_wrapper_of_its_own() => OnFreshThread(() =>
    {
        _ = ShadowStack.Current;
        var node = new AsyncNode(null, [1]);
        var otherNode = new AsyncNode(null, [1]);
        var ran = new List<string>();
        Action a = () => ran.Add("a");
        Action b = () => ran.Add("b");
        Action<int> c = i => ran.Add("c" + i);

        var wrappedA = HandOff.Wrap(a, node)!;
        var wrappedB = HandOff.Wrap(b, node)!;
        var wrappedAElsewhere = HandOff.Wrap(a, otherNode)!;
        var wrappedC = HandOff.Wrap(c, node)!;
        var wrappedAAgain = HandOff.Wrap(a, node)!;

        Assert.NotSame(wrappedA, wrappedB);
        Assert.NotSame(wrappedA, wrappedAElsewhere);
        Assert.NotSame(wrappedA, wrappedAAgain); // b came between: the thread keeps only its last
        wrappedA();
        wrappedB();
        wrappedAElsewhere();
        wrappedC(7);
        wrappedAAgain();
        Assert.Equal(["a", "b", "a", "c7", "a"], ran);
    });

    [Fact]
    public void Hand_overs_from_a_few_call_paths_in_turn_capture_each_stack_once() => OnFreshThread(() =>
    {
        var outer = Marker.Push(1);
        var fromA = HandOverFrom(2);
        var fromB = HandOverFrom(3);
        Assert.Equal([1, 2], fromA.Frames);
        Assert.Equal([1, 3], fromB.Frames);

        int reused = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            if (ReferenceEquals(fromA, HandOverFrom(2)) && ReferenceEquals(fromB, HandOverFrom(3)))
                reused++;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Marker.Pop(outer);

        Assert.Equal(1000, reused);
        Assert.Equal(0, allocated);
    });

    [Fact]
    public void Another_frame_below_the_top_another_parent_or_an_evicted_stack_gets_a_node_of_its_own() => OnFreshThread(() =>
    {
        var stack = ShadowStack.Current;
        var outer = Marker.Push(1);
        var first = HandOverFrom(2);
        Marker.Pop(outer);

        // The same top frame at the same depth over another caller.
        var otherCaller = Marker.Push(4);
        var underOtherCaller = HandOverFrom(2);
        Marker.Pop(otherCaller);
        Assert.NotSame(first, underOtherCaller);
        Assert.Equal([4, 2], underOtherCaller.Frames);

        // The same frames above a switch entry to another node: the chain differs.
        stack.PushSwitch(new AsyncNode(null, [9]));
        var resumed = Marker.Push(1);
        var underSwitch = HandOverFrom(2);
        Marker.Pop(resumed);
        stack.Depth = 0;
        Assert.NotSame(first, underSwitch);
        Assert.Equal([9], underSwitch.Parent!.Frames);

        // Only the last few stacks are kept: after four others, the first is captured anew.
        for (int id = 10; id < 14; id++)
            HandOverFrom(id);
        outer = Marker.Push(1);
        var again = HandOverFrom(2);
        Marker.Pop(outer);
        Assert.NotSame(first, again);
        Assert.Equal(first.Frames, again.Frames);
    });

    // A hand-over from a method with id <paramref name="id"/> called from the current frames.
    private static AsyncNode HandOverFrom(int id)
    {
        var frame = Marker.Push(id);
        var node = HandOff.Capture();
        Marker.Pop(frame);
        return node!;
    }

    private static void OnFreshThread(Action test)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { test(); }
            catch (Exception e) { failure = e; }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }
}

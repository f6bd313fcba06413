using HybridProf.Markers;

namespace HybridProf.Tests.Markers;

/// <summary>
/// A hand-over reuses the wrapper of the thread's last one only when it wraps the same work
/// under the same node: a loop handing a cached delegate over from one place then allocates
/// nothing, and any other hand-over gets a wrapper of its own.
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

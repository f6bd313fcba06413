using HybridProf.Markers;

namespace HybridProf.Tests.Markers;

/// <summary>
/// Another thread's stack is copied while the thread pushes and pops: every copy must be a
/// stack the thread really had, never a mix of two (the frames of a call that just returned
/// above the one that followed it).
/// </summary>
public class ShadowStackCopyTests
{
    // The stacks the churning thread passes through: [], [1], [1 2], [1 2 3], [1 4].
    private static readonly HashSet<string> RealStacks = new() { "", "1", "1 2", "1 2 3", "1 4" };

    private const int Work = 20;

    [Fact]
    public void A_copy_taken_while_the_thread_pushes_and_pops_is_always_a_stack_it_had()
    {
        ShadowStack? stack = null;
        using var ready = new ManualResetEventSlim();
        bool stop = false;
        var churn = new Thread(() =>
        {
            stack = ShadowStack.Current;
            int bottom = stack.Depth;
            ready.Set();
            while (!Volatile.Read(ref stop))
            {
                // As markers do: push at the depth seen, pop by restoring it. Each stack is
                // kept a little while, as a call's work would; a return and the next call
                // follow each other at once, which is where a copy could mix them.
                stack.PushAt(1, bottom);
                stack.PushAt(2, bottom + 1);
                stack.PushAt(3, bottom + 2);
                Thread.SpinWait(Work);
                stack.Depth = bottom + 1;
                stack.PushAt(4, bottom + 1);
                Thread.SpinWait(Work);
                stack.Depth = bottom;
            }
        });
        churn.Start();
        ready.Wait();

        var seen = new Dictionary<string, int>();
        var buffer = new int[16];
        for (int i = 0; i < 300_000; i++)
        {
            int count = stack!.CopyTo(buffer, out _);
            string copy = string.Join(" ", buffer.Take(count));
            seen[copy] = seen.GetValueOrDefault(copy) + 1;
        }
        Volatile.Write(ref stop, true);
        churn.Join();

        // The copies saw the thread move: two different stacks at least (mostly the two it
        // keeps for a while, [1 2 3] and [1 4]).
        Assert.True(seen.Keys.Count(RealStacks.Contains) >= 2, "the copies never saw the thread move: " + string.Join(", ", seen.Keys));
        Assert.All(seen.Keys, copy => Assert.Contains(copy, RealStacks));
    }
}

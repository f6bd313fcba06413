using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HybridProf.Markers;
using HybridProf.Tests.TestSupport;

namespace HybridProf.Tests.Markers;

/// <summary>
/// The markers find a thread's shadow stack by the address of its machine stack: the answer
/// must be the thread's own stack every time, also for a new thread that the C library gives
/// the machine stack of one that died.
/// </summary>
public class StackByAddressTests
{
    private static readonly TestTable Table = new("Tests.Outer", "Tests.Inner");

    [Fact]
    public void On_linux_the_markers_find_the_stack_by_address()
    {
        Assert.Equal(OperatingSystem.IsLinux(), StackByAddress.Enabled);
    }

    [Fact]
    public void A_thread_finds_its_own_stack_by_address_again_and_again()
    {
        // Elsewhere the markers use the thread-local read alone (the first test checks that).
        if (!OperatingSystem.IsLinux())
            return;
        var own = ShadowStack.Current;
        for (int i = 0; i < 3; i++)
            Assert.Same(own, FindFromHere());
        Assert.True(own.MachineStackSize > 0);
    }

    [Fact]
    public unsafe void An_address_in_no_threads_machine_stack_finds_the_callers_stack_by_thread_local_read()
    {
        // Elsewhere the markers use the thread-local read alone (the first test checks that).
        if (!OperatingSystem.IsLinux())
            return;
        // Native memory lies in no thread's machine stack: its slot holds the unpublished
        // stand-in, or a stack whose range does not hold it, and it is never published.
        void* outside = NativeMemory.Alloc(1);
        try
        {
            var found = new ShadowStack[2];
            var other = new Thread(() => found[1] = StackByAddress.Find((nuint)outside));
            other.Start();
            other.Join();
            found[0] = StackByAddress.Find((nuint)outside);
            Assert.Same(ShadowStack.Current, found[0]);
            Assert.Same(ShadowStack.Current, StackByAddress.Find((nuint)outside));
            Assert.NotSame(found[0], found[1]);
            Assert.Same(other, found[1].Owner);
        }
        finally
        {
            NativeMemory.Free(outside);
        }
    }

    [Fact]
    public void A_new_thread_on_a_dead_threads_machine_stack_never_gets_the_dead_threads_shadow_stack()
    {
        // Elsewhere the markers use the thread-local read alone (the first test checks that).
        if (!OperatingSystem.IsLinux())
            return;
        var seen = new List<(ShadowStack ByAddress, ShadowStack ByThreadLocal, ShadowStack AfterAMarker)>();
        for (int i = 0; i < 40; i++)
        {
            // One after the other, each joined before the next starts: the C library hands a
            // finished thread's cached machine stack to the next thread of the same size.
            var thread = new Thread(() =>
            {
                var byAddress = FindFromHere();
                var afterAMarker = Table.In("Tests.Outer", () => FindFromHere());
                seen.Add((byAddress, ShadowStack.Current, afterAMarker));
            });
            thread.Start();
            thread.Join();
        }

        foreach (var (byAddress, byThreadLocal, afterAMarker) in seen)
        {
            Assert.Same(byThreadLocal, byAddress);
            Assert.Same(byThreadLocal, afterAMarker);
            // The thread published entries, and its exit hooks cleared every one. Join returns
            // when the managed thread is done; the system thread exits (and runs the hooks) a
            // moment later, before the C library can give its machine stack to another thread.
            Assert.True(byThreadLocal.ExitHooks > 0, "the thread published no entry");
            Assert.True(SpinWait.SpinUntil(() => !StackByAddress.AnyCellNames(byThreadLocal), TimeSpan.FromSeconds(10)), "the exit hook never ran");
        }
        Assert.Equal(seen.Count, seen.Select(s => s.ByThreadLocal).Distinct().Count());
        // The test means something only if machine stacks were in fact reused.
        int reused = seen.Count - seen.Select(s => s.ByThreadLocal.MachineStackLow).Distinct().Count();
        Assert.True(reused > 0, "no thread got an earlier thread's machine stack");
    }

    [Fact]
    public void Finished_threads_stacks_are_collected_while_threads_come_and_go()
    {
        // The exit hooks write their cells after the runtime let go of the thread's statics,
        // when its stack may already be collected: the cells are native memory that lives as
        // long as the process (a cell in GC memory here once corrupted the heap). Threads come
        // and go with collections between them.
        if (!OperatingSystem.IsLinux())
            return;
        var stacks = new List<WeakReference>();
        for (int i = 0; i < 60; i++)
        {
            var thread = new Thread(() =>
            {
                var stack = Table.In("Tests.Outer", () => FindFromHere());
                stacks.Add(new WeakReference(stack));
            });
            thread.Start();
            thread.Join();
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        // Later threads took earlier ones' lookup slots, so nothing holds those stacks (a
        // profiling session, when one runs, lets go of a thread's stack once it has ended).
        Assert.Contains(stacks, w => !w.IsAlive);
    }

    [Fact]
    public void A_thread_deeper_than_its_hooks_reach_finds_its_own_stack_at_every_depth_and_leaves_no_cell_behind()
    {
        // More pieces than a thread has exit hooks: later pieces take hooks back from earlier
        // ones, which must empty the earlier cells (the exit would no longer clear them).
        if (!OperatingSystem.IsLinux())
            return;
        var wrong = new List<int>();
        ShadowStack? own = null;
        var thread = new Thread(() =>
        {
            own = ShadowStack.Current;
            for (int round = 0; round < 3; round++)
                Descend(StackByAddress.EntriesPerThread * 3, own, wrong);
        });
        thread.Start();
        thread.Join();
        Assert.Empty(wrong);
        Assert.Equal(StackByAddress.EntriesPerThread, own!.ExitHooks);
        Assert.True(SpinWait.SpinUntil(() => !StackByAddress.AnyCellNames(own), TimeSpan.FromSeconds(10)), "a cell still names the dead thread's stack");
    }

    [Fact]
    public void Only_pieces_wholly_inside_the_machine_stack_are_published()
    {
        var stack = new ShadowStack(Thread.CurrentThread);
        Assert.False(stack.HoldsPiece(0x10000, 0x1000)); // no range known
        stack.SetMachineStack(0x10000, 0x3000);
        Assert.True(stack.HoldsPiece(0x10000, 0x1000));
        Assert.True(stack.HoldsPiece(0x12000, 0x1000));
        Assert.False(stack.HoldsPiece(0x13000, 0x1000));
        Assert.False(stack.HoldsPiece(0xF000, 0x1000));
        Assert.False(stack.HoldsPiece(0x12800, 0x1000)); // would reach past the end
    }

    /// <summary>Recurses <paramref name="levels"/> deep, about 2 KiB of machine stack a level, checking the lookup on the way down and up.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void Descend(int levels, ShadowStack own, List<int> wrong)
    {
        byte* room = stackalloc byte[2048];
        room[0] = 1;
        if (StackByAddress.Find((nuint)room) != own)
            wrong.Add(levels);
        if (levels > 0)
            Descend(levels - 1, own, wrong);
        if (StackByAddress.Find((nuint)(room + 2047)) != own)
            wrong.Add(-levels);
    }

    [Fact]
    public void The_marker_pushes_on_the_stack_the_thread_local_read_finds()
    {
        var seen = Table.In("Tests.Outer", () => Table.In("Tests.Inner", () => (ShadowStack.Current.Depth, Profiler.CurrentStack())));
        Assert.Equal(2, seen.Depth);
        Assert.Equal(new[] { "Tests.Outer", "Tests.Inner" }, seen.Item2);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe ShadowStack FindFromHere()
    {
        Assert.True(StackByAddress.Enabled);
        int local = 0;
        return StackByAddress.Find((nuint)(&local));
    }
}

using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace HybridProf.Markers;

/// <summary>
/// A delegate handed over to another thread and the node of the code that handed it over.
/// Each run pushes a switch entry to that node, exactly as a resumed async continuation does,
/// and pops it in a finally: the work is sampled (and, in deterministic mode, recorded) under
/// the hander's logical stack on whatever thread runs it.
/// </summary>
internal abstract class HandedWork
{
    private readonly AsyncNode _from;

    protected HandedWork(AsyncNode from) => _from = from;

    /// <summary>Whether this runs <paramref name="work"/> under <paramref name="from"/>.</summary>
    internal bool Wraps(Delegate work, AsyncNode from) => ReferenceEquals(_from, from) && ReferenceEquals(WorkDelegate, work);

    private protected abstract Delegate WorkDelegate { get; }

    // Inlined into each Run: a parallel loop pays them per iteration.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected Scope Begin() => Begin(_from);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void End(Scope run) => End(_from, run);

    /// <summary>A run under <paramref name="from"/> starts on this thread: the switch entry to it is pushed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Scope Begin(AsyncNode from)
    {
        var stack = ShadowStack.OfCaller();
        int depth = stack.Depth;
        return new Scope(stack, depth, BeginOn(stack, from));
    }

    /// <summary>
    /// <see cref="Begin(AsyncNode)"/> on a stack already at hand; the switch entry goes at its
    /// depth, one below the depth it leaves. Returns whether the run is counted on the node.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool BeginOn(ShadowStack stack, AsyncNode from)
    {
        // Counting runs is for wall mode's wait rule only (HandedWaits says why it is off otherwise).
        bool counted = HandedWaits.AreCounted;
        if (counted)
            Interlocked.Increment(ref from.PendingChildren);
        if (MarkerMode.Deterministic)
            stack.Recorder!.Resume(from, stack.Depth);
        stack.PushSwitch(from);
        return counted;
    }

    /// <summary>The run under <paramref name="from"/> ends: the stack is back where <see cref="Begin(AsyncNode)"/> found it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void End(AsyncNode from, Scope run)
    {
        var stack = run.Stack;
        if (run.Counted)
        {
            // Async work the delegate started and left pending (an async lambda at its first
            // await) is still this hand-over's work: the hander keeps waiting for it.
            stack.AdoptChildren(from, firstSuspension: false);
            Interlocked.Decrement(ref from.PendingChildren);
        }
        if (MarkerMode.Deterministic)
            stack.Recorder!.ExitAsync(run.Depth);
        stack.Depth = run.Depth;
    }

    internal readonly struct Scope
    {
        public Scope(ShadowStack stack, int depth, bool counted)
        {
            Stack = stack;
            Depth = depth;
            Counted = counted;
        }

        public ShadowStack Stack { get; }
        public int Depth { get; }
        public bool Counted { get; }
    }
}

/// <summary>A handed-over delegate of one shape; each shape's Run invokes <see cref="Work"/>.</summary>
internal abstract class HandedWork<TDelegate> : HandedWork where TDelegate : Delegate
{
    protected HandedWork(AsyncNode from, TDelegate work) : base(from) => Work = work;

    protected readonly TDelegate Work;

    private protected sealed override Delegate WorkDelegate => Work;
}

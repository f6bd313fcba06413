using System;
using System.ComponentModel;
using System.Threading;

namespace HybridProf.Markers;

/// <summary>
/// The calls the weaver plants where woven code hands a delegate to another thread
/// (<c>Task.Run</c>, <c>Parallel.*</c>, the thread pool, <c>new Thread</c>, timers, PLINQ):
/// <see cref="Capture"/> once per hand-over, then <c>Wrap</c> on each delegate argument, so
/// the delegate runs under a switch entry to the logical stack of the code that handed it
/// over, on whatever thread it runs. Binary contract, like <see cref="Marker"/>: these
/// signatures never change. A null delegate, or no instrumented code on the handing
/// thread, passes the delegate through untouched, so the API's own behaviour (its
/// ArgumentNullException included) is unchanged.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HandOff
{
    /// <summary>The handing thread's logical stack as a node, or null when it is outside instrumented code.</summary>
    public static AsyncNode? Capture() => ShadowStack.CurrentIfAttached?.CaptureHandOff();

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Action? Wrap(Action? work, AsyncNode? from) =>
        work is null || from is null ? work : Handed(work, from, static (f, w) => new HandedAction(f, w).Run);

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Action<T>? Wrap<T>(Action<T>? work, AsyncNode? from) =>
        work is null || from is null ? work : Handed(work, from, static (f, w) => new HandedAction<T>(f, w).Run);

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Action<T1, T2>? Wrap<T1, T2>(Action<T1, T2>? work, AsyncNode? from) =>
        work is null || from is null ? work : Handed(work, from, static (f, w) => new HandedAction<T1, T2>(f, w).Run);

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Action<T1, T2, T3>? Wrap<T1, T2, T3>(Action<T1, T2, T3>? work, AsyncNode? from) =>
        work is null || from is null ? work : Handed(work, from, static (f, w) => new HandedAction<T1, T2, T3>(f, w).Run);

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Func<TResult>? Wrap<TResult>(Func<TResult>? work, AsyncNode? from) =>
        work is null || from is null ? work : Handed(work, from, static (f, w) => new HandedFunc<TResult>(f, w).Run);

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Func<T, TResult>? Wrap<T, TResult>(Func<T, TResult>? work, AsyncNode? from) =>
        work is null || from is null ? work : Handed(work, from, static (f, w) => new HandedFunc<T, TResult>(f, w).Run);

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Func<T1, T2, TResult>? Wrap<T1, T2, TResult>(Func<T1, T2, TResult>? work, AsyncNode? from) =>
        work is null || from is null ? work : Handed(work, from, static (f, w) => new HandedFunc<T1, T2, TResult>(f, w).Run);

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Func<T1, T2, T3, TResult>? Wrap<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult>? work, AsyncNode? from) =>
        work is null || from is null ? work : Handed(work, from, static (f, w) => new HandedFunc<T1, T2, T3, TResult>(f, w).Run);

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Func<T1, T2, T3, T4, TResult>? Wrap<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult>? work, AsyncNode? from) =>
        work is null || from is null ? work : Handed(work, from, static (f, w) => new HandedFunc<T1, T2, T3, T4, TResult>(f, w).Run);

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static WaitCallback? Wrap(WaitCallback? work, AsyncNode? from) =>
        work is null || from is null ? work : Handed(work, from, static (f, w) => new HandedWaitCallback(f, w).Run);

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static TimerCallback? Wrap(TimerCallback? work, AsyncNode? from) =>
        work is null || from is null ? work : Handed(work, from, static (f, w) => new HandedTimerCallback(f, w).Run);

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static ParameterizedThreadStart? Wrap(ParameterizedThreadStart? work, AsyncNode? from) =>
        work is null || from is null ? work : Handed(work, from, static (f, w) => new HandedParameterizedThreadStart(f, w).Run);

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static ThreadStart? Wrap(ThreadStart? work, AsyncNode? from) =>
        work is null || from is null ? work : Handed(work, from, static (f, w) => new HandedThreadStart(f, w).Run);

    /// <summary>
    /// The delegate to hand over. A lambda of a closure that carries hand-overs
    /// (<see cref="IHandOffCarrier"/>) is handed over as it is, the node stored in its closure.
    /// Otherwise the wrapped delegate: the one this thread handed over last when it wraps the same work
    /// under the same node (a loop handing a cached, non-capturing delegate over from one place
    /// allocates nothing after its first hand-over), else a new one, kept for the next time.
    /// A wrapper holds nothing but the two, so handing it over again is the same hand-over.
    /// </summary>
    private static T Handed<T>(T work, AsyncNode from, Func<AsyncNode, T, T> wrap) where T : Delegate
    {
        // A lambda of a closure the weaver made a carrier switches to the node itself.
        if (work.Target is IHandOffCarrier carrier)
        {
            carrier.Carry(from);
            return work;
        }
        var stack = ShadowStack.CurrentIfAttached;
        if (stack?.LastHanded is T last && last.Target is HandedWork handed && handed.Wraps(work, from))
            return last;
        var wrapped = wrap(from, work);
        if (stack is not null)
            stack.LastHanded = wrapped;
        return wrapped;
    }

    /// <summary><c>Parallel.Invoke(params Action[])</c>: each action wrapped; the array is the caller's, so a copy.</summary>
    public static Action?[]? Wrap(Action?[]? work, AsyncNode? from)
    {
        if (work is null || from is null)
            return work;
        var wrapped = new Action?[work.Length];
        for (int i = 0; i < work.Length; i++)
            wrapped[i] = Wrap(work[i], from);
        return wrapped;
    }
}

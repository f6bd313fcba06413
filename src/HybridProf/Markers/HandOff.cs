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
        work is null || from is null ? work : new HandedAction(from, work).Run;

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Action<T>? Wrap<T>(Action<T>? work, AsyncNode? from) =>
        work is null || from is null ? work : new HandedAction<T>(from, work).Run;

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Action<T1, T2>? Wrap<T1, T2>(Action<T1, T2>? work, AsyncNode? from) =>
        work is null || from is null ? work : new HandedAction<T1, T2>(from, work).Run;

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Action<T1, T2, T3>? Wrap<T1, T2, T3>(Action<T1, T2, T3>? work, AsyncNode? from) =>
        work is null || from is null ? work : new HandedAction<T1, T2, T3>(from, work).Run;

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Func<TResult>? Wrap<TResult>(Func<TResult>? work, AsyncNode? from) =>
        work is null || from is null ? work : new HandedFunc<TResult>(from, work).Run;

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Func<T, TResult>? Wrap<T, TResult>(Func<T, TResult>? work, AsyncNode? from) =>
        work is null || from is null ? work : new HandedFunc<T, TResult>(from, work).Run;

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Func<T1, T2, TResult>? Wrap<T1, T2, TResult>(Func<T1, T2, TResult>? work, AsyncNode? from) =>
        work is null || from is null ? work : new HandedFunc<T1, T2, TResult>(from, work).Run;

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Func<T1, T2, T3, TResult>? Wrap<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult>? work, AsyncNode? from) =>
        work is null || from is null ? work : new HandedFunc<T1, T2, T3, TResult>(from, work).Run;

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static Func<T1, T2, T3, T4, TResult>? Wrap<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult>? work, AsyncNode? from) =>
        work is null || from is null ? work : new HandedFunc<T1, T2, T3, T4, TResult>(from, work).Run;

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static WaitCallback? Wrap(WaitCallback? work, AsyncNode? from) =>
        work is null || from is null ? work : new HandedWaitCallback(from, work).Run;

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static TimerCallback? Wrap(TimerCallback? work, AsyncNode? from) =>
        work is null || from is null ? work : new HandedTimerCallback(from, work).Run;

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static ParameterizedThreadStart? Wrap(ParameterizedThreadStart? work, AsyncNode? from) =>
        work is null || from is null ? work : new HandedParameterizedThreadStart(from, work).Run;

    /// <summary><paramref name="work"/> run under <paramref name="from"/>; itself when either is null.</summary>
    public static ThreadStart? Wrap(ThreadStart? work, AsyncNode? from) =>
        work is null || from is null ? work : new HandedThreadStart(from, work).Run;

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

using System;
using System.Collections.Generic;
using System.Linq;

namespace HybridProf.Model;

/// <summary>
/// What deterministic mode measured, in the manner of Python's pstats: per function and per
/// caller→callee edge, exact calls and times in nanoseconds. Async methods: calls are
/// logical invocations, times are the slices their code ran (see docs/deterministic.md).
/// </summary>
public sealed class CallTimings
{
    internal CallTimings(IReadOnlyList<FunctionTiming> functions, IReadOnlyList<CallEdge> edges, IReadOnlyList<TimelineCall> timeline, long droppedTimelineCalls)
    {
        Functions = functions;
        Edges = edges;
        Timeline = timeline;
        DroppedTimelineCalls = droppedTimelineCalls;
    }

    /// <summary>Every function that was called or ran, in no particular order.</summary>
    public IReadOnlyList<FunctionTiming> Functions { get; }

    /// <summary>Every caller→callee pair seen (logical callers for async code).</summary>
    public IReadOnlyList<CallEdge> Edges { get; }

    /// <summary>Each call as a timed interval, when the timeline was recorded (<c>.trace.json</c> output); else empty.</summary>
    public IReadOnlyList<TimelineCall> Timeline { get; }

    /// <summary>Calls left out of <see cref="Timeline"/> because a thread's buffer was full (0 when complete).</summary>
    public long DroppedTimelineCalls { get; }

    /// <summary>Sum of every function's own time: the time spent inside instrumented code.</summary>
    public long TotalNanoseconds => Functions.Sum(f => f.OwnNanoseconds);

    /// <summary>The function named <paramref name="name"/> (ordinal), or null.</summary>
    public FunctionTiming? Function(string name) => Functions.FirstOrDefault(f => f.Frame.Name == name);

    /// <summary>The edges into <paramref name="name"/>: who called it, how often, and what those calls cost.</summary>
    public IReadOnlyList<CallEdge> Callers(string name) =>
        Edges.Where(e => e.Callee.Name == name).OrderByDescending(e => e.InclusiveNanoseconds).ToArray();

    /// <summary>The edges out of <paramref name="name"/>: what it called, how often, and what those calls cost.</summary>
    public IReadOnlyList<CallEdge> Callees(string name) =>
        Edges.Where(e => e.Caller.Name == name).OrderByDescending(e => e.InclusiveNanoseconds).ToArray();

    /// <summary>The functions sorted by <paramref name="sort"/> (heaviest or most called first; names ascending), ties by name.</summary>
    public IReadOnlyList<FunctionTiming> Sorted(CallSort sort)
    {
        var byName = StringComparer.Ordinal;
        return (sort switch
        {
            CallSort.Cumulative => Functions.OrderByDescending(f => f.InclusiveNanoseconds),
            CallSort.Calls => Functions.OrderByDescending(f => f.Calls),
            CallSort.Name => Functions.OrderBy(f => f.Frame.Name, byName),
            _ => Functions.OrderByDescending(f => f.OwnNanoseconds),
        }).ThenBy(f => f.Frame.Name, byName).ToArray();
    }
}

/// <summary>The order of a deterministic report.</summary>
public enum CallSort
{
    /// <summary>Own time, heaviest first (pstats' <c>tottime</c>, the default).</summary>
    Own,

    /// <summary>Inclusive time, heaviest first (<c>cumtime</c>).</summary>
    Cumulative,

    /// <summary>Number of calls, most first (<c>ncalls</c>).</summary>
    Calls,

    /// <summary>Function name, ordinal.</summary>
    Name,
}

/// <summary>One function's deterministic figures; times in nanoseconds.</summary>
/// <param name="Frame">The function.</param>
/// <param name="Calls">All calls, recursive ones included (pstats' first ncalls number).</param>
/// <param name="PrimitiveCalls">Calls not made from inside another call of the same function (the second number; <c>5/1</c> for recursion of depth 5).</param>
/// <param name="OwnNanoseconds">Time with this function on top of the stack (<c>tottime</c>).</param>
/// <param name="InclusiveNanoseconds">Time inside it, callees included, each recursive nest counted once (<c>cumtime</c>).</param>
/// <param name="WallNanoseconds">Async methods: summed wall time from kick-off to completion, awaits included; 0 otherwise.</param>
/// <param name="Completions">Async methods: operations that completed (the divisor of the wall time per call).</param>
public sealed record FunctionTiming(Frame Frame, long Calls, long PrimitiveCalls, long OwnNanoseconds, long InclusiveNanoseconds, long WallNanoseconds, long Completions)
{
    /// <summary><c>Calls</c>, or <c>Calls/PrimitiveCalls</c> when some calls were recursive (pstats' notation).</summary>
    public string CallsText => Calls == PrimitiveCalls ? Calls.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : FormattableString.Invariant($"{Calls}/{PrimitiveCalls}");
}

/// <summary>Calls from one function to another; times in nanoseconds, those of the callee under this caller.</summary>
/// <param name="Caller">The calling function (the logical caller for async code).</param>
/// <param name="Callee">The called function.</param>
/// <param name="Calls">Calls along this edge.</param>
/// <param name="PrimitiveCalls">Those not made from inside another call of the callee.</param>
/// <param name="OwnNanoseconds">The callee's own time in these calls.</param>
/// <param name="InclusiveNanoseconds">The callee's inclusive time in these calls, recursion counted once.</param>
public sealed record CallEdge(Frame Caller, Frame Callee, long Calls, long PrimitiveCalls, long OwnNanoseconds, long InclusiveNanoseconds);

/// <summary>One call on the timeline: a thread, a function and its interval, nanoseconds since the session started.</summary>
/// <param name="Thread">Index into <see cref="Profile.Threads"/>.</param>
/// <param name="Frame">Index into <see cref="Profile.Frames"/>.</param>
/// <param name="StartNanoseconds">When the call (or resumed async slice) began.</param>
/// <param name="DurationNanoseconds">How long it lasted, callees included.</param>
/// <param name="Resumed">True for a slice of an async method resumed after an await.</param>
public sealed record TimelineCall(int Thread, int Frame, long StartNanoseconds, long DurationNanoseconds, bool Resumed);

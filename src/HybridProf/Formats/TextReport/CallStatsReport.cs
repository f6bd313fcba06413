using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using HybridProf.Model;

namespace HybridProf.Formats.TextReport;

/// <summary>
/// The deterministic report, laid out like Python's pstats:
/// <c>ncalls  tottime  percall  cumtime  percall  filename:lineno(function)</c>, times in
/// seconds, <c>ncalls</c> as <c>total/primitive</c> under recursion. When async methods
/// completed, two more columns give their wall time from kick-off to completion (awaits
/// included) in total and per completed operation.
/// </summary>
public static class CallStatsReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The table of the first <paramref name="top"/> functions in <paramref name="sort"/> order, lines ending in <c>\n</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is not positive.</exception>
    public static string Render(Profile profile, CallSort sort = CallSort.Own, int top = TextReportWriter.DefaultTop)
    {
        if (top <= 0)
            throw new ArgumentOutOfRangeException(nameof(top), top, "The report must show at least one function.");
        var timings = profile.Timings ?? throw new ArgumentException("The profile has no call timings: it was not recorded in deterministic mode.", nameof(profile));
        var all = timings.Sorted(sort);
        var rows = all.Take(top).ToList();
        bool async = all.Any(f => f.Completions > 0);

        var w = new StringBuilder();
        long calls = all.Sum(f => f.Calls), primitive = all.Sum(f => f.PrimitiveCalls);
        w.Append(FormattableString.Invariant($"{calls} function calls ({primitive} primitive calls) in {Seconds(timings.TotalNanoseconds)} seconds (instrumented code, all threads; {profile.Metadata.Duration.TotalSeconds:0.000} s elapsed)\n\n"));
        if (profile.Metadata.FoldedNote is { } folded)
            w.Append(folded).Append("\n\n");
        w.Append("Ordered by: ").Append(SortName(sort)).Append('\n');
        if (rows.Count < all.Count)
            w.Append(FormattableString.Invariant($"List reduced from {all.Count} to {rows.Count} due to restriction <{top}>\n"));
        w.Append('\n');
        w.Append("      ncalls    tottime    percall    cumtime    percall");
        if (async)
            w.Append("       wall    percall");
        w.Append("  filename:lineno(function)\n");
        foreach (var f in rows)
        {
            w.Append(f.CallsText.PadLeft(12)).Append(' ');
            w.Append(Column(f.OwnNanoseconds)).Append(Column(PerCall(f.OwnNanoseconds, f.Calls)));
            w.Append(Column(f.InclusiveNanoseconds)).Append(Column(PerCall(f.InclusiveNanoseconds, f.PrimitiveCalls)));
            if (async)
                w.Append(f.Completions > 0 ? Column(f.WallNanoseconds) + Column(PerCall(f.WallNanoseconds, f.Completions)) : new string(' ', 22));
            w.Append("  ").Append(Location(f.Frame)).Append('\n');
        }
        if (timings.DroppedTimelineCalls > 0)
            w.Append(FormattableString.Invariant($"\nNote: the timeline is truncated: {timings.DroppedTimelineCalls} calls were not kept (the figures above count every call).\n"));
        return w.ToString();
    }

    /// <summary>
    /// pstats' <c>print_callers</c> and <c>print_callees</c> for one function: each caller
    /// (or callee) with the calls along that edge and the callee's times in them.
    /// </summary>
    public static string RenderEdges(Profile profile, string function)
    {
        var timings = profile.Timings ?? throw new ArgumentException("The profile has no call timings: it was not recorded in deterministic mode.", nameof(profile));
        var w = new StringBuilder();
        w.Append("Function ").Append(function).Append('\n');
        Edges(w, "was called by", timings.Callers(function), e => e.Caller);
        Edges(w, "called", timings.Callees(function), e => e.Callee);
        return w.ToString();
    }

    private static void Edges(StringBuilder w, string title, IReadOnlyList<CallEdge> edges, Func<CallEdge, Frame> other)
    {
        w.Append("  ").Append(title).Append(edges.Count == 0 ? " nothing\n" : ":\n");
        if (edges.Count == 0)
            return;
        w.Append("       ncalls    tottime    cumtime  function\n");
        foreach (var e in edges)
        {
            string calls = e.Calls == e.PrimitiveCalls ? e.Calls.ToString(Inv) : FormattableString.Invariant($"{e.Calls}/{e.PrimitiveCalls}");
            w.Append("    ").Append(calls.PadLeft(9)).Append(' ').Append(Column(e.OwnNanoseconds)).Append(Column(e.InclusiveNanoseconds));
            w.Append("  ").Append(Location(other(e))).Append('\n');
        }
    }

    private static string SortName(CallSort sort) => sort switch
    {
        CallSort.Cumulative => "cumulative time",
        CallSort.Calls => "call count",
        CallSort.Name => "function name",
        _ => "internal time",
    };

    private static double PerCall(long nanoseconds, long calls) => calls == 0 ? 0 : (double)nanoseconds / calls;

    // Seconds with microsecond resolution: pstats' three decimals hide every small function.
    private static string Column(double nanoseconds) => (nanoseconds / 1e9).ToString("0.000000", Inv).PadLeft(10) + " ";

    private static string Seconds(long nanoseconds) => (nanoseconds / 1e9).ToString("0.000", Inv);

    private static string Location(Frame frame)
    {
        string name = frame.Name.Replace('\r', ' ').Replace('\n', ' ');
        return frame.File is { } file
            ? FormattableString.Invariant($"{file}:{frame.Line}({name})")
            : "{" + name + "}";
    }
}

using HybridProf.Configuration;
using HybridProf.Model;

namespace HybridProf.Fody.Tests;

/// <summary>
/// Deterministic semantics of woven async code (docs/deterministic.md): calls are logical
/// invocations (kick-offs), own time is the CPU slices that ran (resumed slices included,
/// under the logical caller), and wall time runs from kick-off to completion, awaits included.
/// </summary>
public class DeterministicAsyncTests
{
    private const string S = "WeaverInput.DeterministicAsyncShapes";
    private const long Ms = 1_000_000;

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public async Task Async_methods_count_invocations_and_time_their_slices(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        var session = Profiler.Start(new ProfilerOptions { Mode = ProfileMode.Deterministic });
        var (task, _) = woven.Call("DeterministicAsyncShapes", "Run", 3);
        Assert.Equal(3, await (Task<int>)task!);
        // This continuation may run inside Run's SetResult, before the MoveNext finally blocks
        // below it record the completions: let them finish first (a busy machine can hold a
        // thread back for a while, so wait for the figures rather than for a fixed time).
        // Inner's finally is the last to run: its completion ends the chain of inline continuations.
        // The deadline only guards against a hang: a crowded machine may take seconds.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((session.Snapshot().Timings!.Function($"{S}.Inner")?.Completions ?? 0) < 3 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        var profile = session.Stop();
        var timings = profile.Timings!;

        string report = Formats.TextReport.CallStatsReport.Render(profile, top: 10);
        var outer = timings.Function($"{S}.Outer")!;
        var inner = timings.Function($"{S}.Inner")!;
        // One call per logical invocation, however many times each resumed.
        Assert.True(outer.Calls == 3 && inner.Calls == 3, report);
        Assert.True(timings.Function($"{S}.Synchronous")!.Calls == 1, report);

        // Own time is the slices that ran: at least 3 × 4 ms and 3 × 6 ms of spinning (a busy
        // machine can stretch them, so no upper bound)...
        Assert.True(outer.OwnNanoseconds >= 3 * 4 * Ms, report);
        Assert.True(inner.OwnNanoseconds >= 3 * 6 * Ms, report);
        // ...and never the awaits: wall time, from kick-off to completion, holds the 3 × 30 ms
        // delays on top of them.
        Assert.True(inner.Completions == 3 && outer.Completions == 3, report);
        Assert.True(inner.WallNanoseconds - inner.OwnNanoseconds >= 3 * 30 * Ms, report);
        // (Not so for Outer: its own code may run while Inner waits, e.g. its first run after
        // Inner's kick-off, so only its wall time's bounds are checked.)
        Assert.True(outer.WallNanoseconds >= inner.WallNanoseconds, report);
        Assert.True(timings.Function($"{S}.Synchronous")!.Completions == 1, report);

        // Resumed slices are under the logical caller, on whatever thread ran them.
        var edges = timings.Callers($"{S}.Inner");
        Assert.True(edges.Count == 1 && edges[0].Caller.Name == $"{S}.Outer" && edges[0].Calls == 3, report + Formats.TextReport.CallStatsReport.RenderEdges(profile, $"{S}.Inner"));
        long underOuter = profile.Stacks
            .Where(s => string.Join(";", profile.FrameNames(s)).EndsWith($"{S}.Run;{S}.Outer;{S}.Inner", StringComparison.Ordinal))
            .Sum(s => s.Samples);
        Assert.True(Math.Abs(underOuter - inner.OwnNanoseconds) <= 1000, $"{underOuter} ns under Outer\n{report}");
        Assert.True(timings.Function($"{S}.Run")!.InclusiveNanoseconds >= outer.InclusiveNanoseconds, report);
        Assert.True(outer.InclusiveNanoseconds >= outer.OwnNanoseconds + inner.OwnNanoseconds - 1000, report);
    }
}

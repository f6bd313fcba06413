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
        var profile = session.Stop();
        var timings = profile.Timings!;

        var outer = timings.Function($"{S}.Outer")!;
        var inner = timings.Function($"{S}.Inner")!;
        // One call per logical invocation, however many times each resumed.
        Assert.Equal(3, outer.Calls);
        Assert.Equal(3, inner.Calls);
        Assert.Equal(1, timings.Function($"{S}.Synchronous")!.Calls);

        // Own time is CPU slices: 3 × 4 ms and 3 × 6 ms, not the 30 ms awaits (generous bands).
        Assert.InRange(outer.OwnNanoseconds, 3 * 4 * Ms, 3 * 4 * Ms * 2);
        Assert.InRange(inner.OwnNanoseconds, 3 * 6 * Ms, 3 * 6 * Ms * 2);
        double ratio = (double)inner.OwnNanoseconds / outer.OwnNanoseconds;
        Assert.InRange(ratio, 1.0, 2.5);

        // Wall time from kick-off to completion includes the awaits.
        Assert.Equal(3, inner.Completions);
        Assert.InRange(inner.WallNanoseconds, 3 * 36 * Ms, long.MaxValue);
        Assert.InRange(outer.WallNanoseconds, inner.WallNanoseconds, long.MaxValue);
        Assert.Equal(1, timings.Function($"{S}.Synchronous")!.Completions);

        // Resumed slices are under the logical caller, on whatever thread ran them.
        var edge = Assert.Single(timings.Callers($"{S}.Inner"));
        Assert.Equal($"{S}.Outer", edge.Caller.Name);
        Assert.Equal(3, edge.Calls);
        long underOuter = profile.Stacks
            .Where(s => string.Join(";", profile.FrameNames(s)).EndsWith($"{S}.Run;{S}.Outer;{S}.Inner", StringComparison.Ordinal))
            .Sum(s => s.Samples);
        Assert.InRange(underOuter, inner.OwnNanoseconds - 1000, inner.OwnNanoseconds + 1000);
        Assert.InRange(timings.Function($"{S}.Run")!.InclusiveNanoseconds, outer.InclusiveNanoseconds, long.MaxValue);
        Assert.InRange(outer.InclusiveNanoseconds, outer.OwnNanoseconds + inner.OwnNanoseconds - 1000, long.MaxValue);
    }
}

using HybridProf.Configuration;
using HybridProf.Model;

namespace HybridProf.Fody.Tests;

/// <summary>Time spent suspended is sampled once, at the innermost await, under its logical stack.</summary>
public class WallModeTests
{
    private const string P = "WeaverInput.PendingShapes";

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public async Task A_suspended_chain_is_sampled_once_at_its_innermost_await(string flavour)
    {
        var (profile, result) = await WhilePending(flavour, "Outer");
        Assert.Equal(2, result);
        var awaits = AwaitStacks(profile);
        Assert.True(awaits.GetValueOrDefault($"{P}.Outer;{P}.Inner;[await]") > 20, Describe(awaits));
        Assert.False(awaits.ContainsKey($"{P}.Outer;[await]"), Describe(awaits));
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public async Task WhenAll_children_carry_the_wait_and_the_parent_does_not(string flavour)
    {
        var (profile, result) = await WhilePending(flavour, "OuterOfMany");
        Assert.Equal(2, result);
        var awaits = AwaitStacks(profile);
        Assert.True(awaits.GetValueOrDefault($"{P}.OuterOfMany;{P}.Inner;[await]") > 40, Describe(awaits));
        Assert.False(awaits.ContainsKey($"{P}.OuterOfMany;[await]"), Describe(awaits));
    }

    [Theory, MemberData(nameof(WovenInput.Flavours), MemberType = typeof(WovenInput))]
    public async Task A_dump_lists_the_pending_operations_with_their_age(string flavour)
    {
        var woven = WovenInput.Get(flavour);
        using (Profiler.TrackPendingOperations())
        {
            woven.Call("PendingShapes", "ResetGate");
            var (task, _) = woven.Call("PendingShapes", "Outer");
            await Task.Delay(50);
            var dump = Profiler.Dump();
            Gate(woven).SetResult(1);
            Assert.Equal(2, await (Task<int>)task!);

            // Once: Inner's entry, whose chain holds Outer; Outer, which awaits it, is not listed apart.
            var inner = Assert.Single(dump.PendingOperations, p => p.Frames[^1] == $"{P}.Inner");
            Assert.Equal(new[] { $"{P}.Outer", $"{P}.Inner" }, inner.Frames);
            Assert.InRange(inner.Pending, TimeSpan.FromMilliseconds(20), TimeSpan.FromMinutes(1));
            Assert.DoesNotContain(dump.PendingOperations, p => p.Frames[^1] == $"{P}.Outer");
        }
    }

    private static async Task<(Profile Profile, int Result)> WhilePending(string flavour, string method)
    {
        var woven = WovenInput.Get(flavour);
        woven.Call("PendingShapes", "ResetGate");
        var session = Profiler.Start(new ProfilerOptions { Mode = ProfileMode.Wall, RateHz = 500 });
        var (task, _) = woven.Call("PendingShapes", method);
        await Task.Delay(300);
        var profile = session.Stop();
        Gate(woven).SetResult(1);
        return (profile, await (Task<int>)task!);
    }

    private static TaskCompletionSource<int> Gate(WovenInput woven) =>
        (TaskCompletionSource<int>)woven.Assembly.GetType("WeaverInput.PendingShapes")!.GetProperty("Gate")!.GetValue(null)!;

    private static Dictionary<string, long> AwaitStacks(Profile profile) => profile.Stacks
        .Where(s => profile.Frames[s.Frames[^1]].Name == "[await]")
        .GroupBy(s => string.Join(";", profile.FrameNames(s)))
        .ToDictionary(g => g.Key, g => g.Sum(s => s.Samples));

    private static string Describe(Dictionary<string, long> stacks) =>
        "await stacks: " + string.Join(", ", stacks.Select(kv => $"{kv.Key} = {kv.Value}"));
}

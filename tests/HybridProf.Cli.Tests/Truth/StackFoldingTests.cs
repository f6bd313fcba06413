using CsCheck;
using HybridProf.Cli.Truth;

namespace HybridProf.Cli.Tests.Truth;

/// <summary>Folding a sampler's stacks onto the frames a profile shows: what it may never do, on random stacks.</summary>
public class StackFoldingTests
{
    // Runtime frames: some map (Shown0..Shown3 → Frame0..Frame3), most do not (the BCL, the runtime, folded methods).
    private static readonly Gen<string> RuntimeFrame = Gen.OneOf(
        Gen.Int[0, 3].Select(i => $"App!App.Shown{i}()"),
        Gen.Int[0, 5].Select(i => $"System.Private.CoreLib!System.Hidden{i}.Run()"),
        Gen.OneOfConst("CPU_TIME", "Thread (42)", "[unknown]"));

    private static readonly Gen<TraceStack> Stack = Gen.Select(
        Gen.OneOfConst("Thread (1)", "Thread (2)"),
        RuntimeFrame.Array[0, 8],
        Gen.Double[0.001, 50],
        (thread, frames, weight) => new TraceStack(thread, frames, null, weight));

    private static string? Map(string frame) =>
        frame.StartsWith("App!App.Shown", StringComparison.Ordinal) ? "Frame" + frame["App!App.Shown".Length] : null;

    [Fact]
    public void Folding_never_changes_the_total_weight()
    {
        Stack.Array[0, 40].Sample(stacks =>
        {
            var result = StackFolding.Fold(stacks, Map);
            double before = stacks.Sum(s => s.Weight);
            double after = result.Kept.Sum(s => s.Weight) + result.DroppedWeight;
            Assert.Equal(before, after, 9);
            Assert.Equal(stacks.Length, result.Kept.Count + result.DroppedStacks);
        });
    }

    [Fact]
    public void A_stack_with_no_frame_that_maps_is_dropped_and_every_other_keeps_its_weight()
    {
        Stack.Sample(stack =>
        {
            var result = StackFolding.Fold([stack], Map);
            bool anyShown = stack.Frames.Any(f => Map(f) is not null);
            Assert.Equal(anyShown ? 1 : 0, result.Kept.Count);
            Assert.Equal(anyShown ? 0 : stack.Weight, result.DroppedWeight);
            if (anyShown)
                Assert.Equal(stack.Weight, result.Kept[0].Weight);
        });
    }

    [Fact]
    public void A_folded_stack_is_the_mapped_frames_in_order_and_its_own_time_goes_to_the_nearest_shown_caller()
    {
        Stack.Sample(stack =>
        {
            var result = StackFolding.Fold([stack], Map);
            if (result.Kept.Count == 0)
                return;
            var folded = result.Kept[0];
            Assert.Equal(stack.Frames.Select(Map).OfType<string>(), folded.Frames);
            Assert.Equal(Map(stack.Frames.Last(f => Map(f) is not null)), folded.Frames[^1]);
            Assert.Equal(Map(stack.Frames[^1]) is null ? stack.Frames[^1] : null, folded.FoldedLeaf);
            Assert.Equal(stack.Thread, folded.Thread);
        });
    }

    [Fact]
    public void Folding_what_is_already_folded_changes_nothing()
    {
        Stack.Array[0, 20].Sample(stacks =>
        {
            var once = StackFolding.Fold(stacks, Map).Kept;
            var twice = StackFolding.Fold(once.Select(s => new TraceStack(s.Thread, s.Frames, null, s.Weight)), f => f).Kept;
            Assert.Equal(once.Select(s => string.Join(";", s.Frames)), twice.Select(s => string.Join(";", s.Frames)));
        });
    }

    [Fact]
    public void An_inlined_or_folded_method_between_two_shown_ones_disappears_and_recursion_stays()
    {
        var stacks = new[]
        {
            new TraceStack("t", ["Thread (1)", "App!App.Shown0()", "App!App.Hidden()", "App!App.Shown1()", "System.Private.CoreLib!System.String.Concat()"], "CPU_TIME", 3),
            new TraceStack("t", ["App!App.Shown1()", "App!App.Shown1()", "App!App.Hidden()"], null, 2),
            new TraceStack("t", ["Thread (1)", "System.Private.CoreLib!System.Threading.ThreadPool.Dispatch()"], null, 5),
        };
        var result = StackFolding.Fold(stacks, Map);
        Assert.Equal(["Frame0", "Frame1"], result.Kept[0].Frames);
        Assert.Equal("System.Private.CoreLib!System.String.Concat()", result.Kept[0].FoldedLeaf);
        Assert.Equal(["Frame1", "Frame1"], result.Kept[1].Frames);
        Assert.Equal(5, result.DroppedWeight);
        Assert.Equal(1, result.DroppedStacks);
    }
}

using HybridProf.Analysis;
using HybridProf.Model;

namespace HybridProf.Tests.Analysis;

public class FunctionWeightsTests
{
    private static readonly ProfileThread Main = new(1, "main");
    private static readonly ProfileThread Worker = new(2, "worker");

    private static Profile Build(params (ProfileThread Thread, string[] Stack, long Weight)[] stacks)
    {
        var builder = new ProfileBuilder();
        foreach (var (thread, stack, weight) in stacks)
            builder.AddStack(thread, stack.Select(name => new Frame(name)), weight);
        return builder.Build(new ProfileMetadata(ProfileMode.Wall, 100, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Own_is_the_leaf_weight_and_total_counts_a_recursive_function_once_per_stack()
    {
        var profile = Build(
            (Main, new[] { "Main", "Walk", "Walk", "Walk" }, 30),
            (Worker, new[] { "Main", "Walk", "Leaf" }, 10),
            (Main, new[] { "Main" }, 5));
        var weights = FunctionWeights.Of(profile);

        Assert.Equal(new[] { "Walk", "Leaf", "Main" }, weights.Select(w => w.Name));
        var walk = weights[0];
        Assert.Equal((30L, 40L), (walk.Own, walk.Total));
        var main = weights[2];
        Assert.Equal((5L, 45L), (main.Own, main.Total));
    }

    [Fact]
    public void A_frame_with_a_source_file_is_kept_for_the_location()
    {
        var builder = new ProfileBuilder();
        builder.AddStack(Main, new[] { new Frame("Run") }, 1);
        builder.AddStack(Main, new[] { new Frame("Run", "Run.cs", 12) }, 1);
        var run = Assert.Single(FunctionWeights.Of(builder.Build(new ProfileMetadata(ProfileMode.Cpu, 100, TimeSpan.Zero))));
        Assert.Equal(("Run.cs", 12), (run.Frame.File, run.Frame.Line));
        Assert.Equal((2L, 2L), (run.Own, run.Total));
    }

    [Fact]
    public void Stacks_can_be_filtered_and_waits_read_as_elapsed_own_time()
    {
        var profile = Build(
            (Main, new[] { "Main", "Read", "[blocked]" }, 20),
            (Main, new[] { "Main", "LoadAsync", "[await]" }, 50),
            (Worker, new[] { "Main", "Read" }, 7));

        var mainOnly = FunctionWeights.Of(profile, new FunctionWeightOptions { Stacks = s => profile.Threads[s.Thread].Name == "main" });
        Assert.Equal(20, mainOnly.Single(w => w.Name == "[blocked]").Own);
        Assert.Equal(0, mainOnly.Single(w => w.Name == "Read").Own);

        var elapsed = FunctionWeights.Of(profile, new FunctionWeightOptions { ElapsedOwnTime = true });
        Assert.Equal(27, elapsed.Single(w => w.Name == "Read").Own);
        Assert.DoesNotContain(elapsed, w => w.Name is "[blocked]" or "[await]" or "LoadAsync");
    }

    [Fact]
    public void Sorting_is_heaviest_first_with_ties_by_name()
    {
        var rows = new[] { new FunctionWeight(new Frame("b"), 1, 9), new FunctionWeight(new Frame("a"), 1, 5), new FunctionWeight(new Frame("c"), 3, 5) };
        Assert.Equal("c a b", string.Join(" ", FunctionWeights.Sort(rows, FunctionOrder.Own).Select(r => r.Name)));
        Assert.Equal("b a c", string.Join(" ", FunctionWeights.Sort(rows, FunctionOrder.Total).Select(r => r.Name)));
        Assert.Equal("a b c", string.Join(" ", FunctionWeights.Sort(rows, FunctionOrder.Name).Select(r => r.Name)));
    }
}

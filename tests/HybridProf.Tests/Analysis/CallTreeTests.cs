using HybridProf.Analysis;
using HybridProf.Model;

namespace HybridProf.Tests.Analysis;

public class CallTreeTests
{
    private static Profile Build(params (string[] Stack, long Weight)[] stacks)
    {
        var builder = new ProfileBuilder();
        int thread = 0;
        foreach (var (stack, weight) in stacks)
            builder.AddStack(new ProfileThread(thread++, "t"), stack.Select(name => new Frame(name)), weight);
        return builder.Build(new ProfileMetadata(ProfileMode.Cpu, 100, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Stacks_of_all_threads_merge_under_one_root_with_own_and_total_per_path()
    {
        var root = CallTree.Build(Build(
            (new[] { "Main", "Parse" }, 60),
            (new[] { "Main", "Parse" }, 10),
            (new[] { "Main" }, 5),
            (new[] { "Main", "Render" }, 25)));

        Assert.Equal((CallTree.RootName, 100L, 0L), (root.Name, root.Total, root.Own));
        var main = Assert.Single(root.Children);
        Assert.Equal((100L, 5L), (main.Total, main.Own));
        Assert.Equal(new[] { "Parse", "Render" }, main.Children.Select(c => c.Name));
        Assert.Equal(70, main.Child("Parse")!.Own);
        Assert.Same(main, main.Child("Render")!.Parent);
    }

    [Fact]
    public void Drawn_goes_parents_first_in_name_order_and_leaves_out_light_subtrees()
    {
        var root = CallTree.Build(Build(
            (new[] { "Main", "b", "deep" }, 500),
            (new[] { "Main", "a" }, 499),
            (new[] { "Main", "tiny", "under" }, 1)));

        Assert.Equal("all Main a b deep tiny under", string.Join(" ", root.Drawn().Select(n => n.Name)));
        Assert.Equal("all Main a b deep", string.Join(" ", root.Drawn(minWidthPercent: 0.2).Select(n => n.Name)));
    }

    [Fact]
    public void A_node_finds_the_same_path_in_another_profiles_tree()
    {
        var before = CallTree.Build(Build((new[] { "Main", "Parse" }, 1)));
        var after = CallTree.Build(Build((new[] { "Main", "Parse" }, 2), (new[] { "Main", "Render" }, 2)));

        var main = after.Child("Main")!;
        Assert.Same(before, after.Counterpart(before));
        Assert.Same(before.Child("Main")!.Child("Parse"), main.Child("Parse")!.Counterpart(before));
        Assert.Null(main.Child("Render")!.Counterpart(before));
    }
}

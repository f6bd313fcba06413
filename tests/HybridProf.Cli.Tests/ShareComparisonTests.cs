using HybridProf.Cli.Compare;
using HybridProf.Model;

namespace HybridProf.Cli.Tests;

public class ShareComparisonTests
{
    private static Profile Build(ProfileMode mode, params (string Leaf, long Weight)[] stacks) => Build(mode, 0, stacks);

    private static Profile Build(ProfileMode mode, long observations, params (string Leaf, long Weight)[] stacks)
    {
        var builder = new ProfileBuilder();
        var thread = new ProfileThread(1, "main");
        foreach (var (leaf, weight) in stacks)
            builder.AddStack(thread, new[] { new Frame("Main"), new Frame(leaf) }, weight);
        return builder.Build(new ProfileMetadata(mode, mode == ProfileMode.Deterministic ? 0 : 1000, TimeSpan.FromSeconds(1), Observations: observations));
    }

    [Fact]
    public void Shares_agree_when_samples_split_like_the_time()
    {
        var sampled = Build(ProfileMode.Cpu, ("Heavy", 300), ("Light", 100));
        var exact = Build(ProfileMode.Deterministic, ("Heavy", 3_000_000_000), ("Light", 1_000_000_000));
        var report = ShareComparison.Compare(sampled, exact);

        var heavy = Assert.Single(report.Rows, r => r.Function == "Heavy");
        Assert.Equal(75, heavy.SampledPercent, 6);
        Assert.Equal(75, heavy.DeterministicPercent, 6);
        Assert.InRange(heavy.CiLowPercent, 70, 75);
        Assert.InRange(heavy.CiHighPercent, 75, 80);
        Assert.Equal(0, heavy.Outside);
        Assert.Equal(2, report.TopOverlap);
        Assert.Equal(1, report.KendallTau, 6);
    }

    [Fact]
    public void A_wall_sample_blocked_in_a_function_is_its_own_time_and_a_suspended_async_method_is_nobodys()
    {
        var builder = new ProfileBuilder();
        var thread = new ProfileThread(1, "main");
        builder.AddStack(thread, new[] { new Frame("Main"), new Frame("Fetch"), Frame.Blocked }, 40);
        builder.AddStack(thread, new[] { new Frame("Main"), new Frame("Parse") }, 60);
        builder.AddStack(thread, new[] { new Frame("Main"), new Frame("LoadAsync"), Frame.Await }, 500);
        var sampled = builder.Build(new ProfileMetadata(ProfileMode.Wall, 1000, TimeSpan.FromSeconds(1)));
        var exact = Build(ProfileMode.Deterministic, ("Fetch", 400), ("Parse", 600));

        var report = ShareComparison.Compare(sampled, exact);

        Assert.Equal(40, Assert.Single(report.Rows, r => r.Function == "Fetch").SampledPercent, 6);
        Assert.DoesNotContain(report.Rows, r => r.Function == Frame.Blocked.Name || r.Function == Frame.Await.Name || r.Function == "LoadAsync");
        Assert.Equal(100, report.Samples);
    }

    [Fact]
    public void Intervals_count_observations_so_late_ticks_that_stood_for_several_intervals_widen_them()
    {
        var exact = Build(ProfileMode.Deterministic, ("Heavy", 3_000_000_000), ("Light", 1_000_000_000));
        var onTime = Build(ProfileMode.Cpu, ("Heavy", 300), ("Light", 100));
        // The same weights from half as many readings: every tick stood for two intervals.
        var late = Build(ProfileMode.Cpu, 200, ("Heavy", 300), ("Light", 100));

        var narrow = Assert.Single(ShareComparison.Compare(onTime, exact).Rows, r => r.Function == "Heavy");
        var wide = Assert.Single(ShareComparison.Compare(late, exact).Rows, r => r.Function == "Heavy");

        Assert.Equal(narrow.SampledPercent, wide.SampledPercent, 6);
        var (low, high) = ShareComparison.Wilson(150, 200);
        Assert.Equal(100 * low, wide.CiLowPercent, 6);
        Assert.Equal(100 * high, wide.CiHighPercent, 6);
        Assert.True(wide.CiHighPercent - wide.CiLowPercent > narrow.CiHighPercent - narrow.CiLowPercent);
    }

    [Fact]
    public void A_function_only_one_side_saw_is_listed_with_zero_on_the_other()
    {
        var sampled = Build(ProfileMode.Cpu, ("A", 99), ("B", 1));
        var exact = Build(ProfileMode.Deterministic, ("A", 90), ("C", 10));
        var report = ShareComparison.Compare(sampled, exact);
        var c = Assert.Single(report.Rows, r => r.Function == "C");
        Assert.Equal(0, c.SampledPercent);
        Assert.Equal(10, c.DeterministicPercent, 6);
        Assert.True(c.Outside > 5);
    }

    [Fact]
    public void The_wilson_interval_stays_inside_zero_and_one()
    {
        var (low, high) = ShareComparison.Wilson(0, 50);
        Assert.Equal(0, low, 9);
        Assert.InRange(high, 0.05, 0.1);
        (low, high) = ShareComparison.Wilson(50, 50);
        Assert.InRange(low, 0.9, 0.95);
        Assert.Equal(1, high, 9);
    }
}

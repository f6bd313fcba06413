using HybridProf.Cli.Compare;
using HybridProf.Model;

namespace HybridProf.Cli.Tests;

/// <summary>
/// The README's own compare example: [GC] was 27.6% of the samples and 0 on the deterministic
/// side (which charges a pause to the running function), so kept among the shares it pushed
/// most rows outside their intervals. It is set apart, and the agreement counts the rows listed.
/// </summary>
public class GcSetApartTests
{
    private static Profile Build(ProfileMode mode, params (string Leaf, long Weight)[] stacks)
    {
        var builder = new ProfileBuilder();
        var thread = new ProfileThread(1, "main");
        foreach (var (leaf, weight) in stacks)
        {
            var frames = leaf == Frame.GarbageCollection.Name ? new[] { Frame.GarbageCollection } : new[] { new Frame("Main"), new Frame(leaf) };
            builder.AddStack(thread, frames, weight);
        }
        return builder.Build(new ProfileMetadata(mode, mode == ProfileMode.Deterministic ? 0 : 1000, TimeSpan.FromSeconds(1)));
    }

    // 276 of 1,000 samples in [GC]; the other 724 split 3:2:1 like the deterministic time.
    private static readonly Profile Sampled = Build(ProfileMode.Wall, ("[GC]", 276), ("Parse", 362), ("Sort", 241), ("Write", 121));
    private static readonly Profile Exact = Build(ProfileMode.Deterministic, ("Parse", 3_000_000), ("Sort", 2_000_000), ("Write", 1_000_000));

    [Fact]
    public void Shares_are_compared_without_gc_and_agree()
    {
        var report = ShareComparison.Compare(Sampled, Exact);

        Assert.DoesNotContain(report.Rows, r => r.Function == Frame.GarbageCollection.Name);
        Assert.Equal(724, report.Samples);
        Assert.Equal(276, report.GcSamples);
        Assert.Equal(27.6, report.GcPercent, 6);
        var parse = Assert.Single(report.Rows, r => r.Function == "Parse");
        Assert.Equal(100.0 * 362 / 724, parse.SampledPercent, 6);
        Assert.All(report.Rows, r => Assert.Equal(0, r.Outside));
    }

    [Fact]
    public void The_report_says_gc_was_set_apart_and_prints_its_share()
    {
        var report = ShareComparison.Compare(Sampled, Exact);
        string? line = AgreementLines.GarbageCollection(report);
        Assert.NotNull(line);
        Assert.StartsWith("  [GC] 27.6% of samples set apart: deterministic time charges pauses to the running function", line);
        Assert.EndsWith("the other 72.4%", line);
    }

    [Fact]
    public void Without_gc_samples_there_is_no_gc_line()
    {
        var report = ShareComparison.Compare(Build(ProfileMode.Wall, ("Parse", 3), ("Sort", 2)), Exact);
        Assert.Null(AgreementLines.GarbageCollection(report));
    }

    [Fact]
    public void The_agreement_counts_the_rows_listed_not_the_top_asked_for()
    {
        // Asked for a top 6; two functions are below the 0.5% listing threshold either way, so 4 rows are listed.
        var sampled = Build(ProfileMode.Wall, ("[GC]", 300), ("A", 400), ("B", 200), ("C", 100), ("D", 50), ("E", 1), ("F", 1));
        var exact = Build(ProfileMode.Deterministic, ("A", 4000), ("B", 2000), ("C", 1000), ("D", 500), ("E", 2), ("F", 1));

        var report = ShareComparison.Compare(sampled, exact, top: 6);

        Assert.Equal(new[] { "A", "B", "C", "D" }, report.Listed.Select(r => r.Function));
        Assert.Equal(4, report.TopCount);
        Assert.Equal(4, report.TopOverlap);
        Assert.Equal("  top-4 agreement: 4/4 in both tops, Kendall tau 1.00", AgreementLines.Agreement(report));
    }

    [Fact]
    public void A_function_sampling_ranks_in_the_top_but_the_listing_leaves_out_is_named()
    {
        var sampled = Build(ProfileMode.Wall, ("A", 50), ("C", 40), ("B", 10));
        var exact = Build(ProfileMode.Deterministic, ("A", 60), ("B", 30), ("C", 10));

        var report = ShareComparison.Compare(sampled, exact, top: 2);

        Assert.Equal(new[] { "A", "B" }, report.Listed.Select(r => r.Function));
        Assert.Equal(1, report.TopOverlap);
        Assert.Equal("  top-2 agreement: 1/2 in both tops, Kendall tau 1.00 (the sampled top-2 has instead: C)", AgreementLines.Agreement(report));
    }
}

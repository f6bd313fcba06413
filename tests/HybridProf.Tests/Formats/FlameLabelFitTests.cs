using HybridProf.Formats.Flamegraph;

namespace HybridProf.Tests.Formats;

public class FlameLabelFitTests
{
    private const string TopInShard = "Shop.Services.Analytics.TopInShard";

    [Theory]
    [InlineData(34, "Shop.Services.Analytics.TopInShard")] // fits: unchanged
    [InlineData(33, "\u2026Services.Analytics.TopInShard")]
    [InlineData(29, "\u2026Analytics.TopInShard")]
    [InlineData(21, "\u2026Analytics.TopInShard")]
    [InlineData(20, "\u2026TopInShard")]
    [InlineData(11, "\u2026TopInShard")]
    [InlineData(10, "TopInShar\u2026")] // not even the method fits: its beginning, cut at the end
    [InlineData(3, "To\u2026")]
    [InlineData(2, "")]
    public void The_namespace_goes_first_and_the_method_last(int chars, string expected) =>
        Assert.Equal(expected, FlameLabelFit.Fit(TopInShard, chars));

    [Fact]
    public void Dots_in_generic_arguments_and_parameters_do_not_split_the_name()
    {
        Assert.Equal("\u2026Cache<System.String, int>.Get", FlameLabelFit.Fit("Shop.Data.Cache<System.String, int>.Get", 30));
        Assert.Equal("\u2026Parse(System.String)", FlameLabelFit.Fit("Shop.Text.Parser.Parse(System.String)", 25));
    }

    [Fact]
    public void Lambdas_and_accessors_keep_the_member_they_belong_to()
    {
        Assert.Equal("\u2026TopInShard.lambda2", FlameLabelFit.Fit("Shop.Analytics.TopInShard.lambda2", 20));
        Assert.Equal("TopInShard.lam\u2026", FlameLabelFit.Fit("Shop.Analytics.TopInShard.lambda2", 15));
        Assert.Equal("\u2026Basket.Count.get", FlameLabelFit.Fit("Shop.Orders.Basket.Count.get", 20));
        Assert.Equal("Count.get", FlameLabelFit.Fit("Count.get", 9));
    }

    [Fact]
    public void A_name_without_segments_is_cut_at_its_end()
    {
        Assert.Equal("[trunc\u2026", FlameLabelFit.Fit("[truncated]", 7));
        Assert.Equal("[GC]", FlameLabelFit.Fit("[GC]", 4));
    }

    [Fact]
    public void Every_label_fits_its_width()
    {
        string[] names = { TopInShard, "a.b", "Type..ctor", "x", "Shop.Analytics.TopInShard.lambda2", "A<B.C>.D(E.F)", ".Leading", "Trailing." };
        foreach (string name in names)
        {
            for (int chars = 0; chars <= name.Length + 1; chars++)
            {
                string label = FlameLabelFit.Fit(name, chars);
                Assert.True(label.Length <= chars, $"'{label}' is longer than {chars} for {name}");
                Assert.Equal(chars >= FlameLabelFit.MinChars, label.Length > 0);
            }
        }
    }
}

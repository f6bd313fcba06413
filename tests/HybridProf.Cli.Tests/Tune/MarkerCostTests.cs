using HybridProf.Cli.Tune;

namespace HybridProf.Cli.Tests.Tune;

/// <summary>Which marker cost tune predicts with: the app's own, measured against its plain build, never below the calibrated floor.</summary>
public sealed class MarkerCostTests
{
    [Fact]
    public void With_a_plain_build_the_app_measures_its_own_markers()
    {
        // 40 ms more than plain for 2,000,000 calls: 20 ns a call.
        var cost = MarkerCost.Choose(2.1, 50, wovenMilliseconds: 60, plainMilliseconds: 20, calls: 2_000_000);

        Assert.Equal(20, cost.Nanoseconds, 9);
        Assert.StartsWith("measured on this app", cost.Source);
    }

    [Theory]
    [InlineData(20.5)]
    [InlineData(25)]
    public void A_difference_within_noise_never_goes_below_the_calibrated_floor(double plainMilliseconds)
    {
        var cost = MarkerCost.Choose(2.1, 50, wovenMilliseconds: 21, plainMilliseconds, calls: 1_000_000);

        Assert.Equal(2.1, cost.Nanoseconds);
        Assert.Contains("within timing noise", cost.Source);
    }

    [Fact]
    public void Without_a_plain_build_the_calibrated_floor_is_used_and_said_to_be_one()
    {
        var cost = MarkerCost.Choose(2.1, 50, wovenMilliseconds: 60, plainMilliseconds: null, calls: 2_000_000);

        Assert.Equal(2.1, cost.Nanoseconds);
        Assert.Contains("the least a marker costs", cost.Source);
        Assert.Contains("give --plain", cost.Source);
    }
}

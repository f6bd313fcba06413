using HybridProf.Cli.Commands;

namespace HybridProf.Cli.Tests;

/// <summary>top shortens names from the namespace side, so the method, the part that tells rows apart, stays.</summary>
public class FunctionNameFitTests
{
    [Theory]
    [InlineData("Contoso.Orders.Analytics.TopInShard", 40, "Contoso.Orders.Analytics.TopInShard")]
    [InlineData("Contoso.Orders.Analytics.TopInShard", 21, "…Analytics.TopInShard")]
    [InlineData("Contoso.Orders.Analytics.TopInShard", 20, "…TopInShard")]
    [InlineData("Contoso.Orders.Analytics.TopInShard", 6, "…Shard")]
    [InlineData("Main", 1, "…")]
    public void Keeps_the_longest_tail_after_a_dot_that_fits(string name, int width, string expected)
    {
        string shortened = FunctionNameFit.Shorten(name, width);
        Assert.Equal(expected, shortened);
        Assert.True(shortened.Length <= Math.Max(width, 1));
    }
}

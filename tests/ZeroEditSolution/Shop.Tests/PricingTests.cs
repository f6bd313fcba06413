using Shop.Lib;
using Xunit;

namespace Shop.Tests;

public class PricingTests
{
    [Fact]
    public void Checksum_is_the_same_every_time()
    {
        Assert.NotEqual(0, Pricing.ChecksumFor(1.5));
        Assert.Equal(Pricing.Checksum(50), Pricing.Checksum(50));
    }
}

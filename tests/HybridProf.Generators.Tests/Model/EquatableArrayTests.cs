using HybridProf.Generators.Model;

namespace HybridProf.Generators.Tests.Model;

public class EquatableArrayTests
{
    [Fact]
    public void Equal_by_elements()
    {
        var a = new EquatableArray<string>(new[] { "x", "y" });
        var b = new EquatableArray<string>(new[] { "x", "y" });

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new EquatableArray<string>(new[] { "x" }));
        Assert.NotEqual(a, new EquatableArray<string>(new[] { "y", "x" }));
    }

    [Fact]
    public void Default_and_empty_are_equal_and_enumerate_nothing()
    {
        Assert.Equal(default, EquatableArray<string>.Empty);
        Assert.True(default(EquatableArray<string>).IsEmpty);
        Assert.Empty(default(EquatableArray<string>));
    }
}

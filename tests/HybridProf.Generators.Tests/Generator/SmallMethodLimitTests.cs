using HybridProf.Generators.Tests.Infrastructure;

namespace HybridProf.Generators.Tests.Generator;

/// <summary>
/// <c>HybridProfSmallMethodLimit</c> reaches the weaver as a constant of the table class, and
/// <c>[Profile]</c> on a member itself pins it (flag <c>p</c>) so the size rule never folds it.
/// </summary>
public class SmallMethodLimitTests
{
    private const string Source = """
        [assembly: HybridProf.Profile]
        class C
        {
            void Inherited() { }
            [HybridProf.Profile] void Pinned() { System.Func<int> f = () => 1; }
            [HybridProf.Profile] int Property => 1;
        }
        [HybridProf.Profile]
        class ByType { void Member() { } }
        """;

    private static GeneratorRun Run(string? limit) =>
        GeneratorRun.Run(TestCompilation.Create(Source),
            limit is null ? null : new Dictionary<string, string> { ["build_property.HybridProfSmallMethodLimit"] = limit });

    [Theory]
    [InlineData("0", 0)]
    [InlineData("48", 48)]
    [InlineData(" 100 ", 100)]
    public void A_whole_number_becomes_the_table_constant(string value, int expected)
    {
        var run = Run(value);
        Assert.Contains($"internal const int SmallMethodLimit = {expected};", run.Source);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void Unset_leaves_the_weaver_its_default()
    {
        Assert.DoesNotContain("SmallMethodLimit", Run(null).Source);
        Assert.DoesNotContain("SmallMethodLimit", Run("").Source);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("big")]
    [InlineData("4.5")]
    public void Anything_else_is_an_error_naming_the_value(string value)
    {
        var run = Run(value);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("HPROF010", diagnostic.Id);
        Assert.Contains($"'{value}'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("SmallMethodLimit =", run.Source);
    }

    [Fact]
    public void Profile_on_the_member_itself_pins_it_and_nothing_else()
    {
        var rows = Run(null).Rows;
        Assert.Equal("p", rows.Row("C.Pinned").Flags);
        Assert.Equal("p", rows.Row("C.Property.get").Flags);
        Assert.Equal("-", rows.Row("C.Pinned.lambda1").Flags);
        Assert.Equal("-", rows.Row("C.Inherited").Flags);
        Assert.Equal("-", rows.Row("ByType.Member").Flags);
    }
}

using HybridProf.Markers;

namespace HybridProf.Tests.Markers;

/// <summary>
/// The flags field is read by letter: later letters (<c>p</c> pinned, <c>t</c> tune list,
/// <c>s</c> size rule, or letters a newer generator adds) never change what a method is.
/// </summary>
public class MethodEntryTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("ap", true)]
    [InlineData("at", true)]
    [InlineData("ai", false)]
    [InlineData("ait", false)]
    [InlineData("i", false)]
    [InlineData("-", false)]
    [InlineData("t", false)]
    public void Async_methods_are_told_by_their_letters(string flags, bool isAsyncMethod) =>
        Assert.Equal(isAsyncMethod, new MethodEntry("N.T.M", "/src/T.cs", 1, "method", flags).IsAsyncMethod);

    [Fact]
    public void The_parser_keeps_a_flags_field_with_letters_it_does_not_know()
    {
        var entries = MethodTableParser.Parse("hybridprof-table 1\nmethod\tatz\tN.T.M\t/src/T.cs\t3\tN.T\tM\t\t-\t3:1-3:9");

        Assert.Equal("atz", Assert.Single(entries).Flags);
        Assert.True(entries[0].IsAsyncMethod);
    }
}

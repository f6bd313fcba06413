namespace HybridProf.Tests.TestSupport;

public class LineDiffTests
{
    [Fact]
    public void Shows_changes_with_two_lines_of_context_numbered_by_their_own_file()
    {
        string diff = LineDiff.Render(
            "a b c d e f g h i j k l".Split(' '),
            "a B c d e f g h i j K l".Split(' '));
        Assert.Equal(
            "      1 | a\n-     2 | b\n+     2 | B\n      3 | c\n      4 | d\n@@\n" +
            "      9 | i\n     10 | j\n-    11 | k\n+    11 | K\n     12 | l\n",
            diff);
    }

    [Fact]
    public void Identical_inputs_give_no_diff() =>
        Assert.Equal("", LineDiff.Render(new[] { "x", "y" }, new[] { "x", "y" }));
}

using System.Text;
using CsCheck;
using HybridProf.Formats.Collapsed;
using HybridProf.Formats;
using HybridProf.Model;

namespace HybridProf.Tests.Formats;

public class CollapsedRoundTripTests
{
    private static readonly Gen<string> FrameName =
        Gen.String[Gen.Char.AlphaNumeric, 1, 12].Select(Gen.OneOfConst("", "<T>", ".get", " space", "ü"), (n, s) => n + s);

    private static readonly Gen<(string[] Frames, long Count)[]> Stacks =
        Gen.Select(FrameName.Array[1, 8], Gen.Long[1, 1_000_000]).Array[0, 30];

    [Fact]
    public void Writing_then_reading_gives_the_same_stacks()
    {
        Stacks.Sample(stacks =>
        {
            var builder = new ProfileBuilder();
            foreach (var (frames, count) in stacks)
                builder.AddStack(new ProfileThread(1, "t"), frames.Select(f => new Frame(f)), count);
            var profile = builder.Build(new ProfileMetadata(ProfileMode.Cpu, 100, TimeSpan.Zero));

            string written = Write(profile);
            string rewritten = Write(new CollapsedReader().Read(new StringReader(written)));
            Assert.Equal(written, rewritten);
            Assert.Equal(profile.TotalSamples, new CollapsedReader().Read(new StringReader(written)).TotalSamples);
        });
    }

    [Fact]
    public void Output_is_sorted_folded_lines()
    {
        var builder = new ProfileBuilder();
        builder.AddStack(new ProfileThread(2, "b"), new[] { new Frame("Main"), new Frame("Work") }, 4);
        builder.AddStack(new ProfileThread(1, "a"), new[] { new Frame("Main"), new Frame("Work") }, 1);
        builder.AddStack(new ProfileThread(1, "a"), new[] { new Frame("Main") }, 2);
        builder.AddStack(new ProfileThread(1, "a"), new[] { new Frame("A;B") }, 1);
        string text = Write(builder.Build(new ProfileMetadata(ProfileMode.Wall, 100, TimeSpan.Zero)));
        Assert.Equal("A:B 1\nMain 2\nMain;Work 5\n", text);
    }

    [Theory]
    [InlineData("a;b", "line 1")]
    [InlineData("a;b x", "line 1")]
    [InlineData("a;b 3\na;;b 2", "line 2")]
    [InlineData("a;b -3", "line 1")]
    public void Malformed_lines_are_refused_naming_the_line(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => new CollapsedReader().Read(new StringReader(text)));
        Assert.Contains(expected, e.Message);
    }

    private static string Write(Profile profile)
    {
        using var stream = new MemoryStream();
        new CollapsedWriter().Write(profile, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

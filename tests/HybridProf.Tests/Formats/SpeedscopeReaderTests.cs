using System.Text;
using CsCheck;
using HybridProf.Formats.Speedscope;

namespace HybridProf.Tests.Formats;

/// <summary>Bad speedscope input is refused with a FormatException that says what is wrong and where.</summary>
public class SpeedscopeReaderTests
{
    private const string Head = """{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[{"name":"a"}]},"profiles":""";

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "the file must be an object, not an array")]
    [InlineData("""{"shared":{"frames":[]},"profiles":[]}""", "$schema is missing")]
    [InlineData("""{"$schema":"https://example.com/other.json","shared":{"frames":[]},"profiles":[]}""", "$schema is \"https://example.com/other.json\"")]
    [InlineData("""{"$schema":"https://www.speedscope.app/file-format-schema.json","profiles":[]}""", "shared is missing")]
    [InlineData("""{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[{"file":"x"}]},"profiles":[]}""", "shared.frames[0].name is missing")]
    [InlineData(Head + """{}}""", "profiles must be an array, not an object")]
    [InlineData(Head + """[{"type":"evented","name":"t","unit":"none","startValue":0,"endValue":0,"events":[]}]}""", "profiles[0] is of type 'evented'; HybridProf reads only 'sampled' profiles")]
    [InlineData(Head + """[{"type":"sampled","name":"t","unit":"parsecs","startValue":0,"endValue":1,"samples":[[0]],"weights":[1]}]}""", "profiles[0].unit 'parsecs' is not a speedscope unit")]
    [InlineData(Head + """[{"type":"sampled","name":"t","unit":"none","startValue":0,"endValue":1,"samples":[[0]],"weights":[1,2]}]}""", "profiles[0] has 1 samples but 2 weights")]
    [InlineData(Head + """[{"type":"sampled","name":"t","unit":"none","startValue":0,"endValue":1,"samples":[[0,1]],"weights":[1]}]}""", "profiles[0].samples[0][1] is 1, not an index below 1")]
    [InlineData(Head + """[{"type":"sampled","name":"t","unit":"none","startValue":0,"endValue":1,"samples":[[0]],"weights":[-1]}]}""", "profiles[0].weights[0] is -1, not a finite number ≥ 0")]
    [InlineData(Head + """[{"type":"sampled","name":"t","unit":"none","startValue":0,"endValue":1,"samples":[[0]],"weights":[1e300]}]}""", "profiles[0].weights[0] is too large")]
    [InlineData(Head + """[{"type":"sampled","name":"t","unit":"none","startValue":0,"samples":[[0]],"weights":[1]}]}""", "profiles[0].endValue is missing")]
    [InlineData(Head + """[{"type":"sampled","name":"t","unit":"none","startValue":0,"endValue":1,"samples":[0],"weights":[1]}]}""", "profiles[0].samples[0] must be an array, not a number")]
    [InlineData(Head + """[{"type":"sampled","name":"t","unit":"none","startValue":0,"endValue":1,"samples":[],"weights":[]},{"type":"sampled","name":"u","unit":"bytes","startValue":0,"endValue":1,"samples":[],"weights":[]}]}""", "profiles[1] has unit 'bytes' but an earlier profile has 'none'")]
    [InlineData(Head + """[{"type":"sampled","name":"t","unit":"none","startValue":0,"endValue":1,"samples":[[0],[0]],"weights":[9000000000000000000,9000000000000000000]}]}""", "the weights add up to more than 2^63")]
    public void Malformed_files_are_refused_saying_where(string json, string reason)
    {
        var e = Assert.Throws<FormatException>(() => ProfileFormatsGen.Read(new SpeedscopeReader(), Encoding.UTF8.GetBytes(json)));
        Assert.Contains(reason, e.Message);
        Assert.StartsWith("speedscope: ", e.Message);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused()
    {
        string json = new string('[', 10_000) + new string(']', 10_000);
        var e = Assert.Throws<FormatException>(() => ProfileFormatsGen.Read(new SpeedscopeReader(), Encoding.UTF8.GetBytes(json)));
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public void Truncated_or_damaged_files_are_read_or_refused()
    {
        byte[] valid = ProfileFormatsGen.Bytes(new SpeedscopeWriter(), SampleProfiles.Shop());
        Gen.Int[0, valid.Length - 1].Sample(length =>
            ProfileFormatsGen.ParsesOrRefuses(new SpeedscopeReader(), valid.AsSpan(0, length).ToArray(), $"first {length} bytes"),
            iter: 500);
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Array[1, 4].Sample(edits =>
        {
            byte[] damaged = (byte[])valid.Clone();
            foreach (var (at, value) in edits)
                damaged[at] = value;
            ProfileFormatsGen.ParsesOrRefuses(new SpeedscopeReader(), damaged, $"bytes changed: {string.Join(", ", edits)}");
        }, iter: 2000);
    }
}

using System.Text;
using HybridProf.Formats.Speedscope;
using HybridProf.Model;
using HybridProf.Tests.TestSupport;

namespace HybridProf.Tests.Formats;

public class SpeedscopeGoldenTests
{
    [Fact]
    public void Cpu_profile_matches_golden_file() =>
        Golden.Assert("speedscope-cpu.json", WrittenProfile.Text(new SpeedscopeWriter(indented: true), SampleProfiles.Shop()) + "\n");

    [Fact]
    public void Deterministic_profile_matches_golden_file() =>
        Golden.Assert(
            "speedscope-deterministic.json",
            WrittenProfile.Text(new SpeedscopeWriter("Shop checkout", indented: true), SampleProfiles.Shop(ProfileMode.Deterministic)) + "\n");

    [Fact]
    public void Compact_output_is_one_line_and_reproducible()
    {
        string text = WrittenProfile.Text(new SpeedscopeWriter(), SampleProfiles.Shop());
        Assert.DoesNotContain('\n', text);
        Assert.Equal(text, WrittenProfile.Text(new SpeedscopeWriter(), SampleProfiles.Shop()));
        Assert.StartsWith("{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\",\"exporter\":\"hybridprof\"", text);
    }

    [Fact]
    public void Numbers_do_not_depend_on_the_current_culture()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            string german = WrittenProfile.Text(new SpeedscopeWriter(), SampleProfiles.Shop());
            Thread.CurrentThread.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal(WrittenProfile.Text(new SpeedscopeWriter(), SampleProfiles.Shop()), german);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Output_is_utf8_without_a_byte_order_mark()
    {
        byte[] bytes = ProfileFormatsGen.Bytes(new SpeedscopeWriter(), SampleProfiles.FromCollapsed(("ü;Ω", 1)));
        Assert.Equal((byte)'{', bytes[0]);
        Assert.Contains("\"name\":\"ü\"", Encoding.UTF8.GetString(bytes));
    }
}

using System.Text.Json;
using HybridProf.Formats.Pprof;
using HybridProf.Formats.Speedscope;
using HybridProf.Model;

namespace HybridProf.Tests.Formats;

/// <summary>The program's name, which titles a profile, kept by the formats that have room for it.</summary>
public class ProgramNameInFormatsTests
{
    private static Profile Named(string? program) =>
        Profile.Empty(new ProfileMetadata(ProfileMode.Wall, 100, TimeSpan.FromSeconds(2), MissedTicks: 4, Observations: 0, Program: program));

    [Theory]
    [InlineData("E2eApp")]
    [InlineData("Shop Api mode=cpu")] // spaces and a look-alike field stay in the name, out of the metadata comment
    public void Pprof_keeps_the_program_in_a_comment_of_its_own(string program)
    {
        var read = ProfileFormatsGen.Read(new PprofReader(), ProfileFormatsGen.Bytes(new PprofWriter(), Named(program)));
        Assert.Equal(Named(program).Metadata, read.Metadata);
    }

    [Fact]
    public void Pprof_without_a_program_reads_back_none()
    {
        var read = ProfileFormatsGen.Read(new PprofReader(), ProfileFormatsGen.Bytes(new PprofWriter(), Named(null)));
        Assert.Null(read.Metadata.Program);
        Assert.Equal(ProfileMode.Wall, read.Metadata.Mode);
    }

    [Fact]
    public void Speedscope_names_the_program_in_its_title()
    {
        Assert.Equal("E2eApp \u2014 HybridProf wall profile", SpeedscopeName(new SpeedscopeWriter(), Named("E2eApp")));
        Assert.Equal("HybridProf wall profile", SpeedscopeName(new SpeedscopeWriter(), Named(null)));
        Assert.Equal("given", SpeedscopeName(new SpeedscopeWriter("given"), Named("E2eApp")));
    }

    private static string? SpeedscopeName(SpeedscopeWriter writer, Profile profile)
    {
        using var doc = JsonDocument.Parse(ProfileFormatsGen.Bytes(writer, profile));
        return doc.RootElement.GetProperty("name").GetString();
    }
}

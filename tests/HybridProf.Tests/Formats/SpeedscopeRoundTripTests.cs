using CsCheck;
using HybridProf.Formats.Speedscope;
using HybridProf.Model;

namespace HybridProf.Tests.Formats;

/// <summary>Writing speedscope and reading it back keeps stacks, thread names, frames (with file and line) and the unit.</summary>
public class SpeedscopeRoundTripTests
{
    [Theory]
    [InlineData(ProfileMode.Cpu)]
    [InlineData(ProfileMode.Deterministic)]
    public void Sample_profile_round_trips(ProfileMode mode)
    {
        var profile = SampleProfiles.Shop(mode);
        var read = RoundTrip(profile);
        Assert.Equal(ProfileFormatsGen.Collapsed(profile), ProfileFormatsGen.Collapsed(read));
        Assert.Equal(ProfileFormatsGen.Canonical(profile, threadIds: false), ProfileFormatsGen.Canonical(read, threadIds: false));
        Assert.Equal(mode, read.Metadata.Mode);
    }

    [Fact]
    public void Random_profiles_round_trip()
    {
        ProfileFormatsGen.Profiles.Sample(profile =>
        {
            var read = RoundTrip(profile);
            Assert.Equal(ProfileFormatsGen.Collapsed(profile), ProfileFormatsGen.Collapsed(read));
            Assert.Equal(ProfileFormatsGen.Canonical(profile, threadIds: false), ProfileFormatsGen.Canonical(read, threadIds: false));
            // An empty profile has no speedscope profile to carry the unit.
            if (profile.Stacks.Count > 0)
                Assert.Equal(profile.Metadata.Mode == ProfileMode.Deterministic, read.Metadata.Mode == ProfileMode.Deterministic);
        }, iter: 300);
    }

    [Fact]
    public void Threads_are_numbered_by_their_place_in_the_file()
    {
        var read = RoundTrip(SampleProfiles.Shop());
        Assert.Equal(new[] { new ProfileThread(0, "main"), new ProfileThread(1, "worker"), new ProfileThread(2, "[GC]") }, read.Threads);
    }

    [Fact]
    public void Foreign_files_with_fractional_time_weights_and_empty_stacks_are_read()
    {
        const string json = """
            {"$schema":"https://www.speedscope.app/file-format-schema.json",
             "shared":{"frames":[{"name":"a","file":"a.js","line":3,"col":7},{"name":"b"}]},
             "profiles":[{"type":"sampled","name":"renderer","unit":"milliseconds","startValue":0,"endValue":4,
                          "samples":[[0,1],[0],[],[1]],"weights":[1.5,0.0000001,2,0.25]}],
             "activeProfileIndex":0,"exporter":"someone@1.0","extra":{"ignored":true}}
            """;
        var read = ProfileFormatsGen.Read(new SpeedscopeReader(), System.Text.Encoding.UTF8.GetBytes(json));
        Assert.Equal("[unknown] 2000000\na;b 1500000\nb 250000\n", ProfileFormatsGen.Collapsed(read));
        Assert.Equal(ProfileMode.Deterministic, read.Metadata.Mode);
        Assert.Contains(new Frame("a", "a.js", 3), read.Frames);
    }

    private static Profile RoundTrip(Profile profile) =>
        ProfileFormatsGen.Read(new SpeedscopeReader(), ProfileFormatsGen.Bytes(new SpeedscopeWriter(), profile));
}

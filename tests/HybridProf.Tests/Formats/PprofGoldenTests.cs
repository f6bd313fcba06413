using HybridProf.Formats.Pprof;
using HybridProf.Model;
using HybridProf.Tests.TestSupport;

namespace HybridProf.Tests.Formats;

/// <summary>The pprof writer's output, decoded at the wire level and compared with readable golden files.</summary>
public class PprofGoldenTests
{
    internal static readonly DateTimeOffset Start = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Cpu_profile_matches_golden_file() =>
        Golden.Assert("pprof-cpu.txt", PprofDump.OfFile(ProfileFormatsGen.Bytes(new PprofWriter(Start), SampleProfiles.Shop())));

    [Fact]
    public void Deterministic_profile_matches_golden_file() =>
        Golden.Assert("pprof-deterministic.txt", PprofDump.OfFile(ProfileFormatsGen.Bytes(new PprofWriter(Start), SampleProfiles.Shop(ProfileMode.Deterministic))));

    [Fact]
    public void Output_is_byte_for_byte_reproducible()
    {
        var writer = new PprofWriter(Start);
        Assert.Equal(ProfileFormatsGen.Bytes(writer, SampleProfiles.Shop()), ProfileFormatsGen.Bytes(writer, SampleProfiles.Shop()));
    }

    [Fact]
    public void Without_a_start_time_the_collection_started_one_duration_before_writing()
    {
        var profile = SampleProfiles.Shop();
        var before = DateTimeOffset.UtcNow - profile.Metadata.Duration;
        string dump = PprofDump.OfMessage(new PprofWriter().Encode(profile).ToArray());
        var after = DateTimeOffset.UtcNow - profile.Metadata.Duration;
        long nanos = long.Parse(dump.Split('\n').Single(l => l.StartsWith("time_nanos: ", StringComparison.Ordinal)).Substring(12));
        var start = DateTimeOffset.FromUnixTimeMilliseconds(nanos / 1_000_000);
        Assert.InRange(start, before.AddMilliseconds(-1), after.AddMilliseconds(1));
    }

    [Fact]
    public void Sampling_without_a_rate_writes_only_counts_and_no_period()
    {
        var builder = new ProfileBuilder();
        builder.AddStack(new ProfileThread(1, "t"), new[] { new Frame("a") }, 3);
        var profile = builder.Build(new ProfileMetadata(ProfileMode.Wall, 0, TimeSpan.Zero));
        string dump = PprofDump.OfMessage(new PprofWriter(Start).Encode(profile).ToArray());
        Assert.Contains("sample_type { type: 1 \"samples\", unit: 2 \"count\" }", dump);
        Assert.DoesNotContain("period", dump);
        Assert.Contains("value: [3]", dump);
    }
}

using System.IO.Compression;
using CsCheck;
using HybridProf.Formats.Pprof;
using HybridProf.Model;

namespace HybridProf.Tests.Formats;

/// <summary>Writing pprof and reading it back gives the same profile: stacks, threads, frames, metadata.</summary>
public class PprofRoundTripTests
{
    [Theory]
    [InlineData(ProfileMode.Cpu)]
    [InlineData(ProfileMode.Wall)]
    [InlineData(ProfileMode.Deterministic)]
    public void Sample_profile_round_trips(ProfileMode mode)
    {
        var profile = SampleProfiles.Shop(mode);
        var read = RoundTrip(profile);
        Assert.Equal(ProfileFormatsGen.Collapsed(profile), ProfileFormatsGen.Collapsed(read));
        Assert.Equal(ProfileFormatsGen.Canonical(profile), ProfileFormatsGen.Canonical(read));
        Assert.Equal(profile.Metadata, read.Metadata);
    }

    [Theory]
    [InlineData(ProfileMode.Cpu)]
    [InlineData(ProfileMode.Deterministic)]
    public void The_numbers_of_folded_and_guarded_methods_round_trip(ProfileMode mode)
    {
        var shop = SampleProfiles.Shop(mode);
        var profile = new Profile(shop.Frames, shop.Threads, shop.Stacks, shop.Metadata with { FoldedMethods = 42, GuardedMethods = 7 }, shop.Timings);
        var read = RoundTrip(profile).Metadata;
        Assert.Equal(42, read.FoldedMethods);
        Assert.Equal(7, read.GuardedMethods);
    }

    [Fact]
    public void Random_profiles_round_trip()
    {
        ProfileFormatsGen.Profiles.Sample(profile =>
        {
            var read = RoundTrip(profile);
            Assert.Equal(ProfileFormatsGen.Collapsed(profile), ProfileFormatsGen.Collapsed(read));
            Assert.Equal(ProfileFormatsGen.Canonical(profile), ProfileFormatsGen.Canonical(read));
            Assert.Equal(profile.Metadata, read.Metadata);
        }, iter: 300);
    }

    [Fact]
    public void Uncompressed_messages_are_read_too()
    {
        var profile = SampleProfiles.Shop();
        var read = ProfileFormatsGen.Read(new PprofReader(), new PprofWriter().Encode(profile).ToArray());
        Assert.Equal(ProfileFormatsGen.Canonical(profile), ProfileFormatsGen.Canonical(read));
    }

    [Fact]
    public void A_foreign_profile_reads_counts_inlined_lines_and_unlabelled_threads()
    {
        // As Go writes them: samples/count then cpu/nanoseconds, unpacked fields, a mapping, an
        // inlined frame (line[0] inlined into line[1]), a location without lines, no thread labels.
        var strings = new[] { "", "samples", "count", "cpu", "nanoseconds", "main.main", "main.work", "inl.helper", "main.go", "goroutine" };
        var p = new ProtoWriter();
        p.WriteMessage(1, Message(m => { m.WriteInt64(1, 1); m.WriteInt64(2, 2); }));
        p.WriteMessage(1, Message(m => { m.WriteInt64(1, 3); m.WriteInt64(2, 4); }));
        p.WriteMessage(2, Message(m =>
        {
            m.WriteInt64(1, 2); // leaf first: location 2 (work, with helper inlined), then 1 (main)
            m.WriteInt64(1, 1);
            m.WriteInt64(2, 7);
            m.WriteInt64(2, 70_000_000);
            m.WriteMessage(3, Message(l => { l.WriteInt64(1, 9); l.WriteInt64(3, 12); })); // goroutine=12: ignored
        }));
        p.WriteMessage(2, Message(m => { m.WriteInt64(1, 3); m.WriteInt64(2, 2); m.WriteInt64(2, 20_000_000); }));
        p.WriteMessage(2, Message(m => { m.WriteInt64(1, 1); m.WritePacked(2, new long[] { 0, 0 }); })); // zero weight: left out
        p.WriteMessage(3, Message(m => { m.WriteInt64(1, 1); m.WriteInt64(5, 8); }));
        p.WriteMessage(4, Message(m => { m.WriteInt64(1, 1); m.WriteInt64(2, 1); m.WriteMessage(4, Message(l => { l.WriteInt64(1, 1); l.WriteInt64(2, 10); })); }));
        p.WriteMessage(4, Message(m =>
        {
            m.WriteInt64(1, 2);
            m.WriteMessage(4, Message(l => { l.WriteInt64(1, 3); l.WriteInt64(2, 40); }));
            m.WriteMessage(4, Message(l => { l.WriteInt64(1, 2); l.WriteInt64(2, 20); }));
        }));
        p.WriteMessage(4, Message(m => { m.WriteInt64(1, 3); m.WriteInt64(3, 0x4a3f); }));
        p.WriteMessage(5, Message(m => { m.WriteInt64(1, 1); m.WriteInt64(2, 5); m.WriteInt64(4, 8); m.WriteInt64(5, 9); }));
        p.WriteMessage(5, Message(m => { m.WriteInt64(1, 2); m.WriteInt64(3, 6); m.WriteInt64(4, 8); })); // system name only
        p.WriteMessage(5, Message(m => { m.WriteInt64(1, 3); m.WriteInt64(2, 7); }));
        foreach (string s in strings)
            p.WriteString(6, s);
        p.WriteInt64(10, 3_000_000_000);
        p.WriteMessage(11, Message(m => { m.WriteInt64(1, 3); m.WriteInt64(2, 4); }));
        p.WriteInt64(12, 10_000_000);

        var read = ProfileFormatsGen.Read(new PprofReader(), Gzip(p.ToArray()));

        Assert.Equal("0x4a3f 2\nmain.main;main.work;inl.helper 7\n", ProfileFormatsGen.Collapsed(read));
        Assert.Equal(new ProfileThread(0, "all"), Assert.Single(read.Threads));
        Assert.Contains(new Frame("main.main", "main.go", 9), read.Frames);
        Assert.Contains(new Frame("main.work", "main.go", 20), read.Frames); // no start line: the sampled line
        Assert.Equal(new ProfileMetadata(ProfileMode.Cpu, 100, TimeSpan.FromSeconds(3)), read.Metadata);
    }

    [Fact]
    public void A_profile_of_time_without_counts_is_deterministic_in_nanoseconds()
    {
        var p = new ProtoWriter();
        p.WriteMessage(1, Message(m => { m.WriteInt64(1, 1); m.WriteInt64(2, 2); }));
        p.WriteMessage(2, Message(m => { m.WritePacked(1, new long[] { 1 }); m.WritePacked(2, new long[] { 5 }); }));
        p.WriteMessage(4, Message(m => { m.WriteInt64(1, 1); m.WriteMessage(4, Message(l => l.WriteInt64(1, 1))); }));
        p.WriteMessage(5, Message(m => { m.WriteInt64(1, 1); m.WriteInt64(2, 3); }));
        foreach (string s in new[] { "", "time", "microseconds", "f" })
            p.WriteString(6, s);
        var read = ProfileFormatsGen.Read(new PprofReader(), p.ToArray());
        Assert.Equal("f 5000\n", ProfileFormatsGen.Collapsed(read));
        Assert.Equal(ProfileMode.Deterministic, read.Metadata.Mode);
    }

    internal static ProtoWriter Message(Action<ProtoWriter> build)
    {
        var w = new ProtoWriter();
        build(w);
        return w;
    }

    internal static byte[] Gzip(byte[] message)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(message);
        return output.ToArray();
    }

    private static Profile RoundTrip(Profile profile) =>
        ProfileFormatsGen.Read(new PprofReader(), ProfileFormatsGen.Bytes(new PprofWriter(), profile));
}

using CsCheck;
using HybridProf.Formats.Pprof;
using static HybridProf.Tests.Formats.PprofRoundTripTests;

namespace HybridProf.Tests.Formats;

/// <summary>Damaged pprof files are read or refused with a FormatException: never another exception, never a hang.</summary>
public class PprofCorruptionTests
{
    private static readonly byte[] File = ProfileFormatsGen.Bytes(new PprofWriter(PprofGoldenTests.Start), SampleProfiles.Shop());
    private static readonly byte[] Raw = new PprofWriter(PprofGoldenTests.Start).Encode(SampleProfiles.Shop()).ToArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Truncated_files_are_read_or_refused(bool compressed)
    {
        byte[] valid = compressed ? File : Raw;
        Gen.Int[0, valid.Length - 1].Sample(length =>
            ProfileFormatsGen.ParsesOrRefuses(new PprofReader(), valid.AsSpan(0, length).ToArray(), $"first {length} bytes"),
            iter: 1000);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Files_with_flipped_bits_are_read_or_refused(bool compressed)
    {
        byte[] valid = compressed ? File : Raw;
        Gen.Int[0, valid.Length * 8 - 1].Array[1, 4].Sample(bits =>
        {
            byte[] damaged = (byte[])valid.Clone();
            foreach (int bit in bits)
                damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            ProfileFormatsGen.ParsesOrRefuses(new PprofReader(), damaged, $"bits {string.Join(",", bits)} flipped");
        }, iter: 3000);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("GIF89a", "invalid wire type 7")]
    [InlineData("1F 8B 08 00 00 00 00 00", "gzip")]
    public void Files_that_are_not_pprof_are_refused(string content, string reason)
    {
        byte[] bytes = content.StartsWith("1F 8B", StringComparison.Ordinal)
            ? content.Split(' ').Select(h => Convert.ToByte(h, 16)).ToArray()
            : System.Text.Encoding.ASCII.GetBytes(content);
        var e = Assert.Throws<FormatException>(() => Read(bytes));
        Assert.Contains(reason, e.Message);
        Assert.StartsWith("pprof: ", e.Message);
    }

    [Fact]
    public void A_profile_without_the_empty_first_string_is_refused() =>
        Refused(p => p.WriteString(6, "x"), "string_table[0] must be \"\"");

    [Fact]
    public void A_message_without_a_string_table_is_refused() =>
        Refused(p => p.WriteInt64(10, 5), "string table is empty");

    [Fact]
    public void A_sample_pointing_at_an_undefined_location_is_refused() =>
        Refused(p => Minimal(p, locationId: 9), "location 9, which the profile does not define");

    [Fact]
    public void A_line_pointing_at_an_undefined_function_is_refused() =>
        Refused(p => Minimal(p, functionId: 4), "function 4, which the profile does not define");

    [Fact]
    public void A_string_index_out_of_range_is_refused() =>
        Refused(p => Minimal(p, nameIndex: 99), "Function.name refers to string 99, but the string table has 4 entries");

    [Fact]
    public void A_sample_with_the_wrong_number_of_values_is_refused() =>
        Refused(p => Minimal(p, values: new long[] { 1, 2 }), "a sample has 2 values but the profile has 1 sample types");

    [Fact]
    public void A_duplicate_location_id_is_refused() =>
        Refused(p => { Minimal(p); p.WriteMessage(4, Message(m => m.WriteInt64(1, 1))); }, "location id 1 appears twice");

    [Fact]
    public void A_location_id_of_zero_is_refused() =>
        Refused(p => p.WriteMessage(4, Message(m => m.WriteInt64(3, 5))), "a location has id 0");

    [Fact]
    public void Weights_that_add_up_past_the_largest_long_are_refused() =>
        Refused(
            p =>
            {
                Minimal(p, values: new[] { long.MaxValue });
                p.WriteMessage(2, Message(m => { m.WritePacked(1, new long[] { 1 }); m.WritePacked(2, new long[] { 1 }); }));
            },
            "the sample weights add up to more than 2^63");

    [Fact]
    public void The_minimal_message_of_these_tests_is_valid() =>
        Assert.Equal("f 1\n", ProfileFormatsGen.Collapsed(Read(Build(p => Minimal(p)))));

    // One sample of one location of one function "f", with knobs to break each reference.
    private static void Minimal(ProtoWriter p, long locationId = 1, long functionId = 1, long nameIndex = 3, long[]? values = null)
    {
        p.WriteMessage(1, Message(m => { m.WriteInt64(1, 1); m.WriteInt64(2, 2); }));
        p.WriteMessage(2, Message(m => { m.WritePacked(1, new[] { locationId }); m.WritePacked(2, values ?? new long[] { 1 }); }));
        p.WriteMessage(4, Message(m => { m.WriteInt64(1, 1); m.WriteMessage(4, Message(l => l.WriteInt64(1, functionId))); }));
        p.WriteMessage(5, Message(m => { m.WriteInt64(1, 1); m.WriteInt64(2, nameIndex); }));
        foreach (string s in new[] { "", "samples", "count", "f" })
            p.WriteString(6, s);
    }

    private static void Refused(Action<ProtoWriter> build, string reason)
    {
        var e = Assert.Throws<FormatException>(() => Read(Build(build)));
        Assert.Contains(reason, e.Message);
    }

    private static byte[] Build(Action<ProtoWriter> build) => Gzip(Message(build).ToArray());

    private static HybridProf.Model.Profile Read(byte[] bytes) => ProfileFormatsGen.Read(new PprofReader(), bytes);
}

using HybridProf.Formats.Pprof;

namespace HybridProf.Tests.Formats;

/// <summary>The hand-written protobuf encoder and decoder, against bytes worked out from the encoding spec.</summary>
public class PprofProtoTests
{
    [Theory]
    [InlineData(1L, "08 01")]
    [InlineData(127L, "08 7F")]
    [InlineData(128L, "08 80 01")]
    [InlineData(300L, "08 AC 02")]
    [InlineData(long.MaxValue, "08 FF FF FF FF FF FF FF FF 7F")]
    [InlineData(-1L, "08 FF FF FF FF FF FF FF FF FF 01")]
    public void Varints_are_base_128_least_significant_group_first(long value, string hex)
    {
        var w = new ProtoWriter();
        w.WriteInt64(1, value);
        Assert.Equal(hex, Hex(w.ToArray()));
        var r = new ProtoReader(w.ToArray(), "Test");
        Assert.True(r.ReadTag(out int field, out WireType wire));
        Assert.Equal((1, WireType.Varint), (field, wire));
        Assert.Equal(value, r.ReadInt64(wire, "f"));
        Assert.False(r.ReadTag(out _, out _));
    }

    [Fact]
    public void Zero_is_the_proto3_default_and_is_not_written()
    {
        var w = new ProtoWriter();
        w.WriteInt64(1, 0);
        Assert.Equal(0, w.Length);
    }

    [Fact]
    public void Strings_messages_and_packed_fields_are_length_delimited()
    {
        var inner = new ProtoWriter();
        inner.WriteInt64(1, 150);
        var w = new ProtoWriter();
        w.WriteString(6, "");
        w.WriteString(6, "ü");
        w.WriteMessage(3, inner);
        w.WritePacked(1, new long[] { 3, 270, 86942 });
        w.WritePacked(2, Array.Empty<long>());
        // 0x32 = field 6, wire type 2; ü is two UTF-8 bytes; 0x1A = field 3; 0x0A = field 1, packed.
        Assert.Equal("32 00 32 02 C3 BC 1A 03 08 96 01 0A 06 03 8E 02 9E A7 05", Hex(w.ToArray()));
    }

    [Fact]
    public void Packed_and_unpacked_repeated_fields_read_alike()
    {
        var r = new ProtoReader(Bytes("0A 02 05 06 08 07"), "Test");
        var values = new List<ulong>();
        while (r.ReadTag(out int field, out WireType wire))
            r.ReadRepeatedVarint(wire, "f", values);
        Assert.Equal(new ulong[] { 5, 6, 7 }, values);
    }

    [Theory]
    [InlineData("08", "truncated varint")]
    [InlineData("08 FF FF FF FF FF FF FF FF FF 02", "longer than 64 bits")]
    [InlineData("00 01", "invalid field number 0")]
    [InlineData("0F", "invalid wire type 7")]
    [InlineData("0A 05 01", "runs past the end")]
    [InlineData("09 01 02 03", "truncated 64-bit value")]
    [InlineData("0D 01", "truncated 32-bit value")]
    [InlineData("0B 10 01", "group 1 is not terminated")]
    [InlineData("0B 14", "group 1 ended by the end of group 2")]
    [InlineData("0C", "end of group 1 without its start")]
    public void Malformed_input_is_refused_with_a_reason(string hex, string reason)
    {
        var r = new ProtoReader(Bytes(hex), "Test");
        var e = Assert.Throws<FormatException>(() =>
        {
            while (r.ReadTag(out int field, out WireType wire))
                r.Skip(field, wire);
        });
        Assert.Contains(reason, e.Message);
        Assert.Contains("in Test at byte", e.Message);
    }

    [Fact]
    public void Unknown_fields_of_every_wire_type_are_skipped()
    {
        // varint, fixed64, length-delimited, a group holding a varint, fixed32; then field 15 = 1.
        var r = new ProtoReader(Bytes("08 96 01 11 01 02 03 04 05 06 07 08 1A 02 AA BB 23 08 01 24 2D 01 02 03 04 78 01"), "Test");
        while (r.ReadTag(out int field, out WireType wire))
        {
            if (field == 15)
            {
                Assert.Equal(1, r.ReadInt64(wire, "last"));
                return;
            }
            r.Skip(field, wire);
        }
        Assert.Fail("field 15 was not reached");
    }

    [Fact]
    public void Deeply_nested_groups_are_refused_not_recursed_into()
    {
        var bytes = Enumerable.Repeat((byte)0x0B, 10_000).ToArray();
        var r = new ProtoReader(bytes, "Test");
        Assert.True(r.ReadTag(out int field, out WireType wire));
        var e = Assert.Throws<FormatException>(() => r.Skip(field, wire));
        Assert.Contains("nested deeper", e.Message);
    }

    [Fact]
    public void A_wire_type_other_than_the_fields_own_is_refused()
    {
        var r = new ProtoReader(Bytes("08 01"), "Test");
        Assert.True(r.ReadTag(out _, out WireType wire));
        var e = Assert.Throws<FormatException>(() => r.ReadMessage(wire, "sample", "Sample"));
        Assert.Contains("field sample has wire type Varint, expected LengthDelimited", e.Message);
    }

    private static string Hex(byte[] bytes) => string.Join(" ", bytes.Select(b => b.ToString("X2")));

    private static byte[] Bytes(string hex) => hex.Split(' ').Select(h => Convert.ToByte(h, 16)).ToArray();
}

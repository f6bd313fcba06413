using System;
using S = HybridProf.Formats.Pprof.PprofSchema;

namespace HybridProf.Formats.Pprof;

/// <summary>
/// Checks the first bytes of a <c>Profile</c> message before the rest is read, so a file that is
/// not pprof at all (garbage, another format under a .pb.gz name) is rejected at once instead of
/// after the whole file is in memory. It applies the decoder's own rules to the top-level fields
/// that start in those bytes: a valid tag, the wire type the decoder expects of a field it knows,
/// and a length that fits in the message. Whatever it accepts, the decoder still checks in full.
/// </summary>
internal static class PprofStart
{
    /// <summary>How much of the message is checked before the rest is read.</summary>
    public const int Bytes = 64 * 1024;

    /// <summary>Checks the top-level fields that start in <c>data[0..count)</c>.</summary>
    /// <param name="data">The message's first bytes.</param>
    /// <param name="count">How many of <paramref name="data"/> are the message's.</param>
    /// <param name="total">The message's full length, when known, to check lengths against.</param>
    /// <exception cref="FormatException">The start cannot be a well-formed <c>Profile</c>, named as the decoder would.</exception>
    public static void Check(byte[] data, int count, long? total)
    {
        int position = 0;
        while (position < count)
        {
            int start = position;
            // A field cut off by the end of these bytes is left to the decoder, which sees it whole.
            if (!TryVarint(data, count, ref position, out ulong tag))
                return;
            ulong field = tag >> 3;
            int type = (int)(tag & 7);
            if (field == 0 || field > int.MaxValue)
                throw Error($"invalid field number {field}", start);
            if (type > (int)WireType.Fixed32)
                throw Error($"invalid wire type {type} for field {field}", start);
            var wire = (WireType)type;
            if (Expected((int)field) is { } expected && !expected.Accepts(wire))
                throw Error($"field {expected.Name} has wire type {wire}, expected {expected.Wire}", position);
            switch (wire)
            {
                case WireType.Varint:
                    if (!TryVarint(data, count, ref position, out _))
                        return;
                    break;
                case WireType.Fixed64:
                    position += 8;
                    break;
                case WireType.Fixed32:
                    position += 4;
                    break;
                case WireType.LengthDelimited:
                    int lengthStart = position;
                    if (!TryVarint(data, count, ref position, out ulong length))
                        return;
                    if (total is { } size && length > (ulong)(size - position))
                        throw Error($"length {length} runs past the end ({size - position} bytes remain)", lengthStart);
                    if (length > (ulong)(count - position))
                        return;
                    position += (int)length;
                    break;
                case WireType.StartGroup:
                    return; // deprecated and nested: the decoder skips it with its depth bound
                default:
                    throw Error($"end of group {field} without its start", position);
            }
        }
    }

    private sealed record Field(string Name, WireType Wire, bool AlsoPacked = false)
    {
        public bool Accepts(WireType wire) => wire == Wire || (AlsoPacked && wire == WireType.LengthDelimited);
    }

    // The top-level fields PprofDecoder reads, with the wire type it demands of each.
    private static Field? Expected(int field) => field switch
    {
        S.Profile.SampleType => new("sample_type", WireType.LengthDelimited),
        S.Profile.Sample => new("sample", WireType.LengthDelimited),
        S.Profile.Location => new("location", WireType.LengthDelimited),
        S.Profile.Function => new("function", WireType.LengthDelimited),
        S.Profile.StringTable => new("string_table", WireType.LengthDelimited),
        S.Profile.TimeNanos => new("time_nanos", WireType.Varint),
        S.Profile.DurationNanos => new("duration_nanos", WireType.Varint),
        S.Profile.PeriodType => new("period_type", WireType.LengthDelimited),
        S.Profile.Period => new("period", WireType.Varint),
        S.Profile.Comment => new("comment", WireType.Varint, AlsoPacked: true),
        S.Profile.DefaultSampleType => new("default_sample_type", WireType.Varint),
        _ => null,
    };

    // False when the bytes end inside the varint (the window may cut one); an over-long varint is damage.
    private static bool TryVarint(byte[] data, int count, ref int position, out ulong value) =>
        ProtoReader.TryReadVarint(data, count, ref position, out value, "Profile");

    private static FormatException Error(string problem, int offset) =>
        new($"pprof: {problem} (in Profile at byte {offset})");
}

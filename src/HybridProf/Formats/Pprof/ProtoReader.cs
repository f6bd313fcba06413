using System;
using System.Collections.Generic;
using System.Text;

namespace HybridProf.Formats.Pprof;

/// <summary>
/// A minimal, defensive protobuf decoder over one message's bytes. Every length is checked
/// against the bytes that remain before it is used, so truncated or corrupt input ends in a
/// <see cref="FormatException"/> naming the message and byte offset, never an index error, a
/// huge allocation or a loop. Unknown fields are skipped by their wire type.
/// </summary>
internal sealed class ProtoReader
{
    // Groups nest; a corrupt file must not be able to recurse without bound.
    private const int MaxGroupDepth = 64;
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly byte[] _data;
    private readonly int _end;
    private readonly string _message;
    private int _position;

    /// <summary>A reader over all of <paramref name="data"/>, a message of type <paramref name="message"/>.</summary>
    public ProtoReader(byte[] data, string message)
        : this(data, 0, data.Length, message)
    {
    }

    private ProtoReader(byte[] data, int start, int end, string message)
    {
        _data = data;
        _position = start;
        _end = end;
        _message = message;
    }

    /// <summary>Offset of the next byte in the outermost buffer.</summary>
    public int Position => _position;

    /// <summary>Reads the next tag; false at the end of the message.</summary>
    public bool ReadTag(out int field, out WireType wireType)
    {
        field = 0;
        wireType = default;
        if (_position >= _end)
            return false;
        int start = _position;
        ulong tag = ReadVarint();
        if (tag >> 3 == 0 || tag >> 3 > int.MaxValue)
            throw Error($"invalid field number {tag >> 3}", start);
        int type = (int)(tag & 7);
        if (type > (int)WireType.Fixed32)
            throw Error($"invalid wire type {type} for field {tag >> 3}", start);
        field = (int)(tag >> 3);
        wireType = (WireType)type;
        return true;
    }

    /// <summary>A base-128 varint of at most ten bytes.</summary>
    public ulong ReadVarint()
    {
        int start = _position;
        if (!TryReadVarint(_data, _end, ref _position, out ulong value, _message))
            throw Error("truncated varint", start);
        return value;
    }

    /// <summary>
    /// Decodes the varint at <paramref name="position"/> in <c>data[..end)</c>: false (and the
    /// position unchanged) when the bytes end inside it, which a reader of a file's first bytes
    /// must tell from damage; an over-long varint is damage wherever it ends.
    /// </summary>
    /// <param name="data">The bytes.</param>
    /// <param name="end">Where the bytes that may be read end.</param>
    /// <param name="position">Where the varint starts; after it on success.</param>
    /// <param name="value">The decoded value.</param>
    /// <param name="message">The message being read, for the error.</param>
    internal static bool TryReadVarint(byte[] data, int end, ref int position, out ulong value, string message)
    {
        int start = position;
        value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= end)
            {
                position = start;
                return false;
            }
            byte b = data[position++];
            // The tenth byte holds only bit 63: anything more is corrupt, not a bigger number.
            if (shift == 63 && b > 1)
                throw Error(message, "varint longer than 64 bits", start);
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return true;
        }
        throw Error(message, "varint longer than ten bytes", start);
    }

    /// <summary>An int64/uint64 field's value, after checking its wire type.</summary>
    public long ReadInt64(WireType wireType, string field)
    {
        Expect(wireType, WireType.Varint, field);
        return unchecked((long)ReadVarint());
    }

    /// <summary>An embedded message of type <paramref name="message"/>, after checking the wire type.</summary>
    public ProtoReader ReadMessage(WireType wireType, string field, string message)
    {
        Expect(wireType, WireType.LengthDelimited, field);
        int length = ReadLength();
        var nested = new ProtoReader(_data, _position, _position + length, message);
        _position += length;
        return nested;
    }

    /// <summary>A UTF-8 string field (invalid sequences become U+FFFD, as other decoders do).</summary>
    public string ReadString(WireType wireType, string field)
    {
        Expect(wireType, WireType.LengthDelimited, field);
        int length = ReadLength();
        string value = Utf8.GetString(_data, _position, length);
        _position += length;
        return value;
    }

    /// <summary>
    /// One element (unpacked) or a packed run of a repeated varint field, added to
    /// <paramref name="values"/>; parsers must accept both encodings.
    /// </summary>
    public void ReadRepeatedVarint(WireType wireType, string field, List<ulong> values)
    {
        if (wireType == WireType.Varint)
        {
            values.Add(ReadVarint());
            return;
        }
        Expect(wireType, WireType.LengthDelimited, field);
        int length = ReadLength();
        var packed = new ProtoReader(_data, _position, _position + length, _message + "." + field);
        while (packed._position < packed._end)
            values.Add(packed.ReadVarint());
        _position += length;
    }

    /// <summary>Skips a field this reader does not know, by its wire type.</summary>
    public void Skip(int field, WireType wireType) => Skip(field, wireType, 0);

    private void Skip(int field, WireType wireType, int depth)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                Advance(8, field);
                break;
            case WireType.Fixed32:
                Advance(4, field);
                break;
            case WireType.LengthDelimited:
                // Not "_position += ReadLength()": that would add to the position before the length was read.
                int length = ReadLength();
                _position += length;
                break;
            case WireType.StartGroup:
                SkipGroup(field, depth);
                break;
            default:
                throw Error($"end of group {field} without its start", _position);
        }
    }

    private void SkipGroup(int field, int depth)
    {
        int start = _position;
        if (depth >= MaxGroupDepth)
            throw Error($"groups nested deeper than {MaxGroupDepth}", start);
        while (ReadTag(out int inner, out WireType type))
        {
            if (type == WireType.EndGroup)
            {
                if (inner != field)
                    throw Error($"group {field} ended by the end of group {inner}", start);
                return;
            }
            Skip(inner, type, depth + 1);
        }
        throw Error($"group {field} is not terminated", start);
    }

    private int ReadLength()
    {
        int start = _position;
        ulong length = ReadVarint();
        if (length > (ulong)(_end - _position))
            throw Error($"length {length} runs past the end ({_end - _position} bytes remain)", start);
        return (int)length;
    }

    private void Advance(int count, int field)
    {
        if (_end - _position < count)
            throw Error($"truncated {count * 8}-bit value of field {field}", _position);
        _position += count;
    }

    private void Expect(WireType actual, WireType expected, string field)
    {
        if (actual != expected)
            throw Error($"field {field} has wire type {actual}, expected {expected}", _position);
    }

    private FormatException Error(string problem, int offset) => Error(_message, problem, offset);

    private static FormatException Error(string message, string problem, int offset) =>
        new($"pprof: {problem} (in {message} at byte {offset})");
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace HybridProf.Formats.Pprof;

/// <summary>
/// A minimal protobuf encoder: tags, varints, strings, embedded messages and packed repeated
/// varints, enough for <c>profile.proto</c>. Embedded messages are built in their own writer and
/// copied in behind their length, which is simple and cheap at profile sizes.
/// </summary>
internal sealed class ProtoWriter
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private byte[] _buffer = new byte[64];
    private int _length;

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>A proto3 int64 or uint64 field; zero is the default and, as proto3 requires, not written.</summary>
    public void WriteInt64(int field, long value)
    {
        if (value == 0)
            return;
        WriteTag(field, WireType.Varint);
        WriteRawVarint(unchecked((ulong)value));
    }

    /// <summary>A string field, written even when empty (the string table's first entry is "").</summary>
    public void WriteString(int field, string value)
    {
        WriteTag(field, WireType.LengthDelimited);
        int count = Utf8.GetByteCount(value);
        WriteRawVarint((ulong)count);
        Reserve(count);
        _length += Utf8.GetBytes(value, 0, value.Length, _buffer, _length);
    }

    /// <summary>An embedded message, written even when empty (an empty message is still an element of a repeated field).</summary>
    public void WriteMessage(int field, ProtoWriter message)
    {
        WriteTag(field, WireType.LengthDelimited);
        WriteRawVarint((ulong)message._length);
        Reserve(message._length);
        Buffer.BlockCopy(message._buffer, 0, _buffer, _length, message._length);
        _length += message._length;
    }

    /// <summary>A packed repeated int64/uint64 field (the proto3 default encoding); nothing when empty.</summary>
    public void WritePacked(int field, IReadOnlyList<long> values)
    {
        if (values.Count == 0)
            return;
        int size = 0;
        foreach (long v in values)
            size += VarintSize(unchecked((ulong)v));
        WriteTag(field, WireType.LengthDelimited);
        WriteRawVarint((ulong)size);
        foreach (long v in values)
            WriteRawVarint(unchecked((ulong)v));
    }

    /// <summary>Copies the bytes written so far to <paramref name="output"/>.</summary>
    public void WriteTo(Stream output) => output.Write(_buffer, 0, _length);

    /// <summary>The bytes written so far.</summary>
    public byte[] ToArray()
    {
        var copy = new byte[_length];
        Buffer.BlockCopy(_buffer, 0, copy, 0, _length);
        return copy;
    }

    private void WriteTag(int field, WireType wireType) => WriteRawVarint(((ulong)(uint)field << 3) | (uint)wireType);

    // Base-128, least significant group first, high bit set on every byte but the last.
    // A negative int64 is its two's complement: ten bytes.
    private void WriteRawVarint(ulong value)
    {
        Reserve(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_length++] = (byte)value;
    }

    private static int VarintSize(ulong value)
    {
        int size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    private void Reserve(int count)
    {
        if (_length + count <= _buffer.Length)
            return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using HybridProf.Model;

namespace HybridProf.Formats.Pprof;

/// <summary>
/// Reads pprof files (gzip-compressed or plain <c>perftools.profiles.Profile</c>) into a profile:
/// the weight is the <c>count</c> value (else <c>default_sample_type</c>, else the last value; a
/// time in a profile without counts makes it deterministic, in nanoseconds); threads come from
/// the <c>thread</c>/<c>thread_id</c> labels (without them, one thread <c>all</c>); inlined lines
/// become frames of their own. Samples whose weight is not positive are left out; a sample
/// without locations counts under <c>[unknown]</c>. A gzip file must be a single member (as
/// every pprof writer makes them), so that a truncated file is told from a complete one.
/// </summary>
public sealed class PprofReader : IProfileReader
{
    // Bounds what a tiny corrupt or hostile gzip stream can make us allocate.
    private const int MaxMessageBytes = 1 << 30;
    private static readonly Frame Unknown = new("[unknown]");

    /// <inheritdoc />
    /// <remarks>
    /// The start of the message is checked before the rest is read, so a large file that is not
    /// pprof is rejected in a few kilobytes of memory; a seekable stream (a file) is never
    /// copied whole, and its gzip trailer is read in place.
    /// </remarks>
    public Profile Read(Stream input)
    {
        if (!input.CanSeek)
        {
            var copy = new MemoryStream();
            input.CopyTo(copy);
            copy.Position = 0;
            input = copy;
        }
        long length = input.Length - input.Position;
        if (length <= 0)
            throw new FormatException("pprof: the file is empty");
        byte[] data = StartsWithGzipMagic(input) ? Gunzip(input, length) : ReadPlain(input, length);
        return ToProfile(PprofDecoder.Decode(data), data.Length);
    }

    private static bool StartsWithGzipMagic(Stream input)
    {
        long start = input.Position;
        var magic = new byte[2];
        int read = ReadUpTo(input, magic, 0, magic.Length);
        input.Position = start;
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    private static byte[] ReadPlain(Stream input, long length)
    {
        var head = new byte[(int)Math.Min(length, PprofStart.Bytes)];
        int read = ReadUpTo(input, head, 0, head.Length);
        PprofStart.Check(head, read, length);
        if (length > MaxMessageBytes)
            throw new FormatException($"pprof: the profile is larger than {MaxMessageBytes} bytes");
        var data = new byte[length];
        Array.Copy(head, data, read);
        int total = read + ReadUpTo(input, data, read, data.Length - read);
        if (total != data.Length)
            throw new FormatException($"pprof: the file ended after {total} of its {length} bytes");
        return data;
    }

    private static byte[] Gunzip(Stream input, long length)
    {
        const int Header = 10, Trailer = 8;
        if (length < Header + Trailer)
            throw new FormatException($"pprof: the gzip data is truncated or corrupt ({length} bytes, too short for a gzip header and trailer)");
        uint stated = TrailerSize(input);
        try
        {
            using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            bool startChecked = false;
            // The trailer states the size (mod 2^32): stop as soon as the output outgrows it,
            // rather than inflate a damaged stream up to the limit.
            long limit = stated > 0 && stated < MaxMessageBytes ? stated : MaxMessageBytes;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > limit)
                    throw limit == MaxMessageBytes
                        ? new FormatException($"pprof: the profile decompresses to more than {MaxMessageBytes} bytes")
                        : new FormatException($"pprof: the gzip data is truncated or corrupt (it decompresses to more than the {stated} bytes its trailer says)");
                output.Write(chunk, 0, read);
                // Garbage inside a valid gzip wrapper stops here, not after inflating all of it.
                // The trailer of a damaged file may lie, so no length is checked against it.
                if (!startChecked && output.Length >= PprofStart.Bytes)
                {
                    PprofStart.Check(output.GetBuffer(), (int)output.Length, null);
                    startChecked = true;
                }
            }
            if (stated != (uint)output.Length)
                throw new FormatException($"pprof: the gzip data is truncated or corrupt ({length} bytes hold {output.Length} bytes of profile, the trailer says {stated})");
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new FormatException("pprof: the gzip data is corrupt: " + e.Message, e);
        }
    }

    // Stream.Read may return less than asked before the end; this reads until full or the end.
    private static int ReadUpTo(Stream input, byte[] buffer, int offset, int count)
    {
        int total = 0;
        int read;
        while (total < count && (read = input.Read(buffer, offset + total, count - total)) > 0)
            total += read;
        return total;
    }

    // GZipStream ends quietly where its input ends, so a cut-off file would read as a smaller
    // profile. The trailer's last field, ISIZE, is the uncompressed length mod 2^32 (RFC 1952):
    // for a single-member file, which is what pprof writers produce, it must match. (Where the
    // whole trailer is present, the inflater has already checked the CRC.) Read in place, the
    // stream left where it was.
    private static uint TrailerSize(Stream input)
    {
        long start = input.Position;
        var size = new byte[4];
        input.Seek(-4, SeekOrigin.End);
        ReadUpTo(input, size, 0, size.Length);
        input.Position = start;
        return (uint)(size[0] | size[1] << 8 | size[2] << 16 | size[3] << 24);
    }

    // A location with many inlined lines, referenced again and again, could make a small file
    // stand for billions of frames. A real stack is at most a few thousand frames deep (HybridProf
    // records 4096, Go 64 to 128), and a real file spends at least a byte per location reference,
    // so these bounds only stop damaged or hostile files.
    private const int MaxStackFrames = 100_000;

    private static long FrameBudget(int messageBytes) => 1_000_000 + 8L * messageBytes;

    private static Profile ToProfile(PprofMessage m, int messageBytes)
    {
        long budget = FrameBudget(messageBytes);
        var strings = new PprofStringLookup(m.Strings);
        var weight = PprofWeight.Choose(m, strings);
        var builder = new ProfileBuilder();
        var threads = new Dictionary<(long, string?), int>();
        var frames = new Dictionary<ulong, Frame[]>();
        var stack = new List<Frame>();
        long total = 0;
        foreach (var sample in m.Samples)
        {
            if (sample.Values.Count != m.SampleTypes.Count)
                throw new FormatException($"pprof: a sample has {sample.Values.Count} values but the profile has {m.SampleTypes.Count} sample types");
            long value = weight.Of(sample);
            if (value <= 0)
                continue;
            // Every sum of weights (merged stacks, totals) must fit: bounding the grand total bounds them all.
            if (value > long.MaxValue - total)
                throw new FormatException("pprof: the sample weights add up to more than 2^63");
            total += value;
            stack.Clear();
            foreach (ulong id in sample.LocationIds)
            {
                var located = LocationFrames(m, strings, frames, id);
                if (stack.Count + located.Length > MaxStackFrames)
                    throw new FormatException($"pprof: a sample's stack is deeper than {MaxStackFrames} frames");
                budget -= located.Length;
                if (budget < 0)
                    throw new FormatException($"pprof: the samples' stacks hold more than {FrameBudget(messageBytes)} frames in all, more than a {messageBytes}-byte profile can mean");
                stack.AddRange(located);
            }
            if (stack.Count == 0)
                stack.Add(Unknown);
            stack.Reverse(); // pprof lists the leaf first; the model the root.
            builder.AddStack(builder.AddThread(Thread(sample, strings)), stack.Select(builder.AddFrame).ToArray(), value);
        }
        return builder.Build(weight.Metadata(m));
    }

    private static ProfileThread Thread(PprofSample sample, PprofStringLookup strings)
    {
        string? name = null;
        long id = 0;
        foreach (var label in sample.Labels)
        {
            string key = strings.Get(label.Key, "Label.key");
            if (key == PprofSampleTypes.ThreadLabel && label.Str != 0)
                name = strings.Get(label.Str, "Label.str");
            else if (key == PprofSampleTypes.ThreadIdLabel)
                id = label.Num;
        }
        int threadId = (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, id));
        return new ProfileThread(threadId, name ?? (id != 0 ? "thread " + id.ToString(CultureInfo.InvariantCulture) : "all"));
    }

    private static Frame[] LocationFrames(PprofMessage m, PprofStringLookup strings, Dictionary<ulong, Frame[]> cache, ulong id)
    {
        if (cache.TryGetValue(id, out var known))
            return known;
        if (!m.Locations.TryGetValue(id, out var location))
            throw new FormatException($"pprof: a sample refers to location {id}, which the profile does not define");
        Frame[] result = location.Lines.Count == 0
            ? new[] { location.Address == 0 ? Unknown : new Frame("0x" + location.Address.ToString("x", CultureInfo.InvariantCulture)) }
            : location.Lines.Select(line => LineFrame(m, strings, line)).ToArray();
        cache.Add(id, result);
        return result;
    }

    private static Frame LineFrame(PprofMessage m, PprofStringLookup strings, PprofLine line)
    {
        if (line.FunctionId == 0)
            return Unknown;
        if (!m.Functions.TryGetValue(line.FunctionId, out var function))
            throw new FormatException($"pprof: a line refers to function {line.FunctionId}, which the profile does not define");
        string name = strings.Get(function.Name, "Function.name");
        if (name.Length == 0)
            name = strings.Get(function.SystemName, "Function.system_name");
        string file = strings.Get(function.Filename, "Function.filename");
        // The model's frame is a function, so its line is where the function starts; the
        // sampled line is the fallback, when the start is unknown.
        long lineNumber = function.StartLine > 0 ? function.StartLine : line.Line;
        return new Frame(
            name.Length == 0 ? Unknown.Name : name,
            file.Length == 0 ? null : file,
            (int)Math.Max(0, Math.Min(int.MaxValue, lineNumber)));
    }
}

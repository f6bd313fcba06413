using System.Globalization;
using System.IO.Compression;
using System.Text;
using HybridProf.Formats.Pprof;

namespace HybridProf.Tests.Formats;

/// <summary>
/// A readable rendering of a pprof file for golden files, decoded at the wire level (not by
/// <see cref="PprofReader"/>, so the golden files check the writer independently): one line per
/// top-level field, nested messages in braces, string indices followed by the string they name.
/// Fields outside the table below show as <c>#N</c> with their wire type.
/// </summary>
internal static class PprofDump
{
    private enum Kind { Int, Str, Ints, Strs, String, Message }

    private static readonly Dictionary<string, Dictionary<int, (string Name, Kind Kind, string? Type)>> Schema = new()
    {
        ["Profile"] = new()
        {
            [1] = ("sample_type", Kind.Message, "ValueType"), [2] = ("sample", Kind.Message, "Sample"),
            [3] = ("mapping", Kind.Message, "Mapping"), [4] = ("location", Kind.Message, "Location"),
            [5] = ("function", Kind.Message, "Function"), [6] = ("string_table", Kind.String, null),
            [7] = ("drop_frames", Kind.Str, null), [8] = ("keep_frames", Kind.Str, null),
            [9] = ("time_nanos", Kind.Int, null), [10] = ("duration_nanos", Kind.Int, null),
            [11] = ("period_type", Kind.Message, "ValueType"), [12] = ("period", Kind.Int, null),
            [13] = ("comment", Kind.Strs, null), [14] = ("default_sample_type", Kind.Str, null),
        },
        ["ValueType"] = new() { [1] = ("type", Kind.Str, null), [2] = ("unit", Kind.Str, null) },
        ["Sample"] = new()
        {
            [1] = ("location_id", Kind.Ints, null), [2] = ("value", Kind.Ints, null), [3] = ("label", Kind.Message, "Label"),
        },
        ["Label"] = new()
        {
            [1] = ("key", Kind.Str, null), [2] = ("str", Kind.Str, null), [3] = ("num", Kind.Int, null), [4] = ("num_unit", Kind.Str, null),
        },
        ["Mapping"] = new() { [1] = ("id", Kind.Int, null), [5] = ("filename", Kind.Str, null) },
        ["Location"] = new()
        {
            [1] = ("id", Kind.Int, null), [2] = ("mapping_id", Kind.Int, null), [3] = ("address", Kind.Int, null), [4] = ("line", Kind.Message, "Line"),
        },
        ["Line"] = new() { [1] = ("function_id", Kind.Int, null), [2] = ("line", Kind.Int, null) },
        ["Function"] = new()
        {
            [1] = ("id", Kind.Int, null), [2] = ("name", Kind.Str, null), [3] = ("system_name", Kind.Str, null),
            [4] = ("filename", Kind.Str, null), [5] = ("start_line", Kind.Int, null),
        },
    };

    /// <summary>The dump of a gzip-compressed profile, with a first line describing the gzip layer.</summary>
    public static string OfFile(byte[] file)
    {
        Assert.True(file.Length > 2 && file[0] == 0x1F && file[1] == 0x8B, "a .pb.gz file starts with the gzip magic bytes");
        using var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        gzip.CopyTo(raw);
        return "# gzip, " + raw.Length.ToString(CultureInfo.InvariantCulture) + " bytes of perftools.profiles.Profile\n" + OfMessage(raw.ToArray());
    }

    /// <summary>The dump of an uncompressed <c>Profile</c> message.</summary>
    public static string OfMessage(byte[] message)
    {
        var strings = new List<string>();
        var scan = new ProtoReader(message, "Profile");
        while (scan.ReadTag(out int field, out WireType wire))
        {
            if (field == 6)
                strings.Add(scan.ReadString(wire, "string_table"));
            else
                scan.Skip(field, wire);
        }

        var text = new StringBuilder();
        var r = new ProtoReader(message, "Profile");
        int stringIndex = 0;
        while (r.ReadTag(out int field, out WireType wire))
        {
            if (field == 6)
            {
                text.Append($"string_table[{stringIndex++}]: {Quote(r.ReadString(wire, "string_table"))}\n");
                continue;
            }
            text.Append(Field(r, "Profile", field, wire, strings)).Append('\n');
        }
        return text.ToString();
    }

    private static string Message(ProtoReader r, string type, List<string> strings)
    {
        var parts = new List<string>();
        while (r.ReadTag(out int field, out WireType wire))
            parts.Add(Field(r, type, field, wire, strings));
        return "{ " + string.Join(", ", parts) + (parts.Count > 0 ? " }" : "}");
    }

    private static string Field(ProtoReader r, string type, int field, WireType wire, List<string> strings)
    {
        if (!Schema[type].TryGetValue(field, out var spec))
        {
            r.Skip(field, wire);
            return $"#{field} ({wire})";
        }
        var (name, kind, nested) = spec;
        return kind switch
        {
            Kind.Int => $"{name}: {r.ReadInt64(wire, name)}",
            Kind.Str => $"{name}: {StringRef(r.ReadInt64(wire, name), strings)}",
            Kind.String => $"{name}: {Quote(r.ReadString(wire, name))}",
            Kind.Message => $"{name} {Message(r.ReadMessage(wire, name, nested!), nested!, strings)}",
            _ => $"{name}: [{string.Join(", ", Repeated(r, wire, name).Select(v => kind == Kind.Strs ? StringRef((long)v, strings) : ((long)v).ToString(CultureInfo.InvariantCulture)))}]",
        };
    }

    private static List<ulong> Repeated(ProtoReader r, WireType wire, string name)
    {
        var values = new List<ulong>();
        r.ReadRepeatedVarint(wire, name, values);
        return values;
    }

    private static string StringRef(long index, List<string> strings) =>
        index >= 0 && index < strings.Count ? $"{index} {Quote(strings[(int)index])}" : $"{index} <out of range>";

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}

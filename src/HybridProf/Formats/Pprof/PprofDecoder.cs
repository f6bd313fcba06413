using System;
using System.Collections.Generic;
using S = HybridProf.Formats.Pprof.PprofSchema;

namespace HybridProf.Formats.Pprof;

/// <summary>
/// Decodes the wire format of an uncompressed <c>Profile</c> message into a <see cref="PprofMessage"/>.
/// Known fields are checked for their wire type; all others are skipped by wire type.
/// </summary>
internal static class PprofDecoder
{
    /// <exception cref="FormatException">The bytes are not a well-formed <c>Profile</c> message.</exception>
    public static PprofMessage Decode(byte[] data)
    {
        var message = new PprofMessage();
        var r = new ProtoReader(data, "Profile");
        while (r.ReadTag(out int field, out WireType type))
        {
            switch (field)
            {
                case S.Profile.SampleType: message.SampleTypes.Add(ValueType(r.ReadMessage(type, "sample_type", "ValueType"))); break;
                case S.Profile.Sample: message.Samples.Add(Sample(r.ReadMessage(type, "sample", "Sample"))); break;
                case S.Profile.Location: Add(message.Locations, Location(r.ReadMessage(type, "location", "Location")), l => l.Id, "location"); break;
                case S.Profile.Function: Add(message.Functions, Function(r.ReadMessage(type, "function", "Function")), f => f.Id, "function"); break;
                case S.Profile.StringTable: message.Strings.Add(r.ReadString(type, "string_table")); break;
                case S.Profile.TimeNanos: message.TimeNanos = r.ReadInt64(type, "time_nanos"); break;
                case S.Profile.DurationNanos: message.DurationNanos = r.ReadInt64(type, "duration_nanos"); break;
                case S.Profile.PeriodType: message.PeriodType = ValueType(r.ReadMessage(type, "period_type", "ValueType")); break;
                case S.Profile.Period: message.Period = r.ReadInt64(type, "period"); break;
                case S.Profile.Comment: r.ReadRepeatedVarint(type, "comment", message.Comments); break;
                case S.Profile.DefaultSampleType: message.DefaultSampleType = r.ReadInt64(type, "default_sample_type"); break;
                default: r.Skip(field, type); break;
            }
        }
        return message;
    }

    private static PprofValueType ValueType(ProtoReader r)
    {
        long type = 0, unit = 0;
        while (r.ReadTag(out int field, out WireType wire))
        {
            switch (field)
            {
                case S.ValueType.Type: type = r.ReadInt64(wire, "type"); break;
                case S.ValueType.Unit: unit = r.ReadInt64(wire, "unit"); break;
                default: r.Skip(field, wire); break;
            }
        }
        return new PprofValueType(type, unit);
    }

    private static PprofSample Sample(ProtoReader r)
    {
        var sample = new PprofSample();
        while (r.ReadTag(out int field, out WireType wire))
        {
            switch (field)
            {
                case S.Sample.LocationId: r.ReadRepeatedVarint(wire, "location_id", sample.LocationIds); break;
                case S.Sample.Value: r.ReadRepeatedVarint(wire, "value", sample.Values); break;
                case S.Sample.Label: sample.Labels.Add(Label(r.ReadMessage(wire, "label", "Label"))); break;
                default: r.Skip(field, wire); break;
            }
        }
        return sample;
    }

    private static PprofLabel Label(ProtoReader r)
    {
        long key = 0, str = 0, num = 0;
        while (r.ReadTag(out int field, out WireType wire))
        {
            switch (field)
            {
                case S.Label.Key: key = r.ReadInt64(wire, "key"); break;
                case S.Label.Str: str = r.ReadInt64(wire, "str"); break;
                case S.Label.Num: num = r.ReadInt64(wire, "num"); break;
                default: r.Skip(field, wire); break;
            }
        }
        return new PprofLabel(key, str, num);
    }

    private static PprofLocation Location(ProtoReader r)
    {
        var location = new PprofLocation();
        while (r.ReadTag(out int field, out WireType wire))
        {
            switch (field)
            {
                case S.Location.Id: location.Id = (ulong)r.ReadInt64(wire, "id"); break;
                case S.Location.Address: location.Address = (ulong)r.ReadInt64(wire, "address"); break;
                case S.Location.Line: location.Lines.Add(Line(r.ReadMessage(wire, "line", "Line"))); break;
                default: r.Skip(field, wire); break;
            }
        }
        return location;
    }

    private static PprofLine Line(ProtoReader r)
    {
        ulong function = 0;
        long line = 0;
        while (r.ReadTag(out int field, out WireType wire))
        {
            switch (field)
            {
                case S.Line.FunctionId: function = (ulong)r.ReadInt64(wire, "function_id"); break;
                case S.Line.LineNumber: line = r.ReadInt64(wire, "line"); break;
                default: r.Skip(field, wire); break;
            }
        }
        return new PprofLine(function, line);
    }

    private static PprofFunction Function(ProtoReader r)
    {
        ulong id = 0;
        long name = 0, systemName = 0, filename = 0, startLine = 0;
        while (r.ReadTag(out int field, out WireType wire))
        {
            switch (field)
            {
                case S.Function.Id: id = (ulong)r.ReadInt64(wire, "id"); break;
                case S.Function.Name: name = r.ReadInt64(wire, "name"); break;
                case S.Function.SystemName: systemName = r.ReadInt64(wire, "system_name"); break;
                case S.Function.Filename: filename = r.ReadInt64(wire, "filename"); break;
                case S.Function.StartLine: startLine = r.ReadInt64(wire, "start_line"); break;
                default: r.Skip(field, wire); break;
            }
        }
        return new PprofFunction(id, name, systemName, filename, startLine);
    }

    // Ids are "unique nonzero" (profile.proto); a duplicate would make samples ambiguous.
    private static void Add<T>(Dictionary<ulong, T> table, T item, Func<T, ulong> id, string what)
    {
        ulong key = id(item);
        if (key == 0)
            throw new FormatException($"pprof: a {what} has id 0; ids must be nonzero");
        if (table.ContainsKey(key))
            throw new FormatException($"pprof: {what} id {key} appears twice");
        table.Add(key, item);
    }
}

namespace HybridProf.Formats.Pprof;

/// <summary>The low three bits of a protobuf tag: how the field's value is encoded.</summary>
internal enum WireType
{
    /// <summary>int32, int64, uint64, bool, enum: a base-128 varint.</summary>
    Varint = 0,

    /// <summary>fixed64, sfixed64, double: eight little-endian bytes.</summary>
    Fixed64 = 1,

    /// <summary>string, bytes, embedded messages, packed repeated fields: a varint length, then that many bytes.</summary>
    LengthDelimited = 2,

    /// <summary>Deprecated groups: fields up to the matching <see cref="EndGroup"/>.</summary>
    StartGroup = 3,

    /// <summary>Ends a group.</summary>
    EndGroup = 4,

    /// <summary>fixed32, sfixed32, float: four little-endian bytes.</summary>
    Fixed32 = 5,
}

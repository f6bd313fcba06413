using System.Collections.Generic;

namespace HybridProf.Formats.Pprof;

/// <summary>
/// A decoded <c>Profile</c> message, still in pprof's terms (string indices, ids, leaf-first
/// locations): what <see cref="PprofDecoder"/> produces and <see cref="PprofReader"/> turns into the model.
/// </summary>
internal sealed class PprofMessage
{
    public List<PprofValueType> SampleTypes { get; } = new();
    public List<PprofSample> Samples { get; } = new();
    public Dictionary<ulong, PprofLocation> Locations { get; } = new();
    public Dictionary<ulong, PprofFunction> Functions { get; } = new();
    public List<string> Strings { get; } = new();
    public List<ulong> Comments { get; } = new();
    public long TimeNanos { get; set; }
    public long DurationNanos { get; set; }
    public PprofValueType? PeriodType { get; set; }
    public long Period { get; set; }
    public long DefaultSampleType { get; set; }
}

internal sealed record PprofValueType(long Type, long Unit);

internal sealed class PprofSample
{
    /// <summary>Leaf first.</summary>
    public List<ulong> LocationIds { get; } = new();
    public List<ulong> Values { get; } = new();
    public List<PprofLabel> Labels { get; } = new();
}

internal sealed record PprofLabel(long Key, long Str, long Num);

internal sealed class PprofLocation
{
    public ulong Id { get; set; }
    public ulong Address { get; set; }

    /// <summary>Innermost (inlined) function first, the caller it was inlined into last.</summary>
    public List<PprofLine> Lines { get; } = new();
}

internal sealed record PprofLine(ulong FunctionId, long Line);

internal sealed record PprofFunction(ulong Id, long Name, long SystemName, long Filename, long StartLine);

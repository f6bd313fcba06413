using System;
using HybridProf.Model;

namespace HybridProf.Formats.Pprof;

/// <summary>
/// How a profile's weights become pprof sample values. Sampling modes: <c>samples/count</c> at
/// index 0 (the convention for event counts) and, when the rate is known, <c>cpu/nanoseconds</c>
/// or <c>wall/nanoseconds</c> = samples × period, last so pprof shows time by default.
/// Deterministic mode: <c>time/nanoseconds</c>, the exact own time.
/// </summary>
internal sealed class PprofSampleTypes
{
    /// <summary>Sample label holding the thread's name (a string label).</summary>
    public const string ThreadLabel = "thread";

    /// <summary>Sample label holding the managed thread id (a number label).</summary>
    public const string ThreadIdLabel = "thread_id";

    private PprofSampleTypes((string Type, string Unit)[] types, string periodType, long periodNanos)
    {
        Types = types;
        PeriodType = periodType;
        PeriodNanos = periodNanos;
    }

    /// <summary>The <c>sample_type</c> entries, in value order.</summary>
    public (string Type, string Unit)[] Types { get; }

    /// <summary>The <c>period_type</c>'s type (its unit is nanoseconds).</summary>
    public string PeriodType { get; }

    /// <summary>Nanoseconds between samples, or 0 when there is no period (deterministic mode, unknown rate).</summary>
    public long PeriodNanos { get; }

    public static PprofSampleTypes For(ProfileMetadata metadata)
    {
        if (metadata.Mode == ProfileMode.Deterministic)
            return new(new[] { ("time", "nanoseconds") }, "time", 0);
        string time = metadata.Mode == ProfileMode.Wall ? "wall" : "cpu";
        if (metadata.RateHz <= 0)
            return new(new[] { ("samples", "count") }, time, 0);
        return new(new[] { ("samples", "count"), (time, "nanoseconds") }, time, 1_000_000_000L / metadata.RateHz);
    }

    /// <summary>The values of a stack seen <paramref name="weight"/> times (or for that many nanoseconds).</summary>
    public long[] Values(long weight) => Types.Length == 1
        ? new[] { weight }
        : new[] { weight, weight > long.MaxValue / PeriodNanos ? long.MaxValue : weight * PeriodNanos };
}

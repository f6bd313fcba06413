using System;
using HybridProf.Model;

namespace HybridProf.Configuration;

/// <summary>How a profiling session samples and where it writes.</summary>
public sealed record ProfilerOptions
{
    /// <summary>Default sampling rate: 100 samples per second per thread.</summary>
    public const int DefaultRateHz = 100;

    /// <summary>Highest accepted rate; beyond it the sampler's own cost dominates.</summary>
    public const int MaxRateHz = 10_000;

    /// <summary>What to record; default <see cref="ProfileMode.Cpu"/>.</summary>
    public ProfileMode Mode { get; init; } = ProfileMode.Cpu;

    /// <summary>Samples per second per thread; default 100.</summary>
    public int RateHz { get; init; } = DefaultRateHz;

    /// <summary>Stop after this long, or null to run until stopped or the process exits.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>File to write when the session ends (format from the extension), or null.</summary>
    public string? OutputPath { get; init; }
}

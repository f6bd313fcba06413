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

    /// <summary>Default bound on distinct call paths: a stack table of about 40 MB at most when sampling.</summary>
    public const int DefaultMaxCallPaths = 1_000_000;

    /// <summary>Whether <paramref name="hz"/> is an accepted rate: from 1 to <see cref="MaxRateHz"/>. The one rule every way in uses.</summary>
    public static bool IsValidRate(int hz) => hz >= 1 && hz <= MaxRateHz;

    /// <summary>Highest accepted bound on distinct call paths.</summary>
    public const int MaxMaxCallPaths = 100_000_000;

    /// <summary>What to record; default <see cref="ProfileMode.Cpu"/>.</summary>
    public ProfileMode Mode { get; init; } = ProfileMode.Cpu;

    /// <summary>Samples per second per thread; default 100.</summary>
    public int RateHz { get; init; } = DefaultRateHz;

    /// <summary>Stop after this long, or null to run until stopped or the process exits.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>
    /// Most distinct call paths (a function reached through one chain of callers) a sampling
    /// session keeps; past it, new stacks are counted under a <c>[truncated]</c> frame below
    /// their longest known prefix, so memory stays bounded and no sample is lost. Default
    /// 1,000,000. Deterministic mode records from start-up, so its call tree takes its bound
    /// from <c>HYBRIDPROF_MAX_CALL_PATHS</c> at start-up instead.
    /// </summary>
    public int MaxCallPaths { get; init; } = DefaultMaxCallPaths;

    /// <summary>File to write when the session ends (format from the extension), or null.</summary>
    public string? OutputPath { get; init; }
}

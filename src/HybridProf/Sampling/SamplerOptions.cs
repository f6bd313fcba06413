using HybridProf.Configuration;
using HybridProf.Model;

namespace HybridProf.Sampling;

/// <summary>What the sampler records and how often.</summary>
/// <param name="Mode"><see cref="ProfileMode.Cpu"/> keeps only samples of running threads; <see cref="ProfileMode.Wall"/> keeps all.</param>
/// <param name="RateHz">Samples per second per thread.</param>
/// <param name="MaxCallPaths">Bound of the stack table; the overflow is counted under <c>[truncated]</c>.</param>
internal sealed record SamplerOptions(ProfileMode Mode, int RateHz, int MaxCallPaths = ProfilerOptions.DefaultMaxCallPaths);

using System.Runtime.CompilerServices;

namespace HybridProf.Markers;

/// <summary>
/// <c>[MethodImpl(SamplerPath.CompiledOnce)]</c> on the markers' code that the sampler's tick
/// calls: compiled fully optimized at its first call and never again, like the rest of the tick
/// (<c>HybridProf.Platform.CompiledOnce</c> says why). The markers keep their own name for the
/// value because they depend on the BCL only (docs/architecture.md); it is
/// <c>AggressiveOptimization</c>, which netstandard2.0 does not define.
/// </summary>
internal static class SamplerPath
{
    public const MethodImplOptions CompiledOnce = (MethodImplOptions)512;
}

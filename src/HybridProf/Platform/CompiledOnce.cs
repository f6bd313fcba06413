using System.Runtime.CompilerServices;

namespace HybridProf.Platform;

/// <summary>
/// <c>[MethodImpl(CompiledOnce.Optimized)]</c> on a method of the sampler's tick: the JIT
/// compiles it fully optimized at its first call and never again (the attribute's name is
/// <c>AggressiveOptimization</c>, which netstandard2.0 does not define).
/// <para>
/// A method compiled in tiers is recompiled while the app runs, and the runtime's instrumented
/// tier calls, for the first time, callees that the earlier code had inlined. Every such first
/// call, on any thread, stops the promotion of the app's hot methods to optimized code for at
/// least 100 ms (the runtime's call-counting delay): a sampler whose tick went through tiers
/// held a short app's methods in unoptimized code for a few tenths of a second at 1 kHz (the
/// parser workload ran 390–550 ms or about 1000 ms, by when its pauses fell). Code compiled
/// once has no such moments; what it calls must be code of ours compiled the same way, or a
/// system call.
/// </para>
/// </summary>
internal static class CompiledOnce
{
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}

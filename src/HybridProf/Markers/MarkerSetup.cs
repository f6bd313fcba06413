using System;
using System.Threading;

namespace HybridProf.Markers;

/// <summary>
/// What the rest of the runtime plugs into the markers. The markers are the hot path and
/// depend on nothing but the BCL, so the parts that read them (the sampler, the
/// deterministic recorder, the automatic session) register here instead of being called by
/// name. Set once, by the runtime's module initializer, before any marker can run: the
/// module initializer of HybridProf.dll runs before the first call into it, and every
/// marker is such a call.
/// </summary>
internal static class MarkerSetup
{
    /// <summary>Read once into <see cref="MarkerMode.Deterministic"/>; later changes are ignored.</summary>
    public static bool DeterministicRequested;

    /// <summary>Makes the deterministic recorder of a thread; needed when <see cref="DeterministicRequested"/> is set.</summary>
    public static Func<Thread, CallRecorder>? RecorderFactory;

    /// <summary>
    /// Runs on a thread the first time it enters instrumented code, with its new stack (the
    /// sampler registers it there, reading the thread's own clock ids). Must not throw.
    /// </summary>
    public static Action<ShadowStack>? ThreadAttached;

    /// <summary>Runs after each method table registers (the automatic session starts on the first).</summary>
    public static Action? TableRegistered;

    /// <summary>Where the markers report a problem they survived (a table that could not be read).</summary>
    public static Action<string>? Warning;
}

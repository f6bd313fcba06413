namespace HybridProf.Markers;

/// <summary>
/// Whether the markers time every call (deterministic mode) or only push and pop, decided
/// once per process before the first marker runs. The flag is <c>static readonly</c> and set
/// in a static constructor: once the class is initialized, the tier-1 JIT treats it as a
/// constant, so in sampling mode the deterministic branches in the markers are compiled away.
/// (Code compiled ahead of time, NativeAOT, keeps the branch: a load and a predictable jump.)
/// </summary>
internal static class MarkerMode
{
    /// <summary>True when deterministic recording was asked for at start-up and a recorder is plugged in.</summary>
    public static readonly bool Deterministic;

    static MarkerMode()
    {
        Deterministic = MarkerSetup.DeterministicRequested && MarkerSetup.RecorderFactory is not null;
    }
}

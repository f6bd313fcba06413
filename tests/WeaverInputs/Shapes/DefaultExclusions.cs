namespace WeaverInput;

/// <summary>Members the defaults leave out: auto-properties and AggressiveInlining methods.</summary>
public class DefaultExclusions
{
    public int Auto { get; set; }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int Inlined() => Probe.Depth();

    [HybridProf.NoProfile]
    public static int Excluded() => Probe.Depth();
}
